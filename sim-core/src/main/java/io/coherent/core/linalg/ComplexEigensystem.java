package io.coherent.core.linalg;

/**
 * Eigenvalues, right eigenvectors and the inverse eigenvector matrix of a small general complex matrix,
 * A = V diag(lambda) V^{-1}: Householder reduction to Hessenberg form, complex single-shift QR with Wilkinson
 * shifts to the Schur form T = Q^H A Q, eigenvectors of T by back substitution, V = Q Y, and V^{-1} by LU.
 * Flat row-major arrays throughout (the steady state of a bilinear model needs one of these per point, so it
 * must cost microseconds, not the 2n x 2n real embedding of {@link ComplexEigenvalues}).
 *
 * <p>{@link #condition()} = ||V||_F ||V^{-1}||_F with unit columns: near a defective matrix it grows without
 * bound, and callers that expand in the eigenbasis must fold it into their error estimates (or not use it).
 */
public final class ComplexEigensystem {
    private static final double EPS = 0x1p-52;
    private static final int MAX_SWEEPS_PER_EIGENVALUE = 60;

    private final int n;
    private final double[] lambdaRe;
    private final double[] lambdaIm;
    private final double[] vRe;
    private final double[] vIm;
    private final double[] wRe;
    private final double[] wIm;
    private final double condition;
    private final double norm;

    private ComplexEigensystem(int n, double[] lambdaRe, double[] lambdaIm, double[] vRe, double[] vIm, double[] wRe,
                               double[] wIm, double condition, double norm) {
        this.n = n;
        this.lambdaRe = lambdaRe;
        this.lambdaIm = lambdaIm;
        this.vRe = vRe;
        this.vIm = vIm;
        this.wRe = wRe;
        this.wIm = wIm;
        this.condition = condition;
        this.norm = norm;
    }

    /**
     * Decomposes the n x n matrix with row-major parts (aRe, aIm) (not modified).
     *
     * @throws ArithmeticException if the QR iteration does not converge or V is numerically singular
     */
    public static ComplexEigensystem of(int n, double[] aRe, double[] aIm) {
        double[] hr = aRe.clone();
        double[] hi = aIm.clone();
        double[] qr = new double[n * n];
        double[] qi = new double[n * n];
        for (int i = 0; i < n; i++) {
            qr[i * n + i] = 1;
        }
        double anorm = 0;
        for (int k = 0; k < n * n; k++) {
            anorm = Math.max(anorm, abs(hr[k], hi[k]));
        }
        hessenberg(n, hr, hi, qr, qi);
        schur(n, hr, hi, qr, qi, anorm);
        double[] lr = new double[n];
        double[] li = new double[n];
        for (int k = 0; k < n; k++) {
            lr[k] = hr[k * n + k];
            li[k] = hi[k * n + k];
        }
        // eigenvectors of the triangular T: (T - t_kk) y = 0, y_k = 1, back substitution; V = Q Y
        double[] vr = new double[n * n];
        double[] vi = new double[n * n];
        double[] yr = new double[n];
        double[] yi = new double[n];
        double small = EPS * Math.max(anorm, Double.MIN_NORMAL);
        for (int k = 0; k < n; k++) {
            java.util.Arrays.fill(yr, 0);
            java.util.Arrays.fill(yi, 0);
            yr[k] = 1;
            for (int i = k - 1; i >= 0; i--) {
                double sr = 0;
                double si = 0;
                for (int j = i + 1; j <= k; j++) {
                    double tr = hr[i * n + j];
                    double ti = hi[i * n + j];
                    sr += tr * yr[j] - ti * yi[j];
                    si += tr * yi[j] + ti * yr[j];
                }
                double dr = hr[i * n + i] - lr[k];
                double di = hi[i * n + i] - li[k];
                if (abs(dr, di) < small) {
                    dr = small;
                    di = 0;
                }
                double den = dr * dr + di * di;
                yr[i] = -(sr * dr + si * di) / den;
                yi[i] = -(si * dr - sr * di) / den;
            }
            double colNorm = 0;
            for (int i = 0; i < n; i++) {
                double sr = 0;
                double si = 0;
                for (int j = 0; j <= k; j++) {
                    sr += qr[i * n + j] * yr[j] - qi[i * n + j] * yi[j];
                    si += qr[i * n + j] * yi[j] + qi[i * n + j] * yr[j];
                }
                vr[i * n + k] = sr;
                vi[i * n + k] = si;
                colNorm += sr * sr + si * si;
            }
            double inv = 1 / Math.sqrt(colNorm);
            for (int i = 0; i < n; i++) {
                vr[i * n + k] *= inv;
                vi[i * n + k] *= inv;
            }
        }
        ComplexLu lu = new ComplexLu(n);
        double[] wr = new double[n * n];
        double[] wi = new double[n * n];
        double inverseNorm = invert(n, vr, vi, wr, wi, lu);
        if (refine(n, aRe, aIm, lr, li, vr, vi, wr, wi, lu)) {
            inverseNorm = invert(n, vr, vi, wr, wi, lu);
        }
        double condition = Math.sqrt(n * inverseNorm);
        if (!Double.isFinite(condition)) {
            throw new ArithmeticException("eigenvector matrix is singular (defective matrix)");
        }
        return new ComplexEigensystem(n, lr, li, vr, vi, wr, wi, condition, anorm);
    }

    /** V^{-1} into (wr, wi); returns ||V^{-1}||_F^2. */
    private static double invert(int n, double[] vr, double[] vi, double[] wr, double[] wi, ComplexLu lu) {
        if (!lu.factorise(vr, vi, 0, 0)) {
            throw new ArithmeticException("eigenvector matrix is singular (defective matrix)");
        }
        double[] xr = new double[n];
        double[] xi = new double[n];
        double inverseNorm = 0;
        for (int c = 0; c < n; c++) {
            java.util.Arrays.fill(xr, 0);
            java.util.Arrays.fill(xi, 0);
            xr[c] = 1;
            lu.solveInPlace(xr, xi);
            for (int r = 0; r < n; r++) {
                wr[r * n + c] = xr[r];
                wi[r * n + c] = xi[r];
                inverseNorm += xr[r] * xr[r] + xi[r] * xi[r];
            }
        }
        return inverseNorm;
    }

    /**
     * One step of two-sided Rayleigh-quotient inverse iteration per eigenpair, lambda &lt;- mu + 1/(w_k (A - mu)^{-1} v_k)
     * and v_k &lt;- (A - mu)^{-1} v_k normalised, with mu the QR eigenvalue and w_k the row of V^{-1}. The QR iteration
     * is only normwise backward stable: an eigenvalue's absolute error is ~ eps ||A||, which is a large relative
     * error for a weakly damped mode (Re lambda ~ 1e-9 in the partial-collective model at small theta, the width of
     * its steady-state peak). The LU of A - mu is componentwise backward stable, so the refined Re lambda keeps the
     * relative accuracy that the small couplings of such a mode allow. Returns whether V changed.
     */
    private static boolean refine(int n, double[] aRe, double[] aIm, double[] lr, double[] li, double[] vr, double[] vi,
                                  double[] wr, double[] wi, ComplexLu lu) {
        double[] xr = new double[n];
        double[] xi = new double[n];
        boolean changed = false;
        for (int k = 0; k < n; k++) {
            if (!lu.factorise(aRe, aIm, -lr[k], -li[k])) {
                continue; // exactly singular: mu is an eigenvalue to working precision
            }
            for (int i = 0; i < n; i++) {
                xr[i] = vr[i * n + k];
                xi[i] = vi[i * n + k];
            }
            lu.solveInPlace(xr, xi);
            double gr = 0;
            double gi = 0;
            double norm = 0;
            for (int i = 0; i < n; i++) {
                gr += wr[k * n + i] * xr[i] - wi[k * n + i] * xi[i];
                gi += wr[k * n + i] * xi[i] + wi[k * n + i] * xr[i];
                norm += xr[i] * xr[i] + xi[i] * xi[i];
            }
            double g2 = gr * gr + gi * gi;
            if (!(g2 > 0) || !Double.isFinite(g2) || !Double.isFinite(norm)) {
                continue;
            }
            lr[k] += gr / g2;
            li[k] -= gi / g2;
            double inv = 1 / Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                vr[i * n + k] = xr[i] * inv;
                vi[i * n + k] = xi[i] * inv;
            }
            changed = true;
        }
        return changed;
    }

    private static double abs(double re, double im) {
        return Math.sqrt(re * re + im * im);
    }

    public int size() {
        return n;
    }

    public double eigenvalueRe(int k) {
        return lambdaRe[k];
    }

    public double eigenvalueIm(int k) {
        return lambdaIm[k];
    }

    /** V_ik, real part (unit columns). */
    public double vectorRe(int i, int k) {
        return vRe[i * n + k];
    }

    public double vectorIm(int i, int k) {
        return vIm[i * n + k];
    }

    /** (V^{-1})_ki, real part. */
    public double inverseRe(int k, int i) {
        return wRe[k * n + i];
    }

    public double inverseIm(int k, int i) {
        return wIm[k * n + i];
    }

    /** ||V||_F ||V^{-1}||_F (>= n; 1 per dimension for a normal matrix). */
    public double condition() {
        return condition;
    }

    /** max |A_ij|, the scale of the eigenvalues' absolute rounding errors. */
    public double norm() {
        return norm;
    }

    /** Householder reduction to upper Hessenberg form, H = Q^H A Q, Q accumulated. */
    private static void hessenberg(int n, double[] hr, double[] hi, double[] qr, double[] qi) {
        double[] ur = new double[n];
        double[] ui = new double[n];
        for (int k = 0; k < n - 2; k++) {
            double alpha = 0;
            for (int i = k + 1; i < n; i++) {
                alpha += hr[i * n + k] * hr[i * n + k] + hi[i * n + k] * hi[i * n + k];
            }
            alpha = Math.sqrt(alpha);
            if (alpha == 0) {
                continue;
            }
            double x0r = hr[(k + 1) * n + k];
            double x0i = hi[(k + 1) * n + k];
            double x0 = abs(x0r, x0i);
            double pr = x0 == 0 ? 1 : x0r / x0;
            double pi = x0 == 0 ? 0 : x0i / x0;
            // u = x + e^{i arg x0} alpha e1, H <- (I - 2 u u^H/|u|^2) H (...)
            java.util.Arrays.fill(ur, 0);
            java.util.Arrays.fill(ui, 0);
            double unorm = 0;
            for (int i = k + 1; i < n; i++) {
                ur[i] = hr[i * n + k];
                ui[i] = hi[i * n + k];
            }
            ur[k + 1] += pr * alpha;
            ui[k + 1] += pi * alpha;
            for (int i = k + 1; i < n; i++) {
                unorm += ur[i] * ur[i] + ui[i] * ui[i];
            }
            double beta = 2 / unorm;
            // rows: H <- H - beta u (u^H H)
            for (int j = 0; j < n; j++) {
                double sr = 0;
                double si = 0;
                for (int i = k + 1; i < n; i++) {
                    sr += ur[i] * hr[i * n + j] + ui[i] * hi[i * n + j];
                    si += ur[i] * hi[i * n + j] - ui[i] * hr[i * n + j];
                }
                sr *= beta;
                si *= beta;
                for (int i = k + 1; i < n; i++) {
                    hr[i * n + j] -= ur[i] * sr - ui[i] * si;
                    hi[i * n + j] -= ur[i] * si + ui[i] * sr;
                }
            }
            // columns: H <- H - beta (H u) u^H, and the same for Q
            rightReflect(n, hr, hi, ur, ui, beta, k + 1);
            rightReflect(n, qr, qi, ur, ui, beta, k + 1);
            for (int i = k + 2; i < n; i++) {
                hr[i * n + k] = 0;
                hi[i * n + k] = 0;
            }
        }
    }

    private static void rightReflect(int n, double[] mr, double[] mi, double[] ur, double[] ui, double beta, int from) {
        for (int i = 0; i < n; i++) {
            double sr = 0;
            double si = 0;
            for (int j = from; j < n; j++) {
                sr += mr[i * n + j] * ur[j] - mi[i * n + j] * ui[j];
                si += mr[i * n + j] * ui[j] + mi[i * n + j] * ur[j];
            }
            sr *= beta;
            si *= beta;
            for (int j = from; j < n; j++) {
                // (H u) conj(u_j)
                mr[i * n + j] -= sr * ur[j] + si * ui[j];
                mi[i * n + j] -= si * ur[j] - sr * ui[j];
            }
        }
    }

    /** Shifted QR on the Hessenberg H until it is upper triangular (the Schur form); Q accumulated. */
    private static void schur(int n, double[] hr, double[] hi, double[] qr, double[] qi, double anorm) {
        double[] cs = new double[n];
        double[] snr = new double[n];
        double[] sni = new double[n];
        int high = n - 1;
        int iterations = 0;
        int total = 0;
        while (high > 0) {
            int low = high;
            while (low > 0) {
                double sub = abs(hr[low * n + low - 1], hi[low * n + low - 1]);
                double diag = abs(hr[low * n + low], hi[low * n + low])
                        + abs(hr[(low - 1) * n + low - 1], hi[(low - 1) * n + low - 1]);
                if (sub <= EPS * (diag == 0 ? anorm : diag) || sub < Double.MIN_NORMAL) {
                    hr[low * n + low - 1] = 0;
                    hi[low * n + low - 1] = 0;
                    break;
                }
                low--;
            }
            if (low == high) {
                high--;
                iterations = 0;
                continue;
            }
            if (++total > MAX_SWEEPS_PER_EIGENVALUE * n) {
                throw new ArithmeticException("complex QR iteration did not converge");
            }
            iterations++;
            double mur;
            double mui;
            if (iterations % 11 == 0) { // exceptional shift
                mur = hr[high * n + high] + Math.abs(hr[high * n + high - 1]) * 0.75;
                mui = hi[high * n + high] + Math.abs(hi[high * n + high - 1]) * 0.75;
            } else {
                double[] mu = wilkinson(hr[(high - 1) * n + high - 1], hi[(high - 1) * n + high - 1],
                        hr[(high - 1) * n + high], hi[(high - 1) * n + high], hr[high * n + high - 1], hi[high * n + high - 1],
                        hr[high * n + high], hi[high * n + high]);
                mur = mu[0];
                mui = mu[1];
            }
            for (int k = low; k <= high; k++) {
                hr[k * n + k] -= mur;
                hi[k * n + k] -= mui;
            }
            for (int k = low; k < high; k++) {
                double ar = hr[k * n + k];
                double ai = hi[k * n + k];
                double br = hr[(k + 1) * n + k];
                double bi = hi[(k + 1) * n + k];
                double a = abs(ar, ai);
                double r = abs(a, abs(br, bi));
                double c;
                double sr;
                double si;
                if (r == 0) {
                    c = 1;
                    sr = 0;
                    si = 0;
                } else if (a == 0) {
                    c = 0;
                    sr = br / r; // s = conj(b)/r: G (0, b) = (|b|, 0)
                    si = -bi / r;
                } else {
                    c = a / r;
                    double pr = ar / a;
                    double pi = ai / a;
                    // s = (a/|a|) conj(b) / r
                    sr = (pr * br + pi * bi) / r;
                    si = (pi * br - pr * bi) / r;
                }
                cs[k] = c;
                snr[k] = sr;
                sni[k] = si;
                // rows k, k+1: (x, y) -> (c x + s y, -conj(s) x + c y), columns k..n-1
                for (int j = k; j < n; j++) {
                    double xr = hr[k * n + j];
                    double xi = hi[k * n + j];
                    double yr = hr[(k + 1) * n + j];
                    double yi = hi[(k + 1) * n + j];
                    hr[k * n + j] = c * xr + sr * yr - si * yi;
                    hi[k * n + j] = c * xi + sr * yi + si * yr;
                    hr[(k + 1) * n + j] = -(sr * xr + si * xi) + c * yr;
                    hi[(k + 1) * n + j] = -(sr * xi - si * xr) + c * yi;
                }
            }
            for (int k = low; k < high; k++) {
                int rows = Math.min(k + 2, high + 1);
                columnRotation(n, hr, hi, k, cs[k], snr[k], sni[k], rows);
                columnRotation(n, qr, qi, k, cs[k], snr[k], sni[k], n);
            }
            for (int k = low; k <= high; k++) {
                hr[k * n + k] += mur;
                hi[k * n + k] += mui;
            }
        }
    }

    /** M <- M G^H on columns k, k+1 of rows 0..rows-1: (x, y) -> (c x + conj(s) y, -s x + c y). */
    private static void columnRotation(int n, double[] mr, double[] mi, int k, double c, double sr, double si, int rows) {
        for (int i = 0; i < rows; i++) {
            double xr = mr[i * n + k];
            double xi = mi[i * n + k];
            double yr = mr[i * n + k + 1];
            double yi = mi[i * n + k + 1];
            mr[i * n + k] = c * xr + sr * yr + si * yi;
            mi[i * n + k] = c * xi + sr * yi - si * yr;
            mr[i * n + k + 1] = -(sr * xr - si * xi) + c * yr;
            mi[i * n + k + 1] = -(sr * xi + si * xr) + c * yi;
        }
    }

    /** The eigenvalue of [[a, b], [c, d]] closer to d. */
    private static double[] wilkinson(double ar, double ai, double br, double bi, double cr, double ci, double dr, double di) {
        double hr = 0.5 * (ar - dr);
        double hi = 0.5 * (ai - di);
        // disc = h^2 + b c
        double qr = hr * hr - hi * hi + br * cr - bi * ci;
        double qi = 2 * hr * hi + br * ci + bi * cr;
        double m = abs(qr, qi);
        double sr = Math.sqrt(0.5 * (m + qr));
        double si = Math.copySign(Math.sqrt(0.5 * Math.max(0, m - qr)), qi);
        // mu = d - b c / (h +- sqrt): choose the sign that makes |h + sign sqrt| large
        double pr = hr + sr;
        double pi = hi + si;
        double mr2 = hr - sr;
        double mi2 = hi - si;
        if (mr2 * mr2 + mi2 * mi2 > pr * pr + pi * pi) {
            pr = mr2;
            pi = mi2;
        }
        double den = pr * pr + pi * pi;
        if (den == 0) {
            return new double[] {dr, di};
        }
        double bcr = br * cr - bi * ci;
        double bci = br * ci + bi * cr;
        // d - bc/p
        return new double[] {dr - (bcr * pr + bci * pi) / den, di - (bci * pr - bcr * pi) / den};
    }
}
