package io.coherent.integrators;

/**
 * exp(s A) of a small dense matrix by scaling and squaring with a Taylor polynomial (Moler and Van Loan, SIAM
 * Rev. 45, 3 (2003), method 3): s A is scaled by 2^-j to 1-norm <= 1/2, where 18 Taylor terms leave a truncation
 * of 0.5^19 / 19! ~ 1e-23 relative, then squared j times.
 */
final class MatrixExponential {
    private static final int TERMS = 18;

    private MatrixExponential() {
    }

    static double[][] of(double[][] a, double s) {
        int k = a.length;
        double norm = 0;
        for (int j = 0; j < k; j++) {
            double col = 0;
            for (int i = 0; i < k; i++) {
                col += Math.abs(a[i][j]);
            }
            norm = Math.max(norm, col);
        }
        norm *= Math.abs(s);
        int squarings = norm > 0.5 ? (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2)) : 0;
        double scale = s / Math.pow(2, squarings);
        double[][] x = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                x[i][j] = a[i][j] * scale;
            }
        }
        // Horner: I + X (I + X/2 (I + X/3 (...)))
        double[][] e = identity(k);
        for (int term = TERMS; term >= 1; term--) {
            double[][] p = multiply(x, e);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    p[i][j] /= term;
                }
                p[i][i] += 1;
            }
            e = p;
        }
        for (int q = 0; q < squarings; q++) {
            e = multiply(e, e);
        }
        return e;
    }

    private static double[][] identity(int k) {
        double[][] id = new double[k][k];
        for (int i = 0; i < k; i++) {
            id[i][i] = 1;
        }
        return id;
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int k = x.length;
        double[][] p = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int l = 0; l < k; l++) {
                double xil = x[i][l];
                if (xil != 0) {
                    for (int j = 0; j < k; j++) {
                        p[i][j] += xil * y[l][j];
                    }
                }
            }
        }
        return p;
    }
}
