package io.coherent.core.linalg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A V = V Lambda and V V^{-1} = 1 for random complex matrices, a normal one and one with a double eigenvalue. */
class ComplexEigensystemTest {

    private static void check(int n, double[] re, double[] im, String label) {
        ComplexEigensystem e = ComplexEigensystem.of(n, re, im);
        double scale = 0;
        for (int k = 0; k < n * n; k++) {
            scale = Math.max(scale, Math.hypot(re[k], im[k]));
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                double sr = -(e.eigenvalueRe(k) * e.vectorRe(i, k) - e.eigenvalueIm(k) * e.vectorIm(i, k));
                double si = -(e.eigenvalueRe(k) * e.vectorIm(i, k) + e.eigenvalueIm(k) * e.vectorRe(i, k));
                for (int j = 0; j < n; j++) {
                    sr += re[i * n + j] * e.vectorRe(j, k) - im[i * n + j] * e.vectorIm(j, k);
                    si += re[i * n + j] * e.vectorIm(j, k) + im[i * n + j] * e.vectorRe(j, k);
                }
                assertTrue(Math.hypot(sr, si) < 1e-13 * scale * n, label + ": residual " + Math.hypot(sr, si));
            }
            for (int j = 0; j < n; j++) {
                double sr = 0;
                double si = 0;
                for (int a = 0; a < n; a++) {
                    sr += e.inverseRe(k, a) * e.vectorRe(a, j) - e.inverseIm(k, a) * e.vectorIm(a, j);
                    si += e.inverseRe(k, a) * e.vectorIm(a, j) + e.inverseIm(k, a) * e.vectorRe(a, j);
                }
                assertTrue(Math.hypot(sr - (k == j ? 1 : 0), si) < 1e-12 * e.condition(), label + ": V^-1 V");
            }
        }
    }

    @Test
    void randomMatrices() {
        Random r = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(9);
            double[] re = new double[n * n];
            double[] im = new double[n * n];
            for (int k = 0; k < n * n; k++) {
                re[k] = r.nextGaussian();
                im[k] = r.nextGaussian();
            }
            check(n, re, im, "trial " + trial);
        }
    }

    @Test
    void normalMatrixWithDoubleEigenvalue() {
        // diag(1+i, 1+i, 2) rotated by a real orthogonal matrix: diagonalisable, degenerate
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        double[][] q = {{c, -s, 0}, {s, c, 0}, {0, 0, 1}};
        double[] d = {1, 1, 2};
        double[] re = new double[9];
        double[] im = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    re[i * 3 + j] += q[i][k] * d[k] * q[j][k];
                    im[i * 3 + j] += q[i][k] * (k < 2 ? 1 : 0) * q[j][k];
                }
            }
        }
        check(3, re, im, "degenerate");
    }
}
