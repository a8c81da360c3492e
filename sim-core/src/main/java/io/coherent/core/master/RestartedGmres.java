package io.coherent.core.master;

/**
 * Restarted GMRES(m) with right preconditioning for a real linear system A x = b on flat arrays (Saad, Iterative
 * Methods for Sparse Linear Systems, 2nd ed., Alg. 6.9 with Givens rotations, Sec. 6.5.3; right preconditioning
 * Alg. 9.5): the residual it minimises and reports is the true residual ||b - A x||_2, not a preconditioned one.
 * The Krylov basis vectors are allocated when first used (a solve that converges in a few iterations never touches
 * the rest of the restart length: on a large hierarchy that is hundreds of megabytes not zeroed) and kept for the
 * next solve; once they exist {@link #solve} allocates nothing. Modified Gram-Schmidt runs fused: each pass that
 * subtracts the projection on v_i also accumulates the next dot product w . v_{i+1} (and the last one ||w||) on the
 * updated w, the same operations in the same order as the textbook loop, in half the passes over memory.
 */
public final class RestartedGmres {

    /**
     * y = A x (or y = M^-1 x for the preconditioner); y and x are distinct arrays, and x is only read (it may be a
     * Krylov vector).
     */
    public interface LinearMap {
        void apply(double[] x, double[] y);
    }

    /**
     * @param iterations  Arnoldi steps taken (one application of A and of M^-1 each)
     * @param residual    ||b - A x||_2 at the end, recomputed from x
     * @param converged   residual &lt;= tolerance ||b||_2
     */
    public record Outcome(int iterations, double residual, boolean converged) {
    }

    private final int n;
    private final int restart;
    private final LinearMap operator;
    private final LinearMap preconditioner;
    private final double[][] basis;
    private final double[] hessenberg;
    private final double[] cosines;
    private final double[] sines;
    private final double[] g;
    private final double[] y;
    private final double[] w;
    private final double[] z;

    public RestartedGmres(int n, int restart, LinearMap operator, LinearMap preconditioner) {
        this.n = n;
        this.restart = restart;
        this.operator = operator;
        this.preconditioner = preconditioner;
        basis = new double[restart + 1][];
        hessenberg = new double[(restart + 1) * restart];
        cosines = new double[restart];
        sines = new double[restart];
        g = new double[restart + 1];
        y = new double[restart];
        w = new double[n];
        z = new double[n];
    }

    /** Improves x in place (x is the initial guess) until ||b - A x|| &lt;= tolerance ||b|| or maxIterations steps. */
    public Outcome solve(double[] b, double[] x, double tolerance, int maxIterations) {
        double target = tolerance * norm(b);
        int iterations = 0;
        double residual = residual(b, x);
        double previousCycle = Double.POSITIVE_INFINITY;
        while (residual > target && iterations < maxIterations) {
            // the residual vector is in w; v_0 = r / ||r||
            double beta = residual;
            double[] v0 = vector(0);
            for (int i = 0; i < n; i++) {
                v0[i] = w[i] / beta;
            }
            java.util.Arrays.fill(g, 0);
            g[0] = beta;
            int j = 0;
            double estimate = beta;
            while (j < restart && iterations < maxIterations && estimate > target) {
                preconditioner.apply(basis[j], z);
                operator.apply(z, w);
                // modified Gram-Schmidt against v_0..v_j, fused: h_i = w . v_i, then w -= h_i v_i while the same pass
                // sums w . v_{i+1} (or ||w||^2 after the last)
                double h = dot(w, basis[0]);
                double hNext = 0;
                for (int i = 0; i <= j; i++) {
                    hessenberg[i * restart + j] = h;
                    double[] vi = basis[i];
                    double next = 0;
                    if (i < j) {
                        double[] vn = basis[i + 1];
                        for (int k = 0; k < n; k++) {
                            double wk = w[k] - h * vi[k];
                            w[k] = wk;
                            next += wk * vn[k];
                        }
                        h = next;
                    } else {
                        for (int k = 0; k < n; k++) {
                            double wk = w[k] - h * vi[k];
                            w[k] = wk;
                            next += wk * wk;
                        }
                        hNext = Math.sqrt(next);
                    }
                }
                hessenberg[(j + 1) * restart + j] = hNext;
                double[] vNext = vector(j + 1);
                for (int k = 0; k < n; k++) {
                    vNext[k] = hNext > 0 ? w[k] / hNext : 0;
                }
                // previous rotations on column j, then the one that zeroes H[j+1][j]
                for (int i = 0; i < j; i++) {
                    double a = hessenberg[i * restart + j];
                    double c = hessenberg[(i + 1) * restart + j];
                    hessenberg[i * restart + j] = cosines[i] * a + sines[i] * c;
                    hessenberg[(i + 1) * restart + j] = -sines[i] * a + cosines[i] * c;
                }
                double a = hessenberg[j * restart + j];
                double r = Math.hypot(a, hNext);
                cosines[j] = r == 0 ? 1 : a / r;
                sines[j] = r == 0 ? 0 : hNext / r;
                hessenberg[j * restart + j] = r;
                hessenberg[(j + 1) * restart + j] = 0;
                g[j + 1] = -sines[j] * g[j];
                g[j] = cosines[j] * g[j];
                estimate = Math.abs(g[j + 1]);
                j++;
                iterations++;
                if (hNext == 0) {
                    break; // happy breakdown: the Krylov space holds the solution
                }
            }
            // y = H^-1 g (upper triangular j x j), x += M^-1 (V y)
            for (int i = j - 1; i >= 0; i--) {
                double s = g[i];
                for (int k = i + 1; k < j; k++) {
                    s -= hessenberg[i * restart + k] * y[k];
                }
                double diag = hessenberg[i * restart + i];
                y[i] = diag == 0 ? 0 : s / diag;
            }
            java.util.Arrays.fill(w, 0);
            for (int i = 0; i < j; i++) {
                double[] vi = basis[i];
                double yi = y[i];
                for (int k = 0; k < n; k++) {
                    w[k] += yi * vi[k];
                }
            }
            preconditioner.apply(w, z);
            for (int k = 0; k < n; k++) {
                x[k] += z[k];
            }
            residual = residual(b, x);
            // a whole cycle that does not gain a factor 2 will not reach the target (rounding floor or singular A)
            if (residual > 0.5 * previousCycle) {
                break;
            }
            previousCycle = residual;
        }
        return new Outcome(iterations, residual, residual <= target);
    }

    /** Krylov vector i, allocated on first use. */
    private double[] vector(int i) {
        if (basis[i] == null) {
            basis[i] = new double[n];
        }
        return basis[i];
    }

    private double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** w = b - A x; returns ||w||_2. */
    private double residual(double[] b, double[] x) {
        operator.apply(x, z);
        for (int i = 0; i < n; i++) {
            w[i] = b[i] - z[i];
        }
        return norm(w);
    }

    private double norm(double[] a) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i] * a[i];
        }
        return Math.sqrt(s);
    }
}
