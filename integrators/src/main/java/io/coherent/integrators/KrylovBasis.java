package io.coherent.integrators;

import static io.coherent.core.linalg.Vectors.axpy;
import static io.coherent.core.linalg.Vectors.dot;
import static io.coherent.core.linalg.Vectors.norm;
import static io.coherent.core.linalg.Vectors.scale;

/**
 * One step's Arnoldi basis of a linear generator L at a state y0 = beta v1: the orthonormal vectors
 * v1 .. v(m+1) and the augmented (m+1) x (m+1) matrix A = [[H_m, 0], [h_(m+1,m) e_m^T, 0]] of
 * {@link KrylovIntegrator}, so that y(t0 + s) ~ V exp(s A) (beta e1) for every s of the step. Immutable once built:
 * an interpolator may keep it after the step.
 */
final class KrylovBasis {
    /** h_(j+1,j) below this fraction of ||H|| means the basis spans an invariant subspace: the result is exact. */
    private static final double BREAKDOWN = 1e-14;

    private final double[][] v;
    private final double[][] a;
    private final double beta;

    private KrylovBasis(double[][] v, double[][] a, double beta) {
        this.v = v;
        this.a = a;
        this.beta = beta;
    }

    /**
     * Arnoldi with modified Gram-Schmidt: at most m evaluations of the generator through the integrator. The
     * orthogonalisation is fused: the pass that subtracts h_ij v_i also sums the next dot product v_(i+1) . w (and the
     * last one ||w||^2) on the updated w, the textbook loop's operations in the same order in half the passes.
     */
    static KrylovBasis build(KrylovIntegrator integrator, double t, double[] y0, int m) {
        int n = y0.length;
        double beta = norm(y0);
        if (beta == 0) {
            // exp(s L) 0 = 0: an empty basis
            return new KrylovBasis(new double[1][n], new double[1][1], 0);
        }
        double[][] v = new double[m + 1][];
        double[][] h = new double[m + 1][m + 1];
        v[0] = scaled(y0, 1 / beta);
        double hNorm = 0;
        int size = m;
        for (int j = 0; j < m; j++) {
            double[] w = integrator.computeDerivatives(t, v[j]);
            double hij = dot(v[0], w);
            double squared = 0;
            for (int i = 0; i <= j; i++) {
                h[i][j] = hij;
                hNorm = Math.max(hNorm, Math.abs(hij));
                double[] vi = v[i];
                double[] following = i < j ? v[i + 1] : w;
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    double wk = w[k] - hij * vi[k];
                    w[k] = wk;
                    sum += following[k] * wk;
                }
                if (i < j) {
                    hij = sum;
                } else {
                    squared = sum;
                }
            }
            double next = Math.sqrt(squared);
            hNorm = Math.max(hNorm, next);
            if (next <= BREAKDOWN * hNorm) {
                // happy breakdown: span(v1 .. v(j+1)) is invariant under L, exp(s H_(j+1)) is exact
                size = j + 1;
                v[size] = new double[n];
                break;
            }
            h[j + 1][j] = next;
            v[j + 1] = scaled(w, 1 / next);
        }
        double[][] vs = new double[size + 1][];
        System.arraycopy(v, 0, vs, 0, size + 1);
        double[][] a = new double[size + 1][size + 1];
        for (int i = 0; i <= size; i++) {
            System.arraycopy(h[i], 0, a[i], 0, size);
        }
        return new KrylovBasis(vs, a, beta);
    }

    /** c = beta exp(s A) e1: the step's state at t0 + s in the basis (the last entry is the error term). */
    double[] coefficients(double s) {
        int k = a.length;
        double[] c = new double[k];
        if (beta == 0) {
            return c;
        }
        double[][] e = MatrixExponential.of(a, s);
        for (int i = 0; i < k; i++) {
            c[i] = beta * e[i][0];
        }
        return c;
    }

    /** A c: the coefficients of the time derivative of V c, i.e. of L V_m c_m. */
    double[] derivative(double[] c) {
        int k = a.length;
        double[] d = new double[k];
        for (int i = 0; i < k; i++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += a[i][j] * c[j];
            }
            d[i] = sum;
        }
        return d;
    }

    /**
     * The state V c and its time derivative V (A c) in one pass over the basis (dense output and step ends need
     * both).
     */
    double[][] stateAndDerivative(double[] c) {
        double[] d = derivative(c);
        int n = v[0].length;
        double[] y = new double[n];
        double[] yDot = new double[n];
        for (int j = 0; j < c.length; j++) {
            double cj = c[j];
            double dj = d[j];
            double[] vj = v[j];
            for (int i = 0; i < n; i++) {
                y[i] += cj * vj[i];
                yDot[i] += dj * vj[i];
            }
        }
        return new double[][] {y, yDot};
    }

    /** V c, a new state vector. */
    double[] combine(double[] c) {
        double[] y = new double[v[0].length];
        for (int j = 0; j < c.length; j++) {
            axpy(c[j], v[j], y);
        }
        return y;
    }

    /** Saad's error estimate for coefficients c, scaled by the integrator's tolerances (<= 1 is accepted). */
    double scaledError(double[] c, double[] y0, double[] y1, KrylovIntegrator integrator) {
        double last = c[c.length - 1];
        return last == 0 ? 0 : integrator.scaledNorm(v[v.length - 1], Math.abs(last), y0, y1);
    }

    private static double[] scaled(double[] x, double alpha) {
        double[] y = x.clone();
        scale(y, alpha);
        return y;
    }
}
