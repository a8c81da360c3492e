package io.coherent.core.linalg;

import java.util.function.IntToDoubleFunction;

/**
 * How near singular an LU factorisation found its matrix: min |u_ii| / max |u_ii| over the diagonal of U, near 0 for
 * a numerically singular matrix and 0 for an exactly singular one. Whatever holds the factors ({@link ComplexLu}'s
 * flat arrays, an EJML matrix) gives the moduli of its pivots.
 */
public final class PivotRatio {
    private PivotRatio() {
    }

    /** @param pivotModulus |u_ii| for i = 0 .. n-1 */
    public static double of(int n, IntToDoubleFunction pivotModulus) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double p = pivotModulus.applyAsDouble(i);
            min = Math.min(min, p);
            max = Math.max(max, p);
        }
        return max == 0 ? 0 : min / max;
    }
}
