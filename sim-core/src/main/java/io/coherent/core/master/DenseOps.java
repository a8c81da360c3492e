package io.coherent.core.master;

/**
 * Allocation-free complex d x d matrix kernels on flat row-major arrays, real and imaginary parts separate
 * (the hot path of the matrix-product Redfield form).
 */
final class DenseOps {
    private DenseOps() {
    }

    /** c = a * b (c must not alias a or b). Zero entries of a are skipped: coupling operators are often sparse. */
    static void multiply(int d, double[] aRe, double[] aIm, double[] bRe, double[] bIm, double[] cRe, double[] cIm) {
        java.util.Arrays.fill(cRe, 0, d * d, 0);
        java.util.Arrays.fill(cIm, 0, d * d, 0);
        for (int i = 0; i < d; i++) {
            int ri = i * d;
            for (int k = 0; k < d; k++) {
                double ar = aRe[ri + k];
                double ai = aIm[ri + k];
                if (ar == 0 && ai == 0) {
                    continue;
                }
                int rk = k * d;
                for (int j = 0; j < d; j++) {
                    double br = bRe[rk + j];
                    double bi = bIm[rk + j];
                    cRe[ri + j] += ar * br - ai * bi;
                    cIm[ri + j] += ar * bi + ai * br;
                }
            }
        }
    }

    /** out += f + f^+ (f and out distinct), on the re/im halves of out starting at 0 and offset d^2. */
    static void addHermitianPart(int d, double[] fRe, double[] fIm, double[] out) {
        int dd = d * d;
        for (int m = 0; m < d; m++) {
            for (int n = 0; n < d; n++) {
                int mn = m * d + n;
                int nm = n * d + m;
                out[mn] += fRe[mn] + fRe[nm];
                out[dd + mn] += fIm[mn] - fIm[nm];
            }
        }
    }
}
