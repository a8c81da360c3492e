package io.coherent.core.heom;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.linalg.HermitianEigen;
import io.coherent.core.master.MasterObservables;
import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.open.NamedOperator;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Reservoir;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The steady state of a hierarchy that splits into conserved sectors ({@link ConservedSectors}): the projection of
 * the initial state onto them, the state propagation reaches (docs/heom.md, "Conserved sectors").
 *
 * <p>Each diagonal block P_j rho_n P_j of the hierarchy is the hierarchy of the system restricted to sector j, whose
 * trace w_j = Tr[P_j rho(0)] is conserved; its steady state is solved with the usual automatic convergence and must be
 * unique (else refused as for any hierarchy). The steady state is rho = sum_j w_j V_j rho_j V_j^+ with every auxiliary
 * density operator combined the same way. Blocks between sectors (P_i rho_n P_j, i != j) start at zero when the initial
 * state has no coherence between sectors and then stay zero exactly; an initial state with such coherences is refused,
 * because whether they decay (dephasing between the sectors) or survive (for instance under a super-Ohmic bath, whose
 * zero-frequency noise vanishes) is a question for a trajectory. One-dimensional sectors (dark states) are stationary
 * as they are and need no hierarchy.
 *
 * <p>Observables: the linear ones (each named operator, the energy and particle currents, which are traces over the
 * block-diagonal first tier) are sums w_j o_j with errors sum w_j err_j; the others (populations in the eigenbasis of
 * H_S, l1 coherences, concurrence, smallest eigenvalue, density-matrix elements) are taken from the combined rho,
 * whose elements are converged like observables in every sector (they are added to the sectors' observables) and
 * bounded by sum_j w_j ||delta rho_j||_F.
 */
final class SectorSteadyState {
    /** Weight below which a sector is empty (not solved; its steady state need not even be unique). */
    static final double EMPTY = 1e-14;
    /** Largest coherence between sectors in the initial state taken as rounding. */
    static final double COHERENCE = 1e-10;
    private static final String ELEMENT = "rho_sector";

    private SectorSteadyState() {
    }

    /**
     * @param solver the automatic convergence of one hierarchy without a split (each restricted system)
     */
    static HeomSteadyState solve(OpenSystem system, ConservedSectors sectors, Function<OpenSystem, HeomSteadyState> solver) {
        int n = sectors.count();
        double coherence = sectors.coherenceBetweenSectors(system.initialState());
        if (coherence > COHERENCE) {
            throw new InvalidModelException("steady_state", String.format(Locale.ROOT, "the hierarchy splits into %d"
                    + " conserved sectors (invariant subspaces of H_S and the couplings) and the initial state has coherences"
                    + " between them (up to %.2g): whether they decay depends on the dephasing between the sectors; use"
                    + " coherent run to propagate it", n, coherence));
        }
        int d = system.dimension();
        List<NamedOperator> named = system.observables();
        List<Reservoir> reservoirs = system.reservoirs();
        ComplexMatrix rho = ComplexMatrix.zeros(d, d);
        double stateError = 0;
        Map<String, double[]> linear = new LinkedHashMap<>(); // name -> {value, error}
        Set<String> currents = new HashSet<>();
        for (Reservoir r : reservoirs) {
            currents.add("energy_current." + r.name());
            if (system.particleNumber() != null) {
                currents.add("particle_current." + r.name());
            }
        }
        currents.forEach(c -> linear.put(c, new double[2]));
        named.forEach(o -> linear.put(o.name(), new double[2]));
        List<HeomSteadyState> solved = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> weights = new ArrayList<>();
        boolean converged = true;
        double residual = 0;
        int iterations = 0;
        for (int j = 0; j < n; j++) {
            double w = sectors.weight(j, system.initialState());
            int dj = sectors.dimension(j);
            weights.add(String.format(Locale.ROOT, "%.6g (dimension %d)", w, dj));
            if (w <= EMPTY) {
                continue;
            }
            if (dj == 1) {
                // a dark state: stationary, no auxiliary density operator is fed into the currents
                ComplexMatrix one = ComplexMatrix.identity(1);
                rho = rho.plus(sectors.embed(j, one).scale(w));
                for (NamedOperator o : named) {
                    linear.get(o.name())[0] += w * sectors.restrict(j, o.operator()).re(0, 0);
                }
                continue;
            }
            List<NamedOperator> observables = new ArrayList<>();
            for (NamedOperator o : named) {
                observables.add(new NamedOperator(o.name(), ConservedSectors.symmetrised(sectors.restrict(j, o.operator()))));
            }
            observables.addAll(elements(dj));
            HeomSteadyState s;
            try {
                s = solver.apply(sectors.restrict(system, j, observables));
            } catch (InvalidModelException e) {
                if ("steady_state".equals(e.field())) {
                    throw new InvalidModelException("steady_state", "the hierarchy splits into " + n + " conserved sectors"
                            + " and the steady state within sector " + (j + 1) + " (dimension " + dj + ") is not unique (a"
                            + " dark state, a decoherence-free subspace or a conserved quantity): use coherent run to"
                            + " propagate it");
                }
                throw e;
            }
            solved.add(s);
            ObservableSet o = s.observables();
            double[] re = new double[dj * dj];
            double[] im = new double[dj * dj];
            double frobenius = 0;
            for (int a = 0; a < dj; a++) {
                for (int b = a; b < dj; b++) {
                    Estimate x = o.values().get(element("re", a, b));
                    re[a * dj + b] = x.value();
                    re[b * dj + a] = x.value();
                    frobenius += (a == b ? 1 : 2) * x.error() * x.error();
                    if (a != b) {
                        Estimate y = o.values().get(element("im", a, b));
                        im[a * dj + b] = y.value();
                        im[b * dj + a] = -y.value();
                        frobenius += 2 * y.error() * y.error();
                    }
                }
            }
            rho = rho.plus(sectors.embed(j, ComplexMatrix.of(dj, dj, re, im)).scale(w));
            stateError += w * Math.sqrt(frobenius);
            for (var e : linear.entrySet()) {
                Estimate x = o.values().get(e.getKey());
                e.getValue()[0] += w * x.value();
                e.getValue()[1] += w * x.error();
            }
            converged &= s.converged();
            residual = Math.max(residual, s.residual());
            iterations += s.iterations();
            for (String note : s.notes()) {
                notes.add("sector " + (j + 1) + ": " + note);
            }
        }
        notes.add(0, "the hierarchy splits into " + n + " conserved sectors (invariant subspaces of H_S and of every"
                + " coupling operator), whose weights Tr[P_j rho(0)] are conserved: the state returned is the projection of"
                + " the initial state onto them, each sector's steady state solved with its own hierarchy; weights "
                + String.join(", ", weights));
        HermitianEigen eig = HermitianEigen.of(system.hamiltonian());
        ComplexMatrix inBasis = eig.vectors().conjugateTranspose().times(rho).times(eig.vectors());
        int dd = d * d;
        double[] y = new double[2 * dd];
        System.arraycopy(inBasis.realParts(), 0, y, 0, dd);
        System.arraycopy(inBasis.imaginaryParts(), 0, y, dd, dd);
        ObservableSet state = MasterObservables.withoutDissipators(system, eig.values(), eig.vectors())
                .of(y, new double[reservoirs.size()][2 * dd], stateError);
        Map<String, Estimate> out = new LinkedHashMap<>();
        state.values().forEach((name, e) -> {
            double[] l = linear.get(name);
            out.put(name, l == null ? e : new Estimate(l[0], l[1] + 1e-14 * (1 + Math.abs(l[0]))));
        });
        return new HeomSteadyState(new ObservableSet(out), converged, report(solved, n), residual, iterations, notes);
    }

    /** Hermitian operators whose expectations are Re rho_ab (a &lt;= b) and Im rho_ab (a &lt; b) of a sector's state. */
    private static List<NamedOperator> elements(int dj) {
        List<NamedOperator> out = new ArrayList<>();
        for (int a = 0; a < dj; a++) {
            for (int b = a; b < dj; b++) {
                // Tr[rho |b><a|] = rho_ab: Re from (|b><a| + |a><b|)/2, Im from -i(|b><a| - |a><b|)/2
                double[] re = new double[dj * dj];
                double[] im = new double[dj * dj];
                re[b * dj + a] += 0.5;
                re[a * dj + b] += 0.5;
                out.add(new NamedOperator(element("re", a, b), ComplexMatrix.of(dj, dj, re, im)));
                if (a != b) {
                    double[] zr = new double[dj * dj];
                    double[] zi = new double[dj * dj];
                    zi[b * dj + a] = -0.5;
                    zi[a * dj + b] = 0.5;
                    out.add(new NamedOperator(element("im", a, b), ComplexMatrix.of(dj, dj, zr, zi)));
                }
            }
        }
        return out;
    }

    private static String element(String part, int a, int b) {
        return ELEMENT + "." + part + "(" + (a + 1) + "," + (b + 1) + ")";
    }

    /**
     * The hierarchy object of the combination: the deepest depth and most exponents any sector used (the sector with
     * most auxiliary density operators gives the per-bath details), the total count of auxiliary density operators,
     * the largest memory (sectors are solved one after the other), every sector's levels in order.
     */
    private static HierarchyReport report(List<HeomSteadyState> solved, int n) {
        if (solved.isEmpty()) {
            return new HierarchyReport(0, 0, Map.of(), 0, 0, 0, Map.of(), Map.of(), false, false, true,
                    HeomOptions.DEFAULT_TOLERANCE, 0, List.of(), "every occupied sector of the " + n
                    + " is one-dimensional (a dark state): stationary without a hierarchy", n);
        }
        HierarchyReport largest = solved.get(0).hierarchy();
        int depth = 0;
        int exponents = 0;
        long ados = 0;
        long bytes = 0;
        boolean terminator = false;
        boolean automatic = false;
        boolean converged = true;
        double lastChange = 0;
        List<HierarchyLevel> levels = new ArrayList<>();
        List<String> stops = new ArrayList<>();
        for (int k = 0; k < solved.size(); k++) {
            HierarchyReport h = solved.get(k).hierarchy();
            if (h.ados() > largest.ados()) {
                largest = h;
            }
            depth = Math.max(depth, h.depth());
            exponents = Math.max(exponents, h.exponents());
            ados += h.ados();
            bytes = Math.max(bytes, h.bytes());
            terminator |= h.terminator();
            automatic |= h.automatic();
            converged &= h.converged();
            lastChange = Math.max(lastChange, h.lastChange());
            levels.addAll(h.levels());
            if (!h.note().isEmpty() && !stops.contains(h.note())) {
                stops.add(h.note());
            }
        }
        return new HierarchyReport(depth, exponents, largest.termsPerBath(), ados, bytes, largest.bytesPerAdo(),
                largest.expansion(), largest.expansionError(), terminator, automatic, converged, largest.tolerance(),
                lastChange, levels, String.join("; ", stops), n);
    }
}
