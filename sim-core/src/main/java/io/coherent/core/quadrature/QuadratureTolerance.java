package io.coherent.core.quadrature;

/**
 * Requested accuracy of a quadrature: stop when the estimated error is below
 * max(absolute, relative * |integral|) or after maxEvaluations integrand calls.
 */
public record QuadratureTolerance(double absolute, double relative, int maxEvaluations) {

    /** Steady-state default: error below 1e-10 absolute or relative. */
    public static final QuadratureTolerance STEADY_STATE = new QuadratureTolerance(1e-10, 1e-10, 400_000);

    /** Per-sample default for trajectories. */
    public static final QuadratureTolerance TRAJECTORY = new QuadratureTolerance(1e-8, 1e-8, 200_000);

    public QuadratureTolerance {
        if (!(absolute > 0) || !(relative >= 0) || maxEvaluations < 15) {
            throw new IllegalArgumentException("quadrature tolerance must be > 0 with at least 15 evaluations");
        }
    }
}
