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
 *
 * @param values  eigenvalues in ascending order
 * @param vectors unitary matrix whose columns are the eigenvectors
 */
public record HermitianEigen(double[] values, ComplexMatrix vectors) {

    /** Relative gap below which two eigenvalues of the real embedding are treated as one cluster. */
    private static final double CLUSTER_TOLERANCE = 1e-9;

    public static HermitianEigen of(ComplexMatrix h) {
        int n = h.rows();
        if (!h.isSquare()) {
            throw new IllegalArgumentException("eigen-decomposition needs a square matrix");
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

    public int dimension() {
        return values.length;
    }
}
