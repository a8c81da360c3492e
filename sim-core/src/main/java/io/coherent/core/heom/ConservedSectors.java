package io.coherent.core.heom;

import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.linalg.HermitianEigen;
import io.coherent.core.open.Channel;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.NamedOperator;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Reservoir;
import io.coherent.core.open.Subsystem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The conserved sectors of an open system: the finest orthogonal decomposition of its Hilbert space into subspaces
 * that H_S and every coupling operator (and its adjoint) leave invariant, i.e. the block structure of the commutant
 * {X : [X, H_S] = [X, A_k] = [X, A_k^+] = 0} (docs/heom.md, "Conserved sectors").
 *
 * <p>Why it matters: the hierarchical equations of motion only multiply by H_S and the coupling operators from the left
 * and from the right, so with projectors P_j onto invariant subspaces every block P_i rho_n P_j of every auxiliary
 * density operator evolves on its own. A diagonal block is the hierarchy of the restricted system (H_S and the
 * couplings restricted to range P_j); its trace Tr[P_j rho] is conserved. Conserved input spins (the multiplexed
 * preset's sigma_z-coupled drivers) and dark states make such sectors.
 *
 * <p>How: in the eigenbasis of H_S an element of the commutant is block diagonal over the degenerate eigenspaces; the
 * remaining conditions [X, B] = 0 for the couplings B are linear in those blocks' entries, whose null space is found as
 * that of the Gram matrix M^+ M (Hermitian, small unless H_S is highly degenerate). The eigenspaces of a generic
 * Hermitian element of the commutant (a fixed pseudo-random combination of the null vectors) are minimal invariant
 * subspaces. The result is checked: a decomposition whose blocks are not invariant to rounding is discarded (one
 * sector), so that the caller falls back to the whole system. Systems with fermionic baths are not split (their
 * parity grading is a property of the whole space): one sector.
 *
 * @param isometries one d x d_j matrix per sector with orthonormal columns (bare basis) spanning it, ordered by the
 *                   lowest energy they contain
 */
public record ConservedSectors(List<ComplexMatrix> isometries) {

    /** Relative tolerance for equal energies of H_S, null vectors of the Gram matrix and equal commutant eigenvalues. */
    private static final double DEGENERATE = 1e-9;
    /** Relative leak out of a sector (||(1 - P) B P|| / ||B||) above which the decomposition is not trusted. */
    private static final double LEAK = 1e-7;
    /** Fixed seed of the generic commutant element, so that the decomposition (and its order) is reproducible. */
    private static final long SEED = 20261205L;

    public ConservedSectors {
        isometries = List.copyOf(isometries);
    }

    /** Number of sectors (1: the hierarchy does not split). */
    public int count() {
        return isometries.size();
    }

    /** Dimension of sector j. */
    public int dimension(int j) {
        return isometries.get(j).cols();
    }

    /** Tr[P_j rho P_j]. */
    public double weight(int j, ComplexMatrix rho) {
        ComplexMatrix v = isometries.get(j);
        return v.conjugateTranspose().times(rho).times(v).traceRe();
    }

    /** max over i != j and elements of |(V_i^+ rho V_j)_ab|: the coherence of rho between different sectors. */
    public double coherenceBetweenSectors(ComplexMatrix rho) {
        double m = 0;
        for (int i = 0; i < count(); i++) {
            for (int j = i + 1; j < count(); j++) {
                m = Math.max(m, isometries.get(i).conjugateTranspose().times(rho).times(isometries.get(j)).maxAbs());
            }
        }
        return m;
    }

    /** V_j^+ O V_j. */
    public ComplexMatrix restrict(int j, ComplexMatrix operator) {
        ComplexMatrix v = isometries.get(j);
        return v.conjugateTranspose().times(operator).times(v);
    }

    /** V_j X V_j^+: a sector's operator embedded in the whole space. */
    public ComplexMatrix embed(int j, ComplexMatrix sectorOperator) {
        ComplexMatrix v = isometries.get(j);
        return v.times(sectorOperator).times(v.conjugateTranspose());
    }

    /**
     * The system restricted to sector j (dimension at least 2): one subsystem "sector", H_S, couplings and particle
     * number restricted, the initial state's block normalised (or the maximally mixed state when the initial state
     * has no weight there), the given observables, no density-matrix elements.
     */
    public OpenSystem restrict(OpenSystem system, int j, List<NamedOperator> observables) {
        int dj = dimension(j);
        List<Reservoir> reservoirs = new ArrayList<>();
        for (Reservoir r : system.reservoirs()) {
            List<Channel> channels = new ArrayList<>();
            for (Channel c : r.channels()) {
                channels.add(new Channel(c.kind(), hermitianIfHermitian(c.kind(), restrict(j, c.operator())),
                        c.spectralDensity()));
            }
            reservoirs.add(new Reservoir(r.name(), r.occupation(), channels));
        }
        double w = weight(j, system.initialState());
        ComplexMatrix rho = w > 0 ? symmetrised(restrict(j, system.initialState())).scale(1 / w)
                : ComplexMatrix.identity(dj).scale(1.0 / dj);
        rho = rho.scale(1 / rho.traceRe());
        return new OpenSystem(HilbertSpace.of(new Subsystem("sector", Subsystem.Kind.SPIN, dj)),
                symmetrised(restrict(j, system.hamiltonian())), reservoirs, rho, observables, List.of(),
                system.particleNumber() == null ? null : restrict(j, system.particleNumber()));
    }

    private static ComplexMatrix hermitianIfHermitian(Channel.Kind kind, ComplexMatrix m) {
        return kind == Channel.Kind.HERMITIAN ? symmetrised(m) : m;
    }

    /** (M + M^+)/2: removes the rounding of V^+ M V from a Hermitian M. */
    static ComplexMatrix symmetrised(ComplexMatrix m) {
        return m.plus(m.conjugateTranspose()).scale(0.5);
    }

    /** The conserved sectors of the system (one sector when nothing is conserved, or when it has a fermionic bath). */
    public static ConservedSectors of(OpenSystem system) {
        int d = system.dimension();
        ComplexMatrix whole = ComplexMatrix.identity(d);
        for (Reservoir r : system.reservoirs()) {
            if (r.occupation().statistics() == ThermalOccupation.Statistics.FERMI) {
                return new ConservedSectors(List.of(whole));
            }
        }
        HermitianEigen eig = HermitianEigen.of(system.hamiltonian());
        double[] e = eig.values();
        ComplexMatrix u = eig.vectors();
        ComplexMatrix uh = u.conjugateTranspose();
        double scale = Math.max(Math.abs(e[0]), Math.abs(e[d - 1]));
        int[] cluster = new int[d];
        for (int a = 1; a < d; a++) {
            cluster[a] = e[a] - e[a - 1] <= DEGENERATE * Math.max(1, scale) ? cluster[a - 1] : cluster[a - 1] + 1;
        }
        List<ComplexMatrix> generators = new ArrayList<>();
        for (Reservoir r : system.reservoirs()) {
            for (Channel c : r.channels()) {
                ComplexMatrix b = uh.times(c.operator()).times(u);
                generators.add(b);
                if (c.kind() == Channel.Kind.EXCHANGE) {
                    generators.add(b.conjugateTranspose());
                }
            }
        }
        // unknowns: entries (a, b) of X in the eigenbasis with equal energies
        List<int[]> unknowns = new ArrayList<>();
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                if (cluster[a] == cluster[b]) {
                    unknowns.add(new int[] {a, b});
                }
            }
        }
        ComplexMatrix x = genericCommutantElement(d, unknowns, generators);
        HermitianEigen xe = HermitianEigen.of(x);
        double[] xv = xe.values();
        double spread = Math.max(Math.abs(xv[0]), Math.abs(xv[d - 1]));
        List<int[]> groups = new ArrayList<>();
        int start = 0;
        for (int a = 1; a <= d; a++) {
            if (a == d || xv[a] - xv[a - 1] > 1e-6 * spread) {
                groups.add(new int[] {start, a});
                start = a;
            }
        }
        if (groups.size() == 1) {
            return new ConservedSectors(List.of(whole));
        }
        ComplexMatrix w = u.times(xe.vectors());
        List<ComplexMatrix> sectors = new ArrayList<>();
        for (int[] g : groups) {
            sectors.add(columns(w, g[0], g[1]));
        }
        if (!invariant(sectors, system)) {
            return new ConservedSectors(List.of(whole));
        }
        ComplexMatrix h = system.hamiltonian();
        sectors.sort(Comparator.comparingDouble(v -> HermitianEigen.of(v.conjugateTranspose().times(h).times(v)).values()[0]));
        return new ConservedSectors(sectors);
    }

    /**
     * A Hermitian X = sum_l (c_l N_l + conj(c_l) N_l^+) with pseudo-random c_l over a basis N_l of the commutant, in the
     * eigenbasis of H_S. The Gram matrix of the linear map X -> ([B, X])_B on the unknowns E_ab is, per generator B,
     * G_(ab),(a'b') = delta_bb' (B^+B)_aa' + delta_aa' (B B^+)_b'b - conj(B_a'a) B_b'b - conj(B_bb') B_aa'.
     */
    private static ComplexMatrix genericCommutantElement(int d, List<int[]> unknowns, List<ComplexMatrix> generators) {
        int n = unknowns.size();
        double[] gr = new double[n * n];
        double[] gi = new double[n * n];
        double norm = 0;
        for (ComplexMatrix b : generators) {
            ComplexMatrix bh = b.conjugateTranspose();
            ComplexMatrix bhb = bh.times(b);
            ComplexMatrix bbh = b.times(bh);
            norm += bhb.traceRe();
            for (int p = 0; p < n; p++) {
                int a = unknowns.get(p)[0];
                int bb = unknowns.get(p)[1];
                for (int q = 0; q < n; q++) {
                    int a2 = unknowns.get(q)[0];
                    int b2 = unknowns.get(q)[1];
                    double re = 0;
                    double im = 0;
                    if (bb == b2) {
                        re += bhb.re(a, a2);
                        im += bhb.im(a, a2);
                    }
                    if (a == a2) {
                        re += bbh.re(b2, bb);
                        im += bbh.im(b2, bb);
                    }
                    // - conj(B_a2,a) B_b2,bb
                    re -= b.re(a2, a) * b.re(b2, bb) + b.im(a2, a) * b.im(b2, bb);
                    im -= b.re(a2, a) * b.im(b2, bb) - b.im(a2, a) * b.re(b2, bb);
                    // - conj(B_bb,b2) B_a,a2
                    re -= b.re(bb, b2) * b.re(a, a2) + b.im(bb, b2) * b.im(a, a2);
                    im -= b.re(bb, b2) * b.im(a, a2) - b.im(bb, b2) * b.re(a, a2);
                    gr[p * n + q] += re;
                    gi[p * n + q] += im;
                }
            }
        }
        HermitianEigen g = HermitianEigen.of(ComplexMatrix.of(n, n, gr, gi));
        Random random = new Random(SEED);
        double[] xr = new double[d * d];
        double[] xi = new double[d * d];
        double threshold = DEGENERATE * Math.max(norm, Double.MIN_NORMAL);
        for (int l = 0; l < n && g.values()[l] <= threshold; l++) {
            double cr = random.nextGaussian();
            double ci = random.nextGaussian();
            for (int p = 0; p < n; p++) {
                int a = unknowns.get(p)[0];
                int b = unknowns.get(p)[1];
                double vr = g.vectors().re(p, l);
                double vi = g.vectors().im(p, l);
                // c N at (a, b) and conj(c) N^+ at (b, a) = conj(c N_ab)
                double zr = cr * vr - ci * vi;
                double zi = cr * vi + ci * vr;
                xr[a * d + b] += zr;
                xi[a * d + b] += zi;
                xr[b * d + a] += zr;
                xi[b * d + a] -= zi;
            }
        }
        return ComplexMatrix.of(d, d, xr, xi);
    }

    private static ComplexMatrix columns(ComplexMatrix m, int from, int to) {
        int r = m.rows();
        int c = to - from;
        double[] re = new double[r * c];
        double[] im = new double[r * c];
        for (int i = 0; i < r; i++) {
            for (int k = 0; k < c; k++) {
                re[i * c + k] = m.re(i, from + k);
                im[i * c + k] = m.im(i, from + k);
            }
        }
        return ComplexMatrix.of(r, c, re, im);
    }

    /** Whether H_S and every coupling map each sector into itself, to {@link #LEAK} relative to their size. */
    private static boolean invariant(List<ComplexMatrix> sectors, OpenSystem system) {
        List<ComplexMatrix> ops = new ArrayList<>();
        ops.add(system.hamiltonian());
        for (Reservoir r : system.reservoirs()) {
            for (Channel c : r.channels()) {
                ops.add(c.operator());
                ops.add(c.operator().conjugateTranspose());
            }
        }
        int d = system.dimension();
        for (ComplexMatrix v : sectors) {
            ComplexMatrix outside = ComplexMatrix.identity(d).minus(v.times(v.conjugateTranspose()));
            for (ComplexMatrix o : ops) {
                if (outside.times(o).times(v).maxAbs() > LEAK * Math.max(o.maxAbs(), Double.MIN_NORMAL)) {
                    return false;
                }
            }
        }
        return true;
    }
}
