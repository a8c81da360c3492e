package io.coherent.core.master;

import io.coherent.core.linalg.PivotRatio;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.decompose.lu.LUDecompositionAlt_ZDRM;

/**
 * A nearly exact inverse of the bordered Liouvillian A = L + u Tr(.) (see {@link SteadyStateIteration}) from its
 * Bohr-frequency block structure in the H_S eigenbasis. The coherent part couples nothing (d rho_mn/dt =
 * -i w_mn rho_mn); a dissipator element R_{mn,kl} between Bohr frequencies w_mn and w_kl that differ by much more
 * than the rates only matters at order R / |w_mn - w_kl| (the secular approximation, Breuer-Petruccione Sec. 3.3.1).
 * So the d^2 elements are grouped by Bohr frequency, sorted and chained whenever neighbours are closer than
 * {@code groupTolerance}, and each group's block of A (the dissipator's elements, -i w_mn on the diagonal, and for
 * the zero-frequency group the populations' rank-one trace border) is LU-factorised exactly. The population block
 * is the Pauli rate matrix plus the border, so the secular (Davies) generator is inverted exactly when the tolerance
 * is its own; for Redfield the non-secular couplings inside a group are inverted too and only those between groups
 * farther apart than the tolerance are left to the Krylov iteration.
 *
 * <p>A group larger than {@code maxBlock} is cut (memory and time of the factorisations), which leaves more to the
 * iteration. Only groups holding an element on or above the diagonal are solved: the Hermitian parameters (see
 * {@link HermitianLiouvillian}) are read from there, and the groups at -w mirror those at w.
 */
final class SecularPreconditioner implements RestartedGmres.LinearMap {
    private final int d;
    private final int[][] groups;
    private final LUDecompositionAlt_ZDRM[] factors;
    private final double[] in;
    private final double[] out;
    private final double[] vv;
    private final double worstPivotRatio;
    private final int largestBlock;

    /**
     * @param energies       H_S energies, ascending (the basis of the tensor's elements)
     * @param tensor         the dissipator's elements R_{mn,kl} in that basis
     * @param border         the trace border's weight: A = L + border (I/d) Tr(.)
     * @param groupTolerance Bohr frequencies closer than this are chained into one block
     * @param maxBlock       largest block factorised
     */
    SecularPreconditioner(double[] energies, TensorElements tensor, double border, double groupTolerance, int maxBlock) {
        d = energies.length;
        int dd = d * d;
        double[] w = new double[dd];
        Integer[] order = new Integer[dd];
        for (int i = 0; i < dd; i++) {
            w[i] = energies[i / d] - energies[i % d];
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(w[p], w[q]));
        List<int[]> solved = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= dd; i++) {
            if (i == dd || w[order[i]] - w[order[i - 1]] > groupTolerance || i - start == maxBlock) {
                int[] group = new int[i - start];
                boolean read = false;
                for (int a = 0; a < group.length; a++) {
                    group[a] = order[start + a];
                    read |= group[a] / d <= group[a] % d;
                }
                if (read) {
                    solved.add(group);
                }
                start = i;
            }
        }
        groups = solved.toArray(new int[0][]);
        factors = new LUDecompositionAlt_ZDRM[groups.length];
        double[] element = new double[2];
        double worst = 1;
        int largest = 0;
        for (int c = 0; c < groups.length; c++) {
            int[] group = groups[c];
            int s = group.length;
            largest = Math.max(largest, s);
            ZMatrixRMaj block = new ZMatrixRMaj(s, s);
            for (int a = 0; a < s; a++) {
                int m = group[a] / d;
                int n = group[a] % d;
                for (int b = 0; b < s; b++) {
                    int k = group[b] / d;
                    int l = group[b] % d;
                    tensor.element(m, n, k, l, element);
                    double re = element[0];
                    double im = element[1];
                    if (a == b) {
                        im -= w[group[a]];
                    }
                    if (m == n && k == l) {
                        re += border / d;
                    }
                    block.set(a, b, re, im);
                }
            }
            factors[c] = new LUDecompositionAlt_ZDRM();
            if (!factors[c].decompose(block)) {
                throw new IllegalStateException("LU of a preconditioner block failed");
            }
            worst = Math.min(worst, pivotRatio(factors[c].getLU()));
        }
        worstPivotRatio = worst;
        largestBlock = largest;
        in = new double[2 * dd];
        out = new double[2 * dd];
        vv = new double[2 * Math.max(1, largest)];
    }

    /** min |U_ii| / max |U_ii| of a block's LU factors (0 for an exactly singular block). */
    private static double pivotRatio(ZMatrixRMaj lu) {
        return PivotRatio.of(lu.numRows, i -> Math.hypot(lu.getReal(i, i), lu.getImag(i, i)));
    }

    /** y = M^-1 x on the Hermitian parameters (allocation-free). */
    @Override
    public void apply(double[] x, double[] y) {
        int dd = d * d;
        HermitianLiouvillian.fromParameters(d, x, in);
        for (int c = 0; c < groups.length; c++) {
            int[] group = groups[c];
            for (int a = 0; a < group.length; a++) {
                vv[2 * a] = in[group[a]];
                vv[2 * a + 1] = in[dd + group[a]];
            }
            factors[c]._solveVectorInternal(vv);
            for (int a = 0; a < group.length; a++) {
                out[group[a]] = vv[2 * a];
                out[dd + group[a]] = vv[2 * a + 1];
            }
        }
        HermitianLiouvillian.toParameters(d, out, y);
    }

    /** The largest decay rate |Re R_{mn,mn}| (the scale of the dissipator: the grouping tolerance is set from it). */
    static double rateScale(int d, TensorElements tensor) {
        double[] element = new double[2];
        double rates = 0;
        for (int m = 0; m < d; m++) {
            for (int n = 0; n < d; n++) {
                tensor.element(m, n, m, n, element);
                rates = Math.max(rates, Math.abs(element[0]));
            }
        }
        return rates;
    }

    /** Smallest ratio of LU pivots over all blocks: near 0 when a block is (nearly) singular. */
    double worstPivotRatio() {
        return worstPivotRatio;
    }

    int largestBlock() {
        return largestBlock;
    }

    int blocks() {
        return groups.length;
    }
}
