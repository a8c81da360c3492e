package io.coherent.app.sweep;

/**
 * What happened at one point: its result, or the one-line reason it failed.
 *
 * @param point   the grid point
 * @param result  the values; null if the point failed
 * @param failure null if the point succeeded, otherwise why it failed
 * @param seconds wall time spent on the point (loading the scenario and evaluating it)
 */
public record PointOutcome(Grid.Point point, PointResult result, String failure, double seconds) {

    public PointOutcome {
        if ((result == null) == (failure == null)) {
            throw new IllegalArgumentException("a point has either a result or a failure");
        }
    }

    public boolean failed() {
        return failure != null;
    }
}
