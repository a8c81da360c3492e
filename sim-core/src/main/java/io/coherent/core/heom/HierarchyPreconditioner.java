package io.coherent.core.heom;

import io.coherent.core.linalg.ComplexLu;
import io.coherent.core.master.RestartedGmres;

/**
 * An incomplete block factorisation of the bordered hierarchy A = L + u Tr(rho_0) (see {@link HierarchySteadyState})
 * with one d^2 x d^2 block per ADO: block ILU(0) in the order deepest tier first. The hierarchy's coupling graph is
 * bipartite (every coupling joins tiers t and t +- 1), so ILU(0) only changes the diagonal blocks:
 *
 * <pre>
 * D_n = A_nn - sum_m A_{n, n+e_m} D_{n+e_m}^-1 A_{n+e_m, n}
 * </pre>
 *
 * the truncated continued fraction of the hierarchy (at depth 1 it is the exact Schur complement, and D_0 is a
 * second-order, Redfield-like generator of rho_0 plus the trace border, which is non-singular exactly when the
 * steady state is unique). M = (D + A_raise) D^-1 (D + A_lower) is applied by one sweep from the deepest tier up
 * and one back down, each a right-hand side's worth of couplings plus one LU solve per ADO.
 *
 * <p>Forming D costs d^6 per (ADO, exponent) pair and stores d^4 complex numbers per ADO; when that exceeds the
 * budgets below, the ADOs beyond tier 0 keep only the diagonal of A_nn (their damping and Bohr frequencies, exact
 * without a terminator) and D_0 is formed from those.
 */
final class HierarchyPreconditioner implements RestartedGmres.LinearMap {
    /** Largest number of complex multiply-adds spent forming the blocks. */
    static final double WORK_BUDGET = 4e8;

    private final HeomGenerator g;
    private final int d;
    private final AuxiliaryDensityOperators ados;
    private final int dd;
    private final int block;
    private final double border;
    private final ComplexLu[] blocks;
    private final double[] diagonalRe;
    private final double[] diagonalIm;
    private final boolean full;
    /** ADOs 0..exact-1 have exactly formed blocks D_n (all, or rho_0 only), the rest the diagonal of A_nn. */
    private final int exact;
    private final double[] z;
    private final double[] t;
    private final double[] re;
    private final double[] im;
    private final double pivotRatio;

    /**
     * @param full  form every block (else tier 0 only, the rest diagonal); see {@link #fits}
     */
    HierarchyPreconditioner(HeomGenerator g, double border, boolean full) {
        this.g = g;
        this.ados = g.ados();
        int d = g.dimension();
        this.d = d;
        this.dd = d * d;
        this.block = 2 * dd;
        this.border = border;
        this.full = full;
        int count = ados.count;
        // forming the tier-1..3 blocks exactly as well was measured: 9 instead of 11 iterations on the 38 760-ADO
        // benchmark hierarchy, no faster overall (the blocks cost what the iterations save)
        this.exact = full ? count : 1;
        blocks = new ComplexLu[exact];
        diagonalRe = new double[full ? 0 : count * dd];
        diagonalIm = new double[full ? 0 : count * dd];
        z = new double[block * count];
        t = new double[block];
        re = new double[dd];
        im = new double[dd];
        double[] unit = new double[block];
        double[] col = new double[block];
        double[] x = new double[block];
        double[] y = new double[block];
        double[] matRe = new double[dd * dd];
        double[] matIm = new double[dd * dd];
        if (!full) {
            // diagonal of A_nn = -i [H_S, .] - gamma_n + terminators: the terminators' part is the same for every ADO
            double[] terminatorDiagonal = new double[block];
            for (int c = 0; c < dd; c++) {
                unit[c] = 1;
                java.util.Arrays.fill(col, 0);
                g.addTerminators(unit, 0, col, 0, -1);
                unit[c] = 0;
                terminatorDiagonal[c] = col[c];
                terminatorDiagonal[dd + c] = col[dd + c];
            }
            java.util.Arrays.fill(unit, 0, dd, 1); // setDiagonal of all ones: the diagonal of -i [H_S, .] - gamma_n
            for (int i = count - 1; i >= exact; i--) {
                g.setDiagonal(unit, 0, i, col, 0);
                for (int c = 0; c < dd; c++) {
                    double pr = col[c] + terminatorDiagonal[c];
                    double pi = col[dd + c] + terminatorDiagonal[dd + c];
                    double n = pr * pr + pi * pi;
                    diagonalRe[i * dd + c] = pr / n;
                    diagonalIm[i * dd + c] = -pi / n;
                }
            }
            java.util.Arrays.fill(unit, 0);
        }
        double worst = 1;
        for (int i = exact - 1; i >= 0; i--) {
            for (int c = 0; c < dd; c++) {
                unit[c] = 1;
                g.setDiagonal(unit, 0, i, col, 0);
                g.addTerminators(unit, 0, col, 0, -1);
                if (i == 0 && c % (d + 1) == 0) {
                    for (int q = 0; q < d; q++) {
                        col[q * (d + 1)] += border / d;
                    }
                }
                for (int m = 0; m < ados.modes; m++) {
                    int j = ados.up[i * ados.modes + m];
                    if (j < 0) {
                        continue;
                    }
                    java.util.Arrays.fill(x, 0);
                    g.addCoupling(j, m, false, unit, 0, x, 0);
                    solveBlock(j, x);
                    java.util.Arrays.fill(y, 0);
                    g.addCoupling(i, m, true, x, 0, y, 0);
                    for (int e = 0; e < block; e++) {
                        col[e] -= y[e];
                    }
                }
                unit[c] = 0;
                for (int r = 0; r < dd; r++) {
                    matRe[r * dd + c] = col[r];
                    matIm[r * dd + c] = col[dd + r];
                }
            }
            ComplexLu lu = new ComplexLu(dd);
            if (!lu.factorise(matRe, matIm, 0, 0)) {
                worst = 0;
            } else if (i == 0) {
                worst = lu.pivotRatio();
            }
            blocks[i] = lu;
        }
        pivotRatio = worst;
    }

    /** Whether the full factorisation fits the work budget and the given byte budget. */
    static boolean fits(int count, int modes, int d, long bytes) {
        double dd = (double) d * d;
        return count * (double) modes * dd * dd * dd <= WORK_BUDGET && count * dd * dd * 16 <= bytes;
    }

    /** Bytes the preconditioner stores per ADO. */
    static long bytesPerAdo(int d, boolean full) {
        long dd = (long) d * d;
        return full ? 16 * dd * dd + 16 * dd : 16 * dd + 16 * dd;
    }

    /** min |pivot| / max |pivot| of the tier-0 block D_0 (near zero: the steady state is not unique). */
    double pivotRatio() {
        return pivotRatio;
    }

    boolean full() {
        return full;
    }

    /** x[0..block) := D_i^-1 x (the block of ADO i). */
    private void solveBlock(int i, double[] x) {
        if (i >= exact) {
            for (int e = 0; e < dd; e++) {
                double xr = x[e];
                double xi = x[dd + e];
                double dr = diagonalRe[i * dd + e];
                double di = diagonalIm[i * dd + e];
                x[e] = dr * xr - di * xi;
                x[dd + e] = dr * xi + di * xr;
            }
            return;
        }
        System.arraycopy(x, 0, re, 0, dd);
        System.arraycopy(x, dd, im, 0, dd);
        blocks[i].solveInPlace(re, im);
        System.arraycopy(re, 0, x, 0, dd);
        System.arraycopy(im, 0, x, dd, dd);
    }

    /**
     * x = M^-1 r: forward sweep from the deepest tier to tier 0, then back. Allocation-free. On a hierarchy that
     * preserves Hermiticity (r Hermitian, ADO by ADO) every block solve's result is replaced by its Hermitian part
     * (the exact one is Hermitian; this removes rounding), so that the couplings can take the Hermitian path.
     */
    @Override
    public void apply(double[] r, double[] x) {
        int count = ados.count;
        boolean hermitian = g.hermitian();
        for (int i = count - 1; i >= 0; i--) {
            java.util.Arrays.fill(t, 0);
            g.addCouplings(z, i, t, 0, true, false, hermitian);
            int off = i * block;
            for (int e = 0; e < block; e++) {
                t[e] = r[off + e] - t[e];
            }
            solveBlock(i, t);
            if (hermitian) {
                hermitianPart(t, 0, d);
            }
            System.arraycopy(t, 0, z, off, block);
        }
        for (int i = 0; i < count; i++) {
            java.util.Arrays.fill(t, 0);
            g.addCouplings(x, i, t, 0, false, true, hermitian);
            solveBlock(i, t);
            if (hermitian) {
                hermitianPart(t, 0, d);
            }
            int off = i * block;
            for (int e = 0; e < block; e++) {
                x[off + e] = z[off + e] - t[e];
            }
        }
    }

    /** Every ADO of the flat hierarchy x replaced by its Hermitian part (X + X^dagger) / 2. */
    static void hermitianParts(double[] x, int d) {
        int block = 2 * d * d;
        for (int off = 0; off < x.length; off += block) {
            hermitianPart(x, off, d);
        }
    }

    /** The d x d block at x[off..] replaced by its Hermitian part. */
    private static void hermitianPart(double[] x, int off, int d) {
        int dd = d * d;
        for (int r = 0; r < d; r++) {
            int rr = off + r * (d + 1);
            x[rr + dd] = 0;
            for (int c = r + 1; c < d; c++) {
                int rc = off + r * d + c;
                int cr = off + c * d + r;
                double re = 0.5 * (x[rc] + x[cr]);
                double im = 0.5 * (x[dd + rc] - x[dd + cr]);
                x[rc] = re;
                x[cr] = re;
                x[dd + rc] = im;
                x[dd + cr] = -im;
            }
        }
    }
}
