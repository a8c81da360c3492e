package io.coherent.core.linalg;

/**
 * LU factorisation with partial pivoting of a small dense complex matrix, on flat row-major arrays.
 * One instance owns its workspace, so repeated factorise/solve calls allocate nothing: this is what
 * the frequency quadrature calls at every node. Not thread-safe; give each thread its own instance.
 */
public final class ComplexLu {
    private final int n;
    private final double[] luRe;
    private final double[] luIm;
    private final int[] pivot;

    public ComplexLu(int n) {
        this.n = n;
        this.luRe = new double[n * n];
        this.luIm = new double[n * n];
        this.pivot = new int[n];
    }

    public int size() {
        return n;
    }

    /**
     * Factorises (A + shift*I) where A is given by its row-major parts and the shift is complex.
     *
     * @return false if a pivot is exactly zero (singular matrix)
     */
    public boolean factorise(double[] aRe, double[] aIm, double shiftRe, double shiftIm) {
        System.arraycopy(aRe, 0, luRe, 0, n * n);
        System.arraycopy(aIm, 0, luIm, 0, n * n);
        for (int i = 0; i < n; i++) {
            luRe[i * n + i] += shiftRe;
            luIm[i * n + i] += shiftIm;
        }
        for (int k = 0; k < n; k++) {
            int p = k;
            double best = Math.abs(luRe[k * n + k]) + Math.abs(luIm[k * n + k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(luRe[i * n + k]) + Math.abs(luIm[i * n + k]);
                if (v > best) {
                    best = v;
                    p = i;
                }
            }
            pivot[k] = p;
            if (best == 0) {
                return false;
            }
            if (p != k) {
                for (int j = 0; j < n; j++) {
                    double t = luRe[k * n + j];
                    luRe[k * n + j] = luRe[p * n + j];
                    luRe[p * n + j] = t;
                    t = luIm[k * n + j];
                    luIm[k * n + j] = luIm[p * n + j];
                    luIm[p * n + j] = t;
                }
            }
            double pr = luRe[k * n + k];
            double pi = luIm[k * n + k];
            double den = pr * pr + pi * pi;
            double invR = pr / den;
            double invI = -pi / den;
            for (int i = k + 1; i < n; i++) {
                double lr = luRe[i * n + k] * invR - luIm[i * n + k] * invI;
                double li = luRe[i * n + k] * invI + luIm[i * n + k] * invR;
                luRe[i * n + k] = lr;
                luIm[i * n + k] = li;
                for (int j = k + 1; j < n; j++) {
                    double ur = luRe[k * n + j];
                    double ui = luIm[k * n + j];
                    luRe[i * n + j] -= lr * ur - li * ui;
                    luIm[i * n + j] -= lr * ui + li * ur;
                }
            }
        }
        return true;
    }

    /** Solves in place: on entry (xRe, xIm) hold b, on exit x with (A + shift) x = b. */
    public void solveInPlace(double[] xRe, double[] xIm) {
        for (int k = 0; k < n; k++) {
            int p = pivot[k];
            if (p != k) {
                double t = xRe[k];
                xRe[k] = xRe[p];
                xRe[p] = t;
                t = xIm[k];
                xIm[k] = xIm[p];
                xIm[p] = t;
            }
        }
        for (int i = 1; i < n; i++) {
            double sr = xRe[i];
            double si = xIm[i];
            for (int j = 0; j < i; j++) {
                double lr = luRe[i * n + j];
                double li = luIm[i * n + j];
                sr -= lr * xRe[j] - li * xIm[j];
                si -= lr * xIm[j] + li * xRe[j];
            }
            xRe[i] = sr;
            xIm[i] = si;
        }
        for (int i = n - 1; i >= 0; i--) {
            double sr = xRe[i];
            double si = xIm[i];
            for (int j = i + 1; j < n; j++) {
                double ur = luRe[i * n + j];
                double ui = luIm[i * n + j];
                sr -= ur * xRe[j] - ui * xIm[j];
                si -= ur * xIm[j] + ui * xRe[j];
            }
            double pr = luRe[i * n + i];
            double pi = luIm[i * n + i];
            double den = pr * pr + pi * pi;
            xRe[i] = (sr * pr + si * pi) / den;
            xIm[i] = (si * pr - sr * pi) / den;
        }
    }

    /** min |u_ii| / max |u_ii| of the last factorisation: near 0 for a numerically singular matrix. */
    public double pivotRatio() {
        return PivotRatio.of(n, i -> Math.hypot(luRe[i * n + i], luIm[i * n + i]));
    }

    /** |det(A + shift)| of the last factorisation, as log for range safety. */
    public double logAbsDeterminant() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(Math.hypot(luRe[i * n + i], luIm[i * n + i]));
        }
        return s;
    }
}
