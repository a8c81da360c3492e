package io.coherent.core.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigen-decomposition H = U diag(E) U^+ of a Hermitian matrix, eigenvalues ascending.
 *
 * <p>EJML decomposes real symmetric matrices only, so H = A + iB is embedded as the real symmetric
 * 2n x 2n matrix [[A, -B], [B, A]]. Each eigenvalue of H appears twice there, with real eigenvectors
 * (x; y) and (-y; x) that both map to the complex line of x + iy. Within each cluster of (numerically)
 * equal eigenvalues of multiplicity 2m, the 2m complex candidates x + iy span the m-dimensional
 * eigenspace of H; pivoted Gram-Schmidt (largest remaining norm first) picks an orthonormal basis of it.
 * Small matrices (n &lt;= 16) use cyclic complex Jacobi rotations instead: exact to rounding and an order of magnitude
 * faster there (the observables of a two-qubit state need three decompositions per sample).
 *
 * @param values  eigenvalues in ascending order
 * @param vectors unitary matrix whose columns are the eigenvectors
 */
public record HermitianEigen(double[] values, ComplexMatrix vectors) {

    /** Relative gap below which two eigenvalues of the real embedding are treated as one cluster. */
    private static final double CLUSTER_TOLERANCE = 1e-9;

    /** Largest dimension decomposed with Jacobi rotations. */
    private static final int JACOBI_LIMIT = 16;

    public static HermitianEigen of(ComplexMatrix h) {
        int n = h.rows();
        if (!h.isSquare()) {
            throw new IllegalArgumentException("eigen-decomposition needs a square matrix");
        }
        if (n <= JACOBI_LIMIT) {
            return jacobi(h);
        }
        DMatrixRMaj r = new DMatrixRMaj(2 * n, 2 * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // symmetrise so that rounding in the input cannot break the symmetric solver's assumption
                double a = 0.5 * (h.re(i, j) + h.re(j, i));
                double b = 0.5 * (h.im(i, j) - h.im(j, i));
                r.set(i, j, a);
                r.set(i + n, j + n, a);
                r.set(i, j + n, -b);
                r.set(i + n, j, b);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2 * n, true, true);
        if (!eig.decompose(r)) {
            throw new IllegalStateException("symmetric eigen-decomposition failed");
        }
        int m = 2 * n;
        Integer[] order = new Integer[m];
        double[] ev = new double[m];
        for (int k = 0; k < m; k++) {
            order[k] = k;
            ev[k] = eig.getEigenvalue(k).real;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(ev[p], ev[q]));
        double scale = 1;
        for (double e : ev) {
            scale = Math.max(scale, Math.abs(e));
        }
        double[] values = new double[n];
        double[] uRe = new double[n * n];
        double[] uIm = new double[n * n];
        int filled = 0;
        int start = 0;
        while (start < m) {
            int end = start + 1;
            while (end < m && ev[order[end]] - ev[order[end - 1]] <= CLUSTER_TOLERANCE * scale) {
                end++;
            }
            int want = (end - start) / 2;
            if ((end - start) % 2 != 0) {
                throw new IllegalStateException("unpaired eigenvalue cluster in the real embedding");
            }
            double[][] cRe = new double[end - start][n];
            double[][] cIm = new double[end - start][n];
            for (int k = start; k < end; k++) {
                DMatrixRMaj v = eig.getEigenVector(order[k]);
                for (int i = 0; i < n; i++) {
                    cRe[k - start][i] = v.get(i, 0);
                    cIm[k - start][i] = v.get(i + n, 0);
                }
            }
            double mean = 0;
            for (int k = start; k < end; k++) {
                mean += ev[order[k]];
            }
            mean /= end - start;
            for (int pick = 0; pick < want; pick++) {
                int best = -1;
                double bestNorm = -1;
                for (int c = 0; c < cRe.length; c++) {
                    double nrm = 0;
                    for (int i = 0; i < n; i++) {
                        nrm += cRe[c][i] * cRe[c][i] + cIm[c][i] * cIm[c][i];
                    }
                    if (nrm > bestNorm) {
                        bestNorm = nrm;
                        best = c;
                    }
                }
                double inv = 1 / Math.sqrt(bestNorm);
                double[] qRe = new double[n];
                double[] qIm = new double[n];
                for (int i = 0; i < n; i++) {
                    qRe[i] = cRe[best][i] * inv;
                    qIm[i] = cIm[best][i] * inv;
                    uRe[i * n + filled] = qRe[i];
                    uIm[i * n + filled] = qIm[i];
                }
                values[filled] = mean;
                filled++;
                for (int c = 0; c < cRe.length; c++) {
                    // remove the component along q: c -= q <q, c>
                    double pr = 0;
                    double pi = 0;
                    for (int i = 0; i < n; i++) {
                        pr += qRe[i] * cRe[c][i] + qIm[i] * cIm[c][i];
                        pi += qRe[i] * cIm[c][i] - qIm[i] * cRe[c][i];
                    }
                    for (int i = 0; i < n; i++) {
                        cRe[c][i] -= qRe[i] * pr - qIm[i] * pi;
                        cIm[c][i] -= qRe[i] * pi + qIm[i] * pr;
                    }
                }
            }
            start = end;
        }
        return new HermitianEigen(values, ComplexMatrix.of(n, n, uRe, uIm));
    }

    /**
     * Cyclic Jacobi for a complex Hermitian matrix: each off-diagonal a_pq = r e^{i phi} is first made real by the
     * phase D = diag(.., e^{-i phi} at q, ..), then removed by a real rotation (Numerical Recipes Sec. 11.1 form).
     */
    private static HermitianEigen jacobi(ComplexMatrix h) {
        int n = h.rows();
        double[] ar = new double[n * n];
        double[] ai = new double[n * n];
        double[] vr = new double[n * n];
        double[] vi = new double[n * n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                ar[i * n + j] = 0.5 * (h.re(i, j) + h.re(j, i));
                ai[i * n + j] = 0.5 * (h.im(i, j) - h.im(j, i));
                norm += ar[i * n + j] * ar[i * n + j] + ai[i * n + j] * ai[i * n + j];
            }
            vr[i * n + i] = 1;
        }
        double threshold = 1e-30 * norm;
        for (int sweep = 0; sweep < 60; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += ar[p * n + q] * ar[p * n + q] + ai[p * n + q] * ai[p * n + q];
                }
            }
            if (off <= threshold) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double xr = ar[p * n + q];
                    double xi = ai[p * n + q];
                    double r = Math.hypot(xr, xi);
                    if (r * r <= 1e-34 * norm) {
                        continue;
                    }
                    // phase: column q times e^{-i phi}, row q times e^{+i phi}
                    double cr = xr / r;
                    double ci = -xi / r;
                    for (int k = 0; k < n; k++) {
                        double yr = ar[k * n + q];
                        double yi = ai[k * n + q];
                        ar[k * n + q] = yr * cr - yi * ci;
                        ai[k * n + q] = yr * ci + yi * cr;
                        double zr = vr[k * n + q];
                        double zi = vi[k * n + q];
                        vr[k * n + q] = zr * cr - zi * ci;
                        vi[k * n + q] = zr * ci + zi * cr;
                    }
                    for (int k = 0; k < n; k++) {
                        double yr = ar[q * n + k];
                        double yi = ai[q * n + k];
                        ar[q * n + k] = yr * cr + yi * ci;
                        ai[q * n + k] = yi * cr - yr * ci;
                    }
                    ai[q * n + q] = 0;
                    ar[p * n + q] = r;
                    ai[p * n + q] = 0;
                    ar[q * n + p] = r;
                    ai[q * n + p] = 0;
                    double app = ar[p * n + p];
                    double aqq = ar[q * n + q];
                    double tau = (aqq - app) / (2 * r);
                    double t = Math.signum(tau) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
                    if (tau == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        // columns p, q: a'_kp = c a_kp - s a_kq, a'_kq = s a_kp + c a_kq
                        rotate(ar, ai, k * n + p, k * n + q, c, s);
                        rotate(vr, vi, k * n + p, k * n + q, c, s);
                    }
                    for (int k = 0; k < n; k++) {
                        rotate(ar, ai, p * n + k, q * n + k, c, s);
                    }
                    ar[p * n + q] = 0;
                    ai[p * n + q] = 0;
                    ar[q * n + p] = 0;
                    ai[q * n + p] = 0;
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(ar[x * n + x], ar[y * n + y]));
        double[] values = new double[n];
        double[] uRe = new double[n * n];
        double[] uIm = new double[n * n];
        for (int c = 0; c < n; c++) {
            int src = order[c];
            values[c] = ar[src * n + src];
            for (int k = 0; k < n; k++) {
                uRe[k * n + c] = vr[k * n + src];
                uIm[k * n + c] = vi[k * n + src];
            }
        }
        return new HermitianEigen(values, ComplexMatrix.of(n, n, uRe, uIm));
    }

    private static void rotate(double[] re, double[] im, int i, int j, double c, double s) {
        double pr = re[i];
        double pi = im[i];
        double qr = re[j];
        double qi = im[j];
        re[i] = c * pr - s * qr;
        im[i] = c * pi - s * qi;
        re[j] = s * pr + c * qr;
        im[j] = s * pi + c * qi;
    }

    public int dimension() {
        return values.length;
    }
}
