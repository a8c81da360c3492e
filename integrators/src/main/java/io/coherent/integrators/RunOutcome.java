package io.coherent.integrators;

/**
 * How a run ended.
 *
 * @param last    the last sample recorded (at the final time reached)
 * @param failure null if the run completed, otherwise the one-line reason it stopped
 */
public record RunOutcome(Sample last, SteadyStateVerdict steadyState, IntegrationStatistics statistics,
                         double wallSeconds, String failure) {

    public boolean failed() {
        return failure != null;
    }
}
