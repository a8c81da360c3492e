package io.coherent.core.heom;

import io.coherent.core.linalg.ComplexMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * A d x d system operator in the H_S eigenbasis, kept as its non-zero elements, acting on flat blocks
 * [Re (d^2, row-major), Im (d^2)] without allocating: out += s (O X) or out += s (X O) costs nnz(O) d complex
 * multiply-adds instead of d^3 (a coupling such as sigma_x (x) 1 has half its elements zero in most bases).
 * Elements below 1e-14 of the largest are rounding noise of the basis change and are dropped.
 */
final class SparseOperator {
    private static final double CUT = 1e-14;

    final int d;
    private final int[] rows;
    private final int[] cols;
    private final double[] re;
    private final double[] im;
    private final ComplexMatrix matrix;

    SparseOperator(ComplexMatrix m) {
        this.d = m.rows();
        this.matrix = m;
        double largest = m.maxAbs();
        List<int[]> at = new ArrayList<>();
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                if (Math.hypot(m.re(r, c), m.im(r, c)) > CUT * largest) {
                    at.add(new int[] {r, c});
                }
            }
        }
        rows = new int[at.size()];
        cols = new int[at.size()];
        re = new double[at.size()];
        im = new double[at.size()];
        for (int k = 0; k < at.size(); k++) {
            rows[k] = at.get(k)[0];
            cols[k] = at.get(k)[1];
            re[k] = m.re(rows[k], cols[k]);
            im[k] = m.im(rows[k], cols[k]);
        }
    }

    ComplexMatrix matrix() {
        return matrix;
    }

    /** O = O^dagger to rounding (1e-14 of the largest element). */
    boolean hermitian() {
        double tol = CUT * matrix.maxAbs();
        for (int r = 0; r < d; r++) {
            for (int c = 0; c <= r; c++) {
                if (Math.hypot(matrix.re(r, c) - matrix.re(c, r), matrix.im(r, c) + matrix.im(c, r)) > tol) {
                    return false;
                }
            }
        }
        return true;
    }

    /** out[oOff..] += s (O X), X at x[xOff..] (both flat [Re, Im] blocks of d^2), s = sRe + i sIm. */
    void leftAdd(double[] x, int xOff, double[] out, int oOff, double sRe, double sIm) {
        int dd = d * d;
        for (int k = 0; k < rows.length; k++) {
            double vr = sRe * re[k] - sIm * im[k];
            double vi = sRe * im[k] + sIm * re[k];
            int o = oOff + rows[k] * d;
            int s = xOff + cols[k] * d;
            for (int c = 0; c < d; c++) {
                double xr = x[s + c];
                double xi = x[s + dd + c];
                out[o + c] += vr * xr - vi * xi;
                out[o + dd + c] += vr * xi + vi * xr;
            }
        }
    }

    /** out[oOff..] += s (X O). */
    void rightAdd(double[] x, int xOff, double[] out, int oOff, double sRe, double sIm) {
        int dd = d * d;
        for (int k = 0; k < rows.length; k++) {
            double vr = sRe * re[k] - sIm * im[k];
            double vi = sRe * im[k] + sIm * re[k];
            int kk = rows[k];
            int c = cols[k];
            for (int r = 0; r < d; r++) {
                double xr = x[xOff + r * d + kk];
                double xi = x[xOff + dd + r * d + kk];
                out[oOff + r * d + c] += xr * vr - xi * vi;
                out[oOff + dd + r * d + c] += xr * vi + xi * vr;
            }
        }
    }
}
