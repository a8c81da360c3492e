package io.coherent.core.dynamics;

/**
 * The slowest relaxation time 1 / min |Re lambda| of a generator, with its accuracy.
 *
 * @param time  the relaxation time; +infinity when nothing decays, NaN when not computed
 * @param error estimate of its absolute error; NaN when not estimated (then {@code how} says why)
 * @param how   how it was computed and what the error contains, or why it is missing, for people
 */
public record RelaxationTime(double time, double error, String how) {

    public RelaxationTime {
        if (how == null) {
            throw new IllegalArgumentException("how must not be null");
        }
    }

    /** Not computed, with the reason. */
    public static RelaxationTime notComputed(String why) {
        return new RelaxationTime(Double.NaN, Double.NaN, why);
    }

    /** A value whose accuracy is not estimated, with the reason. */
    public static RelaxationTime unestimated(double time, String why) {
        return new RelaxationTime(time, Double.isInfinite(time) ? 0 : Double.NaN, why);
    }

    public boolean computed() {
        return !Double.isNaN(time);
    }

    /** Whether an error estimate comes with the value. */
    public boolean estimated() {
        return !Double.isNaN(error);
    }
}
