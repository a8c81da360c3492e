package io.coherent.integrators;

/** An event a run watches for, besides the steady state. */
public sealed interface EventSpec {
    /** Events are located to this time accuracy (relative to max(1, |t|)). */
    double TIME_ACCURACY = 1e-12;

    /** Stop the run when the event occurs. */
    boolean stop();

    /**
     * A named observable crosses {@code level}, in either direction. Each check evaluates the generator's
     * observables at an interpolated state, so with an expensive {@code observe} (the exact engine's
     * quadrature) it costs that once per check.
     */
    record Threshold(String observable, double level, boolean stop) implements EventSpec {
        public Threshold {
            if (observable == null || observable.isBlank() || !Double.isFinite(level)) {
                throw new IllegalArgumentException("a threshold needs an observable name and a finite level");
            }
        }
    }

    /** The run reaches time {@code t}. */
    record TimeMark(double t, boolean stop) implements EventSpec {
        public TimeMark {
            if (!(t > 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException("a time mark must be a finite time > 0, got " + t);
            }
        }
    }
}
