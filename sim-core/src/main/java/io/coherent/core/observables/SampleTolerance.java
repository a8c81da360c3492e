package io.coherent.core.observables;

import java.util.Map;

/**
 * The accuracy asked of each observable of one sample of a trajectory: an estimate meets it when its error is finite
 * and at most max(absolute, relative |value|). A sample whose estimates do not all meet it is "not converged": its
 * numbers are still the best the engine has, but not as accurate as asked (the exact engine's quadrature_tolerance,
 * the hierarchy's heom_tolerance).
 *
 * @param absolute    absolute tolerance (+infinity: any finite estimate meets it)
 * @param relative    tolerance relative to |value| (>= 0)
 * @param description what the tolerance is, for people (e.g. {@code quadrature_tolerance 1e-08})
 */
public record SampleTolerance(double absolute, double relative, String description) {

    /**
     * Where no per-sample target is asked because the estimates are bounds derived from other tolerances (the master
     * equations' propagated quadrature bounds): only an estimate that is not finite fails.
     */
    public static final SampleTolerance FINITE = new SampleTolerance(Double.POSITIVE_INFINITY, 0, "a finite error estimate");

    public SampleTolerance {
        if (!(absolute > 0) || !(relative >= 0) || description == null) {
            throw new IllegalArgumentException("a sample tolerance is > 0 with a description");
        }
    }

    /** Whether the estimate is finite and within the tolerance. */
    public boolean met(Estimate e) {
        return Double.isFinite(e.error()) && e.error() <= Math.max(absolute, relative * Math.abs(e.value()));
    }

    /** Whether every observable of the set meets the tolerance. */
    public boolean met(ObservableSet o) {
        for (Estimate e : o.values().values()) {
            if (!met(e)) {
                return false;
            }
        }
        return true;
    }

    /**
     * How far an estimate is from the tolerance: error / max(absolute, relative |value|), 0 for a tolerance met by
     * any finite estimate, +infinity for an estimate that is not finite.
     */
    public double excess(Estimate e) {
        if (!Double.isFinite(e.error())) {
            return Double.POSITIVE_INFINITY;
        }
        double allowed = Math.max(absolute, relative * Math.abs(e.value()));
        return Double.isInfinite(allowed) ? 0 : e.error() / allowed;
    }

    /** The name of the observable of o furthest beyond the tolerance (null when o is empty). */
    public String worst(ObservableSet o) {
        String name = null;
        double largest = -1;
        for (Map.Entry<String, Estimate> e : o.values().entrySet()) {
            double x = excess(e.getValue());
            if (x > largest) {
                largest = x;
                name = e.getKey();
            }
        }
        return name;
    }
}
