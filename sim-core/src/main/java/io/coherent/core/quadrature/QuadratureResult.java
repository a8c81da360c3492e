package io.coherent.core.quadrature;

/**
 * Integral of a vector integrand, with a per-component error estimate (sum over panels of
 * |Kronrod-15 - Gauss-7|, a conservative bound in practice), the number of integrand evaluations, and
 * whether the requested tolerance was met within the evaluation budget.
 */
public record QuadratureResult(double[] values, double[] errors, int evaluations, boolean converged) {

    public double maxError() {
        double m = 0;
        for (double e : errors) {
            m = Math.max(m, e);
        }
        return m;
    }
}
