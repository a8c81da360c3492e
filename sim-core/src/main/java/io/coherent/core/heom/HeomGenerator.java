package io.coherent.core.heom;

import io.coherent.core.dynamics.LinearGenerator;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.master.MasterObservables;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.open.OpenSystem;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The hierarchical equations of motion at a fixed depth and set of bath exponents (docs/heom.md): the physical
 * density matrix rho_0 and the auxiliary density operators rho_n, each a d x d complex block in the H_S eigenbasis,
 * flat [Re (d^2, row-major), Im (d^2)] one after the other in tier order, so that the first block is laid out as
 * the master equations' state. With B the bath exponents (rate gamma_m, raising operator U_m, lowering operator V_m
 * and coefficients a_m, b_m, see {@link BathExponents}):
 *
 * <pre>
 * d rho_n/dt = -i [H_S, rho_n] - sum_m n_m gamma_m rho_n + sum_baths T_k(rho_n)
 *              - i sum_m [U_m, rho_{n+e_m}] - i sum_m n_m (a_m V_m rho_{n-e_m} - b_m rho_{n-e_m} V_m)
 * </pre>
 *
 * (Tanimura, J. Chem. Phys. 153, 020901 (2020), Eq. 52, in the scaling of {@link AuxiliaryDensityOperators}).
 * T_k = -[U, Da V rho - Db rho V] is the Ishizaki-Tanimura terminator of bath k's dropped exponents (J. Phys. Soc.
 * Jpn. 74, 3131 (2005)). Fermionic exponents (n_m in {0, 1}) follow Jin, Zheng and Yan (J. Chem. Phys. 128, 234703
 * (2008)) in HierarchicalEOM.jl's form: with p the parity of the tree an element belongs to (even for the physical
 * state), n the ADO's fermionic tier and s = (-1)^(occupied fermionic exponents before m), the raising term is
 * -i s ((-1)^p U X + (-1)^(n+1) X U) and the lowering term -i s ((-1)^p a V X - (-1)^(n-1) b X V). The tree parity of
 * element (r, c) of an ADO at fermionic tier n is (parity(r) + parity(c) + n) mod 2, so initial states of mixed
 * parity are propagated exactly too.
 *
 * <p>The right-hand side is matrix-free and allocates nothing: per ADO and per distinct coupling operator O the
 * neighbours' blocks are first summed with their coefficients (left and right), then multiplied by O once (sparse,
 * {@link SparseOperator}); the coherent part and the damping are diagonal in the eigenbasis.
 *
 * <p>Observables are those of the master equations for the same system ({@link MasterObservables}) from rho_0, with
 * the currents from the first tier: the bath's share of d rho_0/dt is (d rho/dt)_k = -i sum_{m in k} [U_m, rho_{e_m}]
 * + T_k(rho_0), the exact -i Tr_B [H_I,k, rho_total], so energy_current.k = Tr[H_S (d rho/dt)_k] = i&lt;[H_I,k, H_S]&gt;
 * (Kato and Tanimura, J. Chem. Phys. 145, 224105 (2016)), positive into the system, and particle_current.k =
 * Tr[N (d rho/dt)_k]. Their error is the caller's (truncation of the hierarchy, see {@link Heom}).
 */
public final class HeomGenerator implements LinearGenerator {
    private final OpenSystem system;
    private final BathExponents baths;
    private final AuxiliaryDensityOperators ados;
    private final int d;
    private final int dd;
    private final int block;
    private final double[] bohr;
    private final SparseOperator[] operators;
    private final boolean[] operatorFermionic;
    private final int[][] raisingModes;
    private final int[][] loweringModes;
    private final int modes;
    private final double[] aRe;
    private final double[] aIm;
    private final double[] bRe;
    private final double[] bIm;
    private final boolean[] fermionic;
    private final int[] bathOf;
    private final double[] dampingRe;
    private final double[] dampingIm;
    private final double[][] masks;
    private final BathExponents.Terminator[] terminators;
    /** The terminators whose outer commutator [U, .] is with operator o (bosonic): fused into o's coupling product. */
    private final BathExponents.Terminator[][] fusedTerminators;
    /** The hierarchy maps Hermitian ADOs to Hermitian ADOs (see {@link #hermitian()}). */
    private final boolean hermitian;
    private final MasterObservables observables;
    /** rho_0 at t = 0 (the deeper ADOs start at zero): one block, not a whole hierarchy kept for the generator's life. */
    private final double[] initial;
    private final List<String> names;
    private final double[] left;
    private final double[] right;
    private final double[] commutator;
    private final double[] work;
    private final double[] work2;
    private final double[] coefficient = new double[4];

    HeomGenerator(OpenSystem system, BathExponents baths, int depth) {
        this.system = system;
        this.baths = baths;
        this.d = baths.energies.length;
        this.dd = d * d;
        this.block = 2 * dd;
        this.bohr = new double[dd];
        for (int m = 0; m < d; m++) {
            for (int n = 0; n < d; n++) {
                bohr[m * d + n] = baths.energies[m] - baths.energies[n];
            }
        }
        List<BathExponents.Exponent> list = baths.exponents;
        this.modes = list.size();
        fermionic = new boolean[modes];
        double[] scale = new double[modes];
        aRe = new double[modes];
        aIm = new double[modes];
        bRe = new double[modes];
        bIm = new double[modes];
        bathOf = new int[modes];
        for (int m = 0; m < modes; m++) {
            BathExponents.Exponent e = list.get(m);
            fermionic[m] = e.fermionic();
            scale[m] = e.scale();
            aRe[m] = e.aRe();
            aIm[m] = e.aIm();
            bRe[m] = e.bRe();
            bIm[m] = e.bIm();
            bathOf[m] = e.bath();
        }
        this.ados = new AuxiliaryDensityOperators(fermionic, scale, depth);
        operators = baths.operators.toArray(new SparseOperator[0]);
        operatorFermionic = new boolean[operators.length];
        raisingModes = new int[operators.length][];
        loweringModes = new int[operators.length][];
        for (int o = 0; o < operators.length; o++) {
            operatorFermionic[o] = baths.operatorFermionic.get(o);
            int op = o;
            raisingModes[o] = java.util.stream.IntStream.range(0, modes).filter(m -> list.get(m).upOperator() == op).toArray();
            loweringModes[o] = java.util.stream.IntStream.range(0, modes).filter(m -> list.get(m).downOperator() == op).toArray();
        }
        dampingRe = new double[ados.count];
        dampingIm = new double[ados.count];
        for (int i = 0; i < ados.count; i++) {
            int[] n = ados.index(i);
            for (int m = 0; m < modes; m++) {
                dampingRe[i] += n[m] * list.get(m).rateRe();
                dampingIm[i] += n[m] * list.get(m).rateIm();
            }
        }
        masks = new double[2][dd];
        for (int level = 0; level < 2; level++) {
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < d; c++) {
                    masks[level][r * d + c] = (baths.parity[r] + baths.parity[c] + level) % 2 == 0 ? 1 : -1;
                }
            }
        }
        terminators = baths.terminators.toArray(new BathExponents.Terminator[0]);
        fusedTerminators = new BathExponents.Terminator[operators.length][];
        for (int o = 0; o < operators.length; o++) {
            int op = o;
            fusedTerminators[o] = operatorFermionic[o] ? new BathExponents.Terminator[0]
                    : baths.terminators.stream().filter(t -> t.upOperator() == op).toArray(BathExponents.Terminator[]::new);
        }
        if (java.util.Arrays.stream(fusedTerminators).mapToInt(f -> f.length).sum() != terminators.length) {
            throw new IllegalStateException("a terminator of a fermionic operator"); // terminators are bosonic only
        }
        hermitian = preservesHermiticity(baths);
        observables = MasterObservables.withoutDissipators(system, baths.energies, baths.basis);
        ComplexMatrix u = baths.basis;
        ComplexMatrix rho0 = u.conjugateTranspose().times(system.initialState()).times(u);
        initial = new double[block];
        System.arraycopy(rho0.realParts(), 0, initial, 0, dd);
        System.arraycopy(rho0.imaginaryParts(), 0, initial, dd, dd);
        left = new double[block];
        right = new double[block];
        commutator = new double[block];
        work = new double[block];
        work2 = new double[block];
        names = List.copyOf(observe(0, initialState()).values().keySet());
    }

    /**
     * Whether every ADO's equation maps Hermitian ADOs to a Hermitian derivative: bosonic exponents with real rates
     * that raise and lower through one Hermitian operator with b = conj(a) (C(t)* has the conjugate coefficients, as
     * for every Hermitian coupling whose expansion has real rates: Drude-Lorentz by Pade or Matsubara), and terminators
     * of the same form. Then -i [H, X] - gamma X is Hermitian, and every coupling term is P + P^dagger with P = A S
     * for an anti-Hermitian sum S of neighbours (-i f [A, X] = A S + (A S)^dagger with S = -i f X; -i f (a A X - conj(a)
     * X A) likewise with S = -i f a X), so the steady state (unique, with a Hermitian trace condition) has Hermitian
     * ADOs and the right-hand side on Hermitian input needs only the left products A S ({@link #derivativesOfHermitian}).
     */
    static boolean preservesHermiticity(BathExponents baths) {
        List<SparseOperator> operators = baths.operators;
        for (BathExponents.Exponent e : baths.exponents) {
            if (e.fermionic() || e.rateIm() != 0 || e.upOperator() != e.downOperator()
                    || !operators.get(e.upOperator()).hermitian() || !conjugates(e.aRe(), e.aIm(), e.bRe(), e.bIm())) {
                return false;
            }
        }
        for (BathExponents.Terminator t : baths.terminators) {
            if (t.upOperator() != t.downOperator() || !operators.get(t.upOperator()).hermitian()
                    || !conjugates(t.aRe(), t.aIm(), t.bRe(), t.bIm())) {
                return false;
            }
        }
        return true;
    }

    /** b = conj(a) to rounding (the b are computed as conjugates; the Hermitian path then uses a and conj(a)). */
    private static boolean conjugates(double aRe, double aIm, double bRe, double bIm) {
        return Math.hypot(aRe - bRe, aIm + bIm) <= 1e-14 * Math.hypot(aRe, aIm);
    }

    /** Whether the hierarchy preserves the Hermiticity of every ADO (then its steady state has Hermitian ADOs). */
    boolean hermitian() {
        return hermitian;
    }

    /** Number of auxiliary density operators, the physical density matrix included. */
    public int adoCount() {
        return ados.count;
    }

    /** Number of bath exponents (the length of the multi-indices). */
    public int exponentCount() {
        return modes;
    }

    public int depth() {
        return ados.depth;
    }

    /** Dimension of H_S. */
    public int dimension() {
        return d;
    }

    /** Energies of H_S, ascending: the basis of every block. */
    public double[] energies() {
        return baths.energies.clone();
    }

    AuxiliaryDensityOperators ados() {
        return ados;
    }

    BathExponents baths() {
        return baths;
    }

    @Override
    public String method() {
        return "heom";
    }

    @Override
    public int stateDimension() {
        return block * ados.count;
    }

    @Override
    public double[] initialState() {
        double[] y = new double[stateDimension()];
        System.arraycopy(initial, 0, y, 0, block);
        return y;
    }

    @Override
    public void computeDerivatives(double t, double[] y, double[] yDot) {
        computeDerivatives(y, 0, yDot, 0);
    }

    /**
     * yDot[dBase..] = L y[yBase..]: the hierarchy's state at an offset of a longer vector (the embedded pair keeps
     * two hierarchies in one state without copying). The terminators are added inside the coupling products: both
     * end in a commutator with the same operator U, so -[U, Da V X - Db X V] joins the raising terms' sum before
     * the one multiplication by U (two sparse products per terminator instead of four).
     */
    void computeDerivatives(double[] y, int yBase, double[] yDot, int dBase) {
        for (int i = 0; i < ados.count; i++) {
            int off = i * block;
            setDiagonal(y, yBase + off, i, yDot, dBase + off);
            addCouplings(y, yBase, i, yDot, dBase + off, -1, true, true, true, false);
        }
    }

    /**
     * yDot = L y for a y whose every ADO is Hermitian, on a hierarchy that preserves Hermiticity ({@link #hermitian()}):
     * each coupling product is P + P^dagger with only the left product P computed (half the sparse products of
     * {@link #computeDerivatives}). On other input it is not L: the steady-state solver keeps its vectors Hermitian.
     */
    void derivativesOfHermitian(double[] y, double[] yDot) {
        if (!hermitian) {
            throw new IllegalStateException("the hierarchy does not preserve Hermiticity");
        }
        for (int i = 0; i < ados.count; i++) {
            int off = i * block;
            setDiagonal(y, off, i, yDot, off);
            addCouplings(y, 0, i, yDot, off, -1, true, true, true, true);
        }
    }

    /** out[oo..] = (-i [H_S, .] - sum n_m gamma_m) of the block x[xo..] of ADO i. */
    void setDiagonal(double[] x, int xo, int i, double[] out, int oo) {
        double gr = dampingRe[i];
        double gi = dampingIm[i];
        for (int e = 0; e < dd; e++) {
            double cr = -gr;
            double ci = -(bohr[e] + gi);
            double xr = x[xo + e];
            double xi = x[xo + dd + e];
            out[oo + e] = cr * xr - ci * xi;
            out[oo + dd + e] = cr * xi + ci * xr;
        }
    }

    /** out[oo..] += sum of the terminators (of bath onlyBath, or all if -1) applied to the block x[xo..]. */
    void addTerminators(double[] x, int xo, double[] out, int oo, int onlyBath) {
        for (BathExponents.Terminator t : terminators) {
            if (onlyBath >= 0 && t.bath() != onlyBath) {
                continue;
            }
            // -[U, Da V X - Db X V]
            java.util.Arrays.fill(work, 0);
            SparseOperator v = operators[t.downOperator()];
            SparseOperator u = operators[t.upOperator()];
            v.leftAdd(x, xo, work, 0, t.aRe(), t.aIm());
            v.rightAdd(x, xo, work, 0, -t.bRe(), -t.bIm());
            u.leftAdd(work, 0, out, oo, -1, 0);
            u.rightAdd(work, 0, out, oo, 1, 0);
        }
    }

    /**
     * out[oo..] += the couplings of ADO i to its neighbours in y (whole hierarchy): from the tier above (raising
     * terms) and/or below (lowering terms), of one bath or all (-1).
     */
    void addCouplings(double[] y, int i, double[] out, int oo, int onlyBath, boolean raising, boolean lowering) {
        addCouplings(y, 0, i, out, oo, onlyBath, raising, lowering, false, false);
    }

    /** As above, for Hermitian ADOs in y if ofHermitian (see {@link #derivativesOfHermitian}). */
    void addCouplings(double[] y, int i, double[] out, int oo, boolean raising, boolean lowering, boolean ofHermitian) {
        addCouplings(y, 0, i, out, oo, -1, raising, lowering, false, ofHermitian);
    }

    /**
     * As above with the hierarchy at y[yBase..], if terminate every terminator added too (onlyBath = -1), and if
     * ofHermitian for Hermitian ADOs on a Hermiticity-preserving hierarchy: every term is then summed into one
     * anti-Hermitian S per operator A and added as A S + (A S)^dagger.
     */
    private void addCouplings(double[] y, int yBase, int i, double[] out, int oo, int onlyBath, boolean raising,
                              boolean lowering, boolean terminate, boolean ofHermitian) {
        int base = i * modes;
        double[] mask = masks[ados.fermionLevel[i] & 1];
        for (int o = 0; o < operators.length; o++) {
            // bosonic terms that are pure commutators (every raising term; a lowering term with a = b) are summed into
            // one array with one complex coefficient; the others into left and right
            boolean commutators = !operatorFermionic[o];
            boolean anyCommutator = false;
            boolean anyGeneral = false;
            if (terminate && fusedTerminators[o].length > 0) {
                java.util.Arrays.fill(commutator, 0);
                anyCommutator = true;
                int xo = yBase + i * block;
                for (BathExponents.Terminator t : fusedTerminators[o]) {
                    // commutator -= Da V X - Db X V (= Q - Q^dagger with Q = Da V X when X is Hermitian)
                    SparseOperator v = operators[t.downOperator()];
                    if (ofHermitian) {
                        java.util.Arrays.fill(work, 0);
                        v.leftAdd(y, xo, work, 0, t.aRe(), t.aIm());
                        subtractAntiHermitianPart(work, commutator);
                    } else {
                        v.leftAdd(y, xo, commutator, 0, -t.aRe(), -t.aIm());
                        v.rightAdd(y, xo, commutator, 0, t.bRe(), t.bIm());
                    }
                }
            }
            if (raising) {
                for (int m : raisingModes[o]) {
                    int j = ados.up[base + m];
                    if (j < 0 || (onlyBath >= 0 && bathOf[m] != onlyBath)) {
                        continue;
                    }
                    if (commutators) {
                        if (!anyCommutator) {
                            java.util.Arrays.fill(commutator, 0);
                            anyCommutator = true;
                        }
                        // -i f [U, X]
                        accumulateImaginary(y, yBase + j * block, -ados.upFactor[base + m]);
                        continue;
                    }
                    if (!anyGeneral) {
                        java.util.Arrays.fill(left, 0);
                        java.util.Arrays.fill(right, 0);
                        anyGeneral = true;
                    }
                    raisingCoefficient(i, m);
                    accumulate(y, yBase + j * block);
                }
            }
            if (lowering) {
                for (int m : loweringModes[o]) {
                    int j = ados.down[base + m];
                    if (j < 0 || (onlyBath >= 0 && bathOf[m] != onlyBath)) {
                        continue;
                    }
                    if (commutators && (ofHermitian || (aRe[m] == bRe[m] && aIm[m] == bIm[m]))) {
                        if (!anyCommutator) {
                            java.util.Arrays.fill(commutator, 0);
                            anyCommutator = true;
                        }
                        // -i f a [V, X] (on Hermitian X, -i f (a V X - conj(a) X V) also has S = -i f a X)
                        double f = ados.downFactor[base + m];
                        accumulateComplex(y, yBase + j * block, f * aIm[m], -f * aRe[m]);
                        continue;
                    }
                    if (!anyGeneral) {
                        java.util.Arrays.fill(left, 0);
                        java.util.Arrays.fill(right, 0);
                        anyGeneral = true;
                    }
                    loweringCoefficient(i, m);
                    accumulate(y, yBase + j * block);
                }
            }
            if (anyCommutator) {
                if (anyGeneral) {
                    for (int e = 0; e < block; e++) {
                        left[e] += commutator[e];
                        right[e] -= commutator[e];
                    }
                    multiply(operators[o], operatorFermionic[o], mask, left, right, out, oo);
                } else if (ofHermitian) {
                    java.util.Arrays.fill(work2, 0);
                    operators[o].leftAdd(commutator, 0, work2, 0, 1, 0);
                    addHermitianPart(work2, out, oo);
                } else {
                    operators[o].leftAdd(commutator, 0, out, oo, 1, 0);
                    operators[o].rightAdd(commutator, 0, out, oo, -1, 0);
                }
            } else if (anyGeneral) {
                multiply(operators[o], operatorFermionic[o], mask, left, right, out, oo);
            }
        }
    }

    /** out[oo..] += p + p^dagger (p a d x d block). */
    private void addHermitianPart(double[] p, double[] out, int oo) {
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                int rc = r * d + c;
                int cr = c * d + r;
                out[oo + rc] += p[rc] + p[cr];
                out[oo + dd + rc] += p[dd + rc] - p[dd + cr];
            }
        }
    }

    /** s -= q - q^dagger. */
    private void subtractAntiHermitianPart(double[] q, double[] s) {
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                int rc = r * d + c;
                int cr = c * d + r;
                s[rc] -= q[rc] - q[cr];
                s[dd + rc] -= q[dd + rc] + q[dd + cr];
            }
        }
    }

    /** commutator += (i c) x, c real. */
    private void accumulateImaginary(double[] x, int xo, double c) {
        for (int e = 0; e < dd; e++) {
            commutator[e] -= c * x[xo + dd + e];
            commutator[dd + e] += c * x[xo + e];
        }
    }

    /** commutator += (cr + i ci) x. */
    private void accumulateComplex(double[] x, int xo, double cr, double ci) {
        for (int e = 0; e < dd; e++) {
            double xr = x[xo + e];
            double xi = x[xo + dd + e];
            commutator[e] += cr * xr - ci * xi;
            commutator[dd + e] += cr * xi + ci * xr;
        }
    }

    /**
     * out[oo..] += the coupling of ADO i to one neighbour through exponent m: from ADO i + e_m (raising) or
     * i - e_m (lowering), whose block is src[so..] (any vector, e.g. a basis matrix when the preconditioner forms
     * its blocks).
     */
    void addCoupling(int i, int m, boolean raising, double[] src, int so, double[] out, int oo) {
        if (raising) {
            raisingCoefficient(i, m);
        } else {
            loweringCoefficient(i, m);
        }
        java.util.Arrays.fill(left, 0);
        java.util.Arrays.fill(right, 0);
        accumulate(src, so);
        int o = raising ? baths.exponents.get(m).upOperator() : baths.exponents.get(m).downOperator();
        multiply(operators[o], operatorFermionic[o], masks[ados.fermionLevel[i] & 1], left, right, out, oo);
    }

    private void multiply(SparseOperator op, boolean fermionicOperator, double[] mask, double[] l, double[] r,
                          double[] out, int oo) {
        if (fermionicOperator) {
            java.util.Arrays.fill(work2, 0);
            op.leftAdd(l, 0, work2, 0, 1, 0);
            for (int e = 0; e < dd; e++) {
                out[oo + e] += mask[e] * work2[e];
                out[oo + dd + e] += mask[e] * work2[dd + e];
            }
        } else {
            op.leftAdd(l, 0, out, oo, 1, 0);
        }
        op.rightAdd(r, 0, out, oo, 1, 0);
    }

    /** left += cL x, right += cR x, with (cL, cR) in {@link #coefficient}. */
    private void accumulate(double[] x, int xo) {
        double lr = coefficient[0];
        double li = coefficient[1];
        double rr = coefficient[2];
        double ri = coefficient[3];
        for (int e = 0; e < dd; e++) {
            double xr = x[xo + e];
            double xi = x[xo + dd + e];
            left[e] += lr * xr - li * xi;
            left[dd + e] += lr * xi + li * xr;
            right[e] += rr * xr - ri * xi;
            right[dd + e] += rr * xi + ri * xr;
        }
    }

    /** Coefficients of U X (left) and X U (right) in the raising term of ADO i through exponent m. */
    private void raisingCoefficient(int i, int m) {
        double f = ados.upFactor[i * modes + m];
        coefficient[0] = 0;
        coefficient[1] = -f;
        coefficient[2] = 0;
        if (fermionic[m]) {
            // -i f (-1)^(n+1) X U
            coefficient[3] = ((ados.fermionLevel[i] + 1) & 1) == 0 ? -f : f;
        } else {
            coefficient[3] = f;
        }
    }

    /** Coefficients of V X (left) and X V (right) in the lowering term of ADO i through exponent m. */
    private void loweringCoefficient(int i, int m) {
        double f = ados.downFactor[i * modes + m];
        coefficient[0] = f * aIm[m];
        coefficient[1] = -f * aRe[m];
        double s = fermionic[m] && ((ados.fermionLevel[i] - 1) & 1) == 1 ? -f : f;
        coefficient[2] = -s * bIm[m];
        coefficient[3] = s * bRe[m];
    }

    /** Each bath's share of d rho_0/dt (flat [Re, Im] in the eigenbasis): first-tier couplings plus its terminator. */
    double[][] bathImages(double[] y) {
        int k = system.reservoirs().size();
        double[][] images = new double[k][block];
        for (int b = 0; b < k; b++) {
            addCouplings(y, 0, images[b], 0, b, true, false);
            addTerminators(y, 0, images[b], 0, b);
        }
        return images;
    }

    @Override
    public List<String> observableNames() {
        return names;
    }

    /** The observables of the state y with errors from rounding only; {@link Heom} adds the truncation estimates. */
    @Override
    public ObservableSet observe(double t, double[] y) {
        return observables.of(y, bathImages(y), 0);
    }

    @Override
    public OptionalDouble slowestRelaxationTime() {
        return OptionalDouble.empty();
    }

    /** The physical density matrix of y in the bare basis. */
    public ComplexMatrix densityMatrix(double[] y) {
        ComplexMatrix rho = ComplexMatrix.of(d, d, java.util.Arrays.copyOfRange(y, 0, dd),
                java.util.Arrays.copyOfRange(y, dd, block));
        return baths.basis.times(rho).times(baths.basis.conjugateTranspose());
    }
}
