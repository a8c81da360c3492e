package io.coherent.core.master;

import org.ejml.data.DMatrixRMaj;

/**
 * A master-equation generator as a dense real matrix on the d^2 real parameters of a Hermitian matrix
 * (Hermitian-preserving maps are real-linear there): p[m d + n] = Re rho_mn for m &lt; n, Im rho_nm for m &gt; n,
 * rho_mm on the diagonal. Built column by column by applying the generator to the d^2 Hermitian basis
 * matrices. Used for the steady state (null space) and, for small d, as the ODE right-hand side (d^4 operations,
 * cheaper than the matrix-product form when d is small).
 */
final class HermitianLiouvillian {
    private final int d;
    private final double[] matrix;
    private final double[] in;
    private final double[] out;

    /** The linear map to represent: out += L(rho) on the flat [re, im] layout. */
    interface FlatMap {
        void addTo(double[] rho, double[] out);
    }

    HermitianLiouvillian(int d, FlatMap map) {
        this.d = d;
        int n = d * d;
        matrix = new double[n * n];
        double[] rho = new double[2 * n];
        double[] image = new double[2 * n];
        double[] params = new double[n];
        double[] column = new double[n];
        for (int j = 0; j < n; j++) {
            java.util.Arrays.fill(params, 0);
            params[j] = 1;
            fromParameters(d, params, rho);
            java.util.Arrays.fill(image, 0);
            map.addTo(rho, image);
            toParameters(d, image, column);
            for (int i = 0; i < n; i++) {
                matrix[i * n + j] = column[i];
            }
        }
        in = new double[n];
        out = new double[n];
    }

    static void toParameters(int d, double[] rho, double[] p) {
        int dd = d * d;
        for (int m = 0; m < d; m++) {
            p[m * d + m] = rho[m * d + m];
            for (int n = m + 1; n < d; n++) {
                p[m * d + n] = rho[m * d + n];
                p[n * d + m] = rho[dd + m * d + n];
            }
        }
    }

    static void fromParameters(int d, double[] p, double[] rho) {
        int dd = d * d;
        for (int m = 0; m < d; m++) {
            rho[m * d + m] = p[m * d + m];
            rho[dd + m * d + m] = 0;
            for (int n = m + 1; n < d; n++) {
                rho[m * d + n] = p[m * d + n];
                rho[dd + m * d + n] = p[n * d + m];
                rho[n * d + m] = p[m * d + n];
                rho[dd + n * d + m] = -p[n * d + m];
            }
        }
    }

    int parameters() {
        return d * d;
    }

    /** yDot = L y on the flat layout (allocation-free). */
    void apply(double[] y, double[] yDot) {
        int n = d * d;
        toParameters(d, y, in);
        for (int i = 0; i < n; i++) {
            double s = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                s += matrix[row + j] * in[j];
            }
            out[i] = s;
        }
        fromParameters(d, out, yDot);
    }

    DMatrixRMaj toEjml() {
        int n = d * d;
        return new DMatrixRMaj(n, n, true, matrix);
    }
}
