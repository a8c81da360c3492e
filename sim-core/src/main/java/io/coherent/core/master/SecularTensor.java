package io.coherent.core.master;

import io.coherent.core.linalg.ComplexMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The secular (Davies) projection of a {@link RedfieldTensor}: only the elements R_{mn,kl} with equal Bohr
 * frequencies, |w_mn - w_kl| &lt;= tolerance, are kept (Breuer-Petruccione Sec. 3.3.1; the same rule as QuTiP's
 * brmesolve with use_secular). The result is the Davies generator, of Lindblad form, stored sparse (compressed
 * rows): for non-degenerate spectra it couples populations among themselves and each coherence to itself only.
 *
 * <p>The tensor lives in the basis of the tensor it was built from. When that basis is not the H_S eigenbasis
 * (local Lindblad: the local-Hamiltonian eigenbasis) a rotation W = U_S^+ U_basis maps it:
 * D(rho) = W D_basis(W^+ rho W) W^+.
 */
final class SecularTensor implements Dissipator, TensorElements {
    private final int d;
    private final int[] rowStart;
    private final int[] column;
    private final double[] valueRe;
    private final double[] valueIm;
    private final double[] wRe;
    private final double[] wIm;
    private final double[] sRe;
    private final double[] tRe;
    private final double[] tIm;
    private final double[] uRe;
    private final double[] uIm;

    /**
     * @param energies  energies of the tensor's basis
     * @param rotation  W (columns: the tensor's basis vectors in H_S eigenbasis coordinates), or null if the
     *                  tensor's basis is the H_S eigenbasis
     */
    SecularTensor(RedfieldTensor tensor, double[] energies, double tolerance, ComplexMatrix rotation) {
        d = energies.length;
        int dd = d * d;
        Integer[] order = new Integer[dd];
        double[] w = new double[dd];
        for (int i = 0; i < dd; i++) {
            order[i] = i;
            w[i] = energies[i / d] - energies[i % d];
        }
        Arrays.sort(order, (p, q) -> Double.compare(w[p], w[q]));
        // clusters of equal Bohr frequency (chained within the tolerance)
        int[] cluster = new int[dd];
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < dd; i++) {
            if (i == 0 || w[order[i]] - w[order[i - 1]] > tolerance) {
                members.add(new ArrayList<>());
            }
            members.get(members.size() - 1).add(order[i]);
            cluster[order[i]] = members.size() - 1;
        }
        rowStart = new int[dd + 1];
        List<Integer> cols = new ArrayList<>();
        List<Double> re = new ArrayList<>();
        List<Double> im = new ArrayList<>();
        double[] element = new double[2];
        for (int row = 0; row < dd; row++) {
            rowStart[row] = cols.size();
            List<Integer> same = new ArrayList<>(members.get(cluster[row]));
            same.sort(Integer::compare);
            for (int col : same) {
                tensor.element(row / d, row % d, col / d, col % d, element);
                if (element[0] != 0 || element[1] != 0) {
                    cols.add(col);
                    re.add(element[0]);
                    im.add(element[1]);
                }
            }
        }
        rowStart[dd] = cols.size();
        column = cols.stream().mapToInt(Integer::intValue).toArray();
        valueRe = re.stream().mapToDouble(Double::doubleValue).toArray();
        valueIm = im.stream().mapToDouble(Double::doubleValue).toArray();
        if (rotation != null) {
            wRe = rotation.realParts();
            wIm = rotation.imaginaryParts();
            sRe = new double[2 * dd];
            tRe = new double[dd];
            tIm = new double[dd];
            uRe = new double[2 * dd];
            uIm = new double[dd];
        } else {
            wRe = null;
            wIm = null;
            sRe = null;
            tRe = null;
            tIm = null;
            uRe = null;
            uIm = null;
        }
    }

    /** The stored element R_{mn,kl} (0 outside the secular clusters); only in the tensor's own basis. */
    @Override
    public void element(int m, int n, int k, int l, double[] out) {
        if (wRe != null) {
            throw new IllegalStateException("the elements of a rotated secular tensor are in the local basis, not the H_S eigenbasis");
        }
        int row = m * d + n;
        int p = Arrays.binarySearch(column, rowStart[row], rowStart[row + 1], k * d + l);
        out[0] = p >= 0 ? valueRe[p] : 0;
        out[1] = p >= 0 ? valueIm[p] : 0;
    }

    @Override
    public void addTo(double[] rho, double[] out) {
        if (wRe == null) {
            apply(rho, out);
            return;
        }
        int dd = d * d;
        // s = W^+ rho W (flat layout in sRe: re at 0, im at dd)
        rotate(rho, true, sRe);
        Arrays.fill(uRe, 0);
        apply(sRe, uRe);
        rotate(uRe, false, uRe);
        for (int i = 0; i < 2 * dd; i++) {
            out[i] += uRe[i];
        }
    }

    /** out += R x (sparse, on the flat layout). */
    private void apply(double[] x, double[] out) {
        int dd = d * d;
        for (int row = 0; row < dd; row++) {
            double sr = 0;
            double si = 0;
            for (int p = rowStart[row]; p < rowStart[row + 1]; p++) {
                int c = column[p];
                double xr = x[c];
                double xi = x[dd + c];
                sr += valueRe[p] * xr - valueIm[p] * xi;
                si += valueRe[p] * xi + valueIm[p] * xr;
            }
            out[row] += sr;
            out[dd + row] += si;
        }
    }

    /**
     * In place on the flat layout (x and target may be the same array): W^+ x W if toBasis, else W x W^+.
     * Uses tRe/tIm and uIm as scratch.
     */
    private void rotate(double[] x, boolean toBasis, double[] target) {
        int dd = d * d;
        // t = op1 * x with op1 = W^+ (toBasis) or W
        Arrays.fill(tRe, 0);
        Arrays.fill(tIm, 0);
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                double ar = toBasis ? wRe[k * d + i] : wRe[i * d + k];
                double ai = toBasis ? -wIm[k * d + i] : wIm[i * d + k];
                if (ar == 0 && ai == 0) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    double br = x[k * d + j];
                    double bi = x[dd + k * d + j];
                    tRe[i * d + j] += ar * br - ai * bi;
                    tIm[i * d + j] += ar * bi + ai * br;
                }
            }
        }
        // target = t * op2 with op2 = W (toBasis) or W^+
        Arrays.fill(uIm, 0);
        for (int i = 0; i < dd; i++) {
            target[i] = 0;
        }
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                double ar = tRe[i * d + k];
                double ai = tIm[i * d + k];
                if (ar == 0 && ai == 0) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    double br = toBasis ? wRe[k * d + j] : wRe[j * d + k];
                    double bi = toBasis ? wIm[k * d + j] : -wIm[j * d + k];
                    target[i * d + j] += ar * br - ai * bi;
                    uIm[i * d + j] += ar * bi + ai * br;
                }
            }
        }
        System.arraycopy(uIm, 0, target, dd, dd);
    }

    /**
     * sqrt(max row sum * max column sum) of |R| (Schur test, a bound on the 2-norm of the d^2 x d^2 tensor); the
     * rotation to the local basis is unitary and changes no Frobenius norm.
     */
    @Override
    public double normBound() {
        int dd = d * d;
        double[] columnSums = new double[dd];
        double rowMax = 0;
        for (int row = 0; row < dd; row++) {
            double sum = 0;
            for (int p = rowStart[row]; p < rowStart[row + 1]; p++) {
                double a = Math.hypot(valueRe[p], valueIm[p]);
                sum += a;
                columnSums[column[p]] += a;
            }
            rowMax = Math.max(rowMax, sum);
        }
        double columnMax = 0;
        for (double c : columnSums) {
            columnMax = Math.max(columnMax, c);
        }
        return Math.sqrt(rowMax * columnMax);
    }

    @Override
    public long cost() {
        long rotationCost = wRe == null ? 0 : 16L * d * d * d;
        return 4L * column.length + rotationCost;
    }
}
