package io.coherent.core.heom;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.open.OpenSystem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Entry point of the hierarchical equations of motion (docs/heom.md): a generator at a fixed hierarchy, and the
 * steady state with automatic convergence.
 *
 * <p>Convergence (separable, like a sparse-grid combination): the depth starts at {@link #START_DEPTH} and rises by one,
 * with {@link #START_EXPONENTS} poles per bath, until every observable changes by less than heom_tolerance (cheap: few
 * exponents); then, at depth min(that depth, {@link #EXPONENT_DEPTH}), the poles rise by one until the same holds
 * (cheap: shallow); the final hierarchy has both, and each observable's error estimate is the sum of its last change in
 * depth and its last change in exponents (the two truncations are assumed additive; the tests check the estimate
 * against deeper hierarchies). Every solve is warm-started from the previous level. A direction fixed by the user is
 * estimated once by one step down (depth - 1, exponents - 1), so a fixed hierarchy also reports how converged it is.
 * When a level would not fit in heom_max_memory the loop stops with converged = false and the last change as the
 * estimate. Slowly converging expansions (Drude-Lorentz, whose C(t) is log-singular at t = 0, converges algebraically
 * in the Pade poles) can make "the last change" smaller than the remaining error; the report lists every level.
 * A fitted bath (the Ohmic family) climbs a ladder of counts whose expansion errors fall by {@link #RUNG_IMPROVEMENT}
 * per rung, and its estimate is the largest sensitivity |change|/(e_old - e_new) seen times the remaining error
 * (Convergence.remaining): a fit's effect on an observable does not fall steadily with the count.
 */
public final class Heom {
    static final int START_DEPTH = 2;
    static final int START_EXPONENTS = 1;
    /** Rounds of refinement before giving up. */
    static final int MAX_ROUNDS = 40;
    /** Depth at which the number of exponents is converged. */
    static final int EXPONENT_DEPTH = 3;

    private Heom() {
    }

    /** A hierarchy at fixed depth and poles per bath; refused (heom_max_memory) if it would not fit. */
    public static HeomGenerator generator(OpenSystem system, int depth, int exponents, HeomOptions options,
                                          CorrelationSource source) {
        BathExponents baths = new BathExponents(system, exponents, options.expansion(), options.terminator(), source);
        Size size = size(system, baths, depth, options, TRAJECTORY_VECTORS);
        if (size.bytes() > options.maxMemory()) {
            throw tooLarge(size, depth, exponents, options);
        }
        return new HeomGenerator(system, baths, depth);
    }

    /** Depth and exponents of a trajectory when the steady state cannot choose them (it is not unique). */
    static final int FALLBACK_DEPTH = 4;
    static final int FALLBACK_EXPONENTS = 2;

    /**
     * The generator of a trajectory: the hierarchy at a fixed depth D and exponents, propagated beside depth D - 1 for
     * the error estimates ({@link EmbeddedHierarchy}). With automatic settings D and the exponents are those the
     * steady-state convergence pass settles on (the transient needs at least what the steady state needs; the
     * embedded estimate shows whether it needs more); the notes say which.
     */
    public static EmbeddedHierarchy trajectory(OpenSystem system, HeomOptions options, CorrelationSource source) {
        List<String> notes = new ArrayList<>();
        int depth;
        int exponents;
        HierarchyReport pass = null;
        if (options.depth() != null && options.exponents() != null) {
            depth = options.depth();
            exponents = options.exponents();
            notes.add("hierarchy fixed by heom_depth = " + depth + " and heom_exponents = " + exponents);
        } else {
            try {
                pass = steadyState(system, options, source).hierarchy();
                depth = pass.depth();
                exponents = pass.exponents();
                notes.add(String.format(Locale.ROOT, "depth %d and %d exponents per bath chosen by a steady-state convergence"
                        + " pass (heom_tolerance %.2g, %s)", depth, exponents, options.tolerance(),
                        pass.converged() ? "converged" : "not converged: " + pass.note()));
            } catch (InvalidModelException e) {
                if (!"steady_state".equals(e.field())) {
                    throw e;
                }
                depth = options.depth() != null ? options.depth() : FALLBACK_DEPTH;
                exponents = options.exponents() != null ? options.exponents() : FALLBACK_EXPONENTS;
                notes.add("the steady state is not unique, so no steady-state pass could choose the hierarchy: depth " + depth
                        + " and " + exponents + " exponents per bath (set heom_depth and heom_exponents to choose)");
            }
        }
        notes.add("error estimates along the trajectory: the change from depth " + depth + " to depth " + (depth - 1)
                + " (propagated alongside); the exponents' truncation is not in them");
        BathExponents baths = new BathExponents(system, exponents, options.expansion(), options.terminator(), source);
        Size main = size(system, baths, depth, options, TRAJECTORY_VECTORS);
        Size lower = size(system, baths, depth - 1, options, TRAJECTORY_VECTORS);
        Size both = new Size(main.ados() + lower.ados(), main.bytes() + lower.bytes(), main.bytesPerAdo(), false);
        if (both.bytes() > options.maxMemory()) {
            throw tooLarge(both, depth, exponents, options);
        }
        HeomGenerator g = new HeomGenerator(system, baths, depth);
        HeomGenerator companion = new HeomGenerator(system, baths, depth - 1);
        BathExponents.Expansions e = baths.expansions();
        HierarchyReport report = new HierarchyReport(depth, exponents, e.terms(), main.ados(), both.bytes(),
                main.bytesPerAdo(), e.schemes(), e.errors(), e.terminated(), pass != null && pass.automatic(), pass != null && pass.converged(),
                options.tolerance(), pass == null ? Double.NaN : pass.lastChange(),
                pass == null ? List.of() : pass.levels(), pass == null ? "" : pass.note());
        return new EmbeddedHierarchy(g, companion, report, notes);
    }

    /** Builds the bath expansions and checks the first hierarchy's size, so that a bad scenario fails at load time. */
    public static void check(OpenSystem system, HeomOptions options, CorrelationSource source) {
        int depth = options.depth() == null ? START_DEPTH : options.depth();
        int exponents = options.exponents() == null ? START_EXPONENTS : options.exponents();
        BathExponents baths = new BathExponents(system, exponents, options.expansion(), options.terminator(), source);
        Size size = size(system, baths, depth, options, 0);
        if (size.bytes() > options.maxMemory()) {
            throw tooLarge(size, depth, exponents, options);
        }
    }

    /** The observables a HEOM result reports, in order (those of a depth-1 hierarchy of the same system). */
    public static List<String> observableNames(OpenSystem system, HeomOptions options, CorrelationSource source) {
        int exponents = options.exponents() == null ? START_EXPONENTS : options.exponents();
        BathExponents baths = new BathExponents(system, exponents, options.expansion(), options.terminator(), source);
        return new HeomGenerator(system, baths, 1).observableNames();
    }

    /**
     * Vectors of the hierarchy's size an integrator keeps: the Krylov propagator (the default for the hierarchy) its
     * 46 basis vectors and about 5 state and work vectors; Dormand-Prince 8(5,3) needs fewer (12 stages and the state).
     */
    static final int TRAJECTORY_VECTORS = 51;

    /** Count, memory and preconditioner form of one hierarchy. */
    record Size(long ados, long bytes, long bytesPerAdo, boolean fullPreconditioner) {
    }

    static Size size(OpenSystem system, BathExponents baths, int depth, HeomOptions options, int trajectoryVectors) {
        int fermionic = (int) baths.exponents.stream().filter(BathExponents.Exponent::fermionic).count();
        int bosonic = baths.exponents.size() - fermionic;
        long count = AuxiliaryDensityOperators.count(bosonic, fermionic, depth);
        int d = system.dimension();
        long perAdo;
        boolean full = false;
        if (trajectoryVectors > 0) {
            perAdo = trajectoryVectors * 16L * d * d;
        } else {
            full = count < Integer.MAX_VALUE
                    && HierarchyPreconditioner.fits((int) count, baths.exponents.size(), d, options.maxMemory() / 2);
            perAdo = HierarchySteadyState.bytesPerAdo(d, full, HeomGenerator.preservesHermiticity(baths));
        }
        // index tables: up/down neighbours and factors per exponent (24 M); the multi-index, its hash-map entry, tier
        // and damping (4 M + about 136 bytes on a 64-bit JVM with compressed references)
        perAdo += 28L * baths.exponents.size() + 136;
        // beyond what int indices can address, a hierarchy counts as too large whatever heom_max_memory allows
        double bytes = count > AuxiliaryDensityOperators.MAX_COUNT ? Long.MAX_VALUE : (double) count * perAdo;
        return new Size(count, bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes, perAdo, full);
    }

    private static InvalidModelException tooLarge(Size size, int depth, int exponents, HeomOptions options) {
        return new InvalidModelException("heom_max_memory", String.format(Locale.ROOT, "the hierarchy at depth %d with %d"
                        + " exponents per bath has %d auxiliary density operators and would need %s (%s each); the limit is"
                        + " %s: lower heom_depth or heom_exponents, or raise heom_max_memory", depth, exponents,
                size.ados(), bytes(size.bytes()), bytes(size.bytesPerAdo()), bytes(options.maxMemory())));
    }

    static String bytes(long b) {
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GiB", b / (double) (1L << 30));
        }
        if (b >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
    }

    /**
     * The steady state of one hierarchy (fixed depth and exponents) without any convergence check: the work QuTiP's
     * HEOMSolver.steady_state does, for benchmarks and comparisons at equal truncation. The observables' errors are
     * rounding floors only; it is never marked converged, and the note says so.
     */
    public static HeomSteadyState singleLevel(OpenSystem system, int depth, int exponents, HeomOptions options,
                                              CorrelationSource source) {
        Convergence c = new Convergence(system, options, source);
        Level l = c.first(depth, exponents);
        String note = "a single hierarchy (depth " + depth + ", " + exponents + " exponents per bath): truncation error not"
                + " estimated";
        BathExponents baths = l.generator().baths();
        HierarchyReport report = new HierarchyReport(depth, exponents, baths.expansions().terms(), l.size().ados(), l.size().bytes(),
                l.size().bytesPerAdo(), Map.of(), Map.of(), !baths.terminators.isEmpty(), false, false,
                options.tolerance(), Double.NaN, c.levels, note);
        return new HeomSteadyState(l.observables(), false, report, l.solution().residual(), l.solution().iterations(),
                List.of(note));
    }

    /** One solved level. */
    private record Level(int depth, int exponents, HeomGenerator generator, HierarchySteadyState.Solution solution,
                         ObservableSet observables, Size size) {
    }

    /**
     * The steady state, converged in depth and exponents as described in the class comment.
     *
     * A hierarchy that splits into conserved sectors ({@link ConservedSectors}) is solved sector by sector and returns
     * the projection of the initial state ({@link SectorSteadyState}).
     *
     * @throws InvalidModelException naming steady_state if the steady state is not unique, heom_max_memory if not even
     *                               the first hierarchy fits
     */
    public static HeomSteadyState steadyState(OpenSystem system, HeomOptions options, CorrelationSource source) {
        ConservedSectors sectors = ConservedSectors.of(system);
        if (sectors.count() > 1) {
            return SectorSteadyState.solve(system, sectors, s -> new Convergence(s, options, source).run());
        }
        return new Convergence(system, options, source).run();
    }

    /** The convergence loop's state. */
    private static final class Convergence {
        private final OpenSystem system;
        private final HeomOptions options;
        private final CorrelationSource source;
        private final Map<Integer, BathExponents> expansions = new HashMap<>();
        private final List<HierarchyLevel> levels = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        /** Exponent counts whose level GMRES did not solve. */
        private final List<Integer> skipped = new ArrayList<>();

        Convergence(OpenSystem system, HeomOptions options, CorrelationSource source) {
            this.system = system;
            this.options = options;
            this.source = source;
        }

        private BathExponents baths(int exponents) {
            return expansions.computeIfAbsent(exponents,
                    e -> new BathExponents(system, e, options.expansion(), options.terminator(), source));
        }

        /**
         * The next exponent count worth a level: the smallest above k (within {@link #RUNG_SEARCH}) whose expansion
         * error is below {@link #RUNG_IMPROVEMENT} of k's, so that successive levels compare expansions that really
         * improve (a fit with one more term may be no better, or the same); -1 if there is none.
         */
        private int nextRung(int k) {
            if (!fitted(baths(k))) {
                return k + 1; // Pade and Matsubara improve with every pole
            }
            double e = expansionError(baths(k));
            for (int next = k + 1; next <= k + RUNG_SEARCH; next++) {
                if (skipped.contains(next)) {
                    continue;
                }
                double en = expansionError(baths(next));
                if (en < RUNG_IMPROVEMENT * e || !Double.isFinite(e) && baths(next).exponents.size() > baths(k).exponents.size()) {
                    return next;
                }
            }
            return -1;
        }

        /**
         * The error left at the last of a ladder of levels whose expansion errors e decrease. If an observable's error
         * is first order in C - C_N, it is sigma e with the sensitivity sigma = |change| / (e_old - e_new) of a step;
         * a step can change an observable little by accident (the new terms err in another direction; measured on
         * composite-qubit, v1: sigma = 0.28, 0.19, 0.002, 0.012, 0.16 from 5 to 6, 7, 8, 10 and 11 Brownian terms), so
         * sigma is the largest of every step's, and the estimate is never below the last change. With a single step
         * there is no second opinion: the estimate is then infinite (at least two steps before convergence; measured:
         * composite-qubit at lambda = 0.001 changed v1 little from 2 to 3 Brownian terms, 1e-4 from 3 to 10).
         */
        private Map<String, Double> remaining(List<Level> ladder) {
            int n = ladder.size();
            Level last = ladder.get(n - 1);
            Map<String, Double> out = changes(ladder.get(n - 2).observables(), last.observables());
            if (!fitted(baths(last.exponents()))) {
                return out; // pole expansions converge steadily: the last change (class comment)
            }
            if (n < 3) {
                out.replaceAll((name, v) -> Double.POSITIVE_INFINITY);
                return out;
            }
            double en = expansionError(baths(last.exponents()));
            for (int i = 1; i < n; i++) {
                double eo = expansionError(baths(ladder.get(i - 1).exponents()));
                double ei = expansionError(baths(ladder.get(i).exponents()));
                if (!(Double.isFinite(eo) && eo > ei)) {
                    continue;
                }
                double factor = en / (eo - ei);
                changes(ladder.get(i - 1).observables(), ladder.get(i).observables())
                        .forEach((name, v) -> out.merge(name, v * factor, Math::max));
            }
            return out;
        }

        /** Solves a level, or returns null when it would not fit in memory. */
        private Level solve(int depth, int exponents, Level previous) {
            BathExponents baths = baths(exponents);
            Size size = size(system, baths, depth, options, 0);
            if (size.bytes() > options.maxMemory()) {
                return null;
            }
            HeomGenerator g = new HeomGenerator(system, baths, depth);
            double[] start = previous == null ? null : embed(previous, g);
            HierarchySteadyState.Solution s = HierarchySteadyState.solve(g, start, options.maxMemory() / 2);
            if (s.singular()) {
                throw new InvalidModelException("steady_state", "the hierarchy's steady state is not unique (a dark state, a"
                        + " decoherence-free subspace or a conserved quantity): the state reached depends on the initial state;"
                        + " use coherent run to propagate it");
            }
            return new Level(depth, exponents, g, s, g.observe(0, s.state()), size);
        }

        /** The previous level's solution as a start: ADO by ADO when the exponents are the same, else rho_0 only. */
        private static double[] embed(Level previous, HeomGenerator g) {
            double[] x = new double[g.stateDimension()];
            HeomGenerator p = previous.generator();
            int block = 2 * g.dimension() * g.dimension();
            if (p.baths() == g.baths()) {
                for (int i = 0; i < p.adoCount(); i++) {
                    int j = g.ados().find(p.ados().index(i));
                    if (j >= 0) {
                        System.arraycopy(previous.solution().state(), i * block, x, j * block, block);
                    }
                }
            } else {
                System.arraycopy(previous.solution().state(), 0, x, 0, block);
            }
            return x;
        }

        private Level first(int depth, int exponents) {
            Level l = solve(depth, exponents, null);
            if (l == null) {
                throw tooLarge(size(system, baths(exponents), depth, options, 0), depth, exponents, options);
            }
            record(l, Double.NaN, null);
            return l;
        }

        private void record(Level l, double change, String largest) {
            levels.add(new HierarchyLevel(l.depth(), l.exponents(), l.size().ados(), change, largest, l.solution().iterations()));
        }

        HeomSteadyState run() {
            boolean autoDepth = options.depth() == null;
            boolean autoExponents = options.exponents() == null;
            int depth = autoDepth ? START_DEPTH : options.depth();
            int exponents = autoExponents ? START_EXPONENTS : options.exponents();
            Level current = first(depth, exponents);
            Map<String, Double> depthChange;
            Map<String, Double> exponentChange;
            String note = "";
            // 1. depth, at the starting exponents (small hierarchies)
            if (autoDepth) {
                depthChange = Map.of();
                for (int round = 0; depthChange.isEmpty() || max(depthChange) >= options.tolerance(); round++) {
                    if (round == MAX_ROUNDS) {
                        note = "stopped after " + MAX_ROUNDS + " depth refinements without reaching heom_tolerance";
                        break;
                    }
                    Level next = solve(current.depth() + 1, exponents, current);
                    if (next == null) {
                        note = stopNote(current.depth() + 1, exponents);
                        break;
                    }
                    depthChange = changes(current.observables(), next.observables());
                    record(next, max(depthChange), largest(depthChange));
                    current = next;
                }
            } else {
                depthChange = fixedDepthChange(current);
            }
            int finalDepth = current.depth();
            // 2. exponents, at a shallow depth (their effect is mostly second order in the coupling)
            int exponentDepth = Math.min(finalDepth, EXPONENT_DEPTH);
            Level base = current.depth() == exponentDepth ? null : solve(exponentDepth, exponents, null);
            if (base == null) {
                base = current;
                exponentDepth = current.depth();
            }
            if (autoExponents && note.isEmpty()) {
                exponentChange = Map.of();
                List<Level> ladder = new ArrayList<>(List.of(base));
                for (int round = 0; exponentChange.isEmpty() || max(exponentChange) >= options.tolerance(); round++) {
                    if (expansionError(baths(base.exponents())) == 0) {
                        exponentChange = zero(base.observables()); // an exact expansion: no poles to add
                        break;
                    }
                    if (round == MAX_ROUNDS) {
                        note = "stopped after " + MAX_ROUNDS + " refinements of the exponents without reaching heom_tolerance";
                        break;
                    }
                    int k = nextRung(base.exponents());
                    if (k < 0) {
                        note = String.format(Locale.ROOT, "the expansion of C(t) does not improve beyond %d exponents per bath"
                                + " (error %.2g); the error estimates are the last changes", base.exponents(),
                                expansionError(baths(base.exponents())));
                        break;
                    }
                    if (size(system, baths(k), finalDepth, options, 0).bytes() > options.maxMemory()) {
                        note = stopNote(finalDepth, k); // the final hierarchy would not fit with these exponents
                        break;
                    }
                    Level next = solve(exponentDepth, k, base);
                    if (next == null) {
                        note = stopNote(exponentDepth, k);
                        break;
                    }
                    if (!next.solution().converged()) {
                        // not a value: GMRES stopped short; the next rung is tried from the same base
                        record(next, Double.NaN, "GMRES did not converge: level not used");
                        skipped.add(k);
                        continue;
                    }
                    ladder.add(next);
                    Map<String, Double> change = changes(base.observables(), next.observables());
                    exponentChange = remaining(ladder);
                    record(next, max(change), largest(change));
                    base = next;
                }
            } else {
                exponentChange = fixedExponentChange(base);
            }
            int finalExponents = base.exponents();
            // 3. the final hierarchy
            if (finalExponents != current.exponents()) {
                // warm start from the exponent ladder's last level: the same exponents, so every ADO of its (shallower)
                // hierarchy carries over, not only rho_0 (fewer GMRES iterations on the largest hierarchy)
                Level last = solve(finalDepth, finalExponents, base);
                if (last == null) {
                    note = stopNote(finalDepth, finalExponents) + "; the values are those of depth " + finalDepth + " with "
                            + current.exponents() + " exponents per bath";
                } else {
                    record(last, Double.NaN, null);
                    current = last;
                }
            }
            if (autoDepth || autoExponents) {
                notes.add("the depth was converged with " + exponents + " exponent(s) per bath and the exponents at depth "
                        + exponentDepth + "; each error estimate adds the two last changes");
            }
            boolean converged = note.isEmpty() && max(depthChange) < options.tolerance()
                    && max(exponentChange) < options.tolerance();
            if (note.isEmpty() && !converged) {
                note = String.format(Locale.ROOT, "the hierarchy fixed by heom_depth/heom_exponents changes observables by up"
                        + " to %.2g against one step lower, more than heom_tolerance %.2g",
                        Math.max(max(depthChange), max(exponentChange)), options.tolerance());
            }
            HierarchySteadyState.Solution s = current.solution();
            if (!s.converged()) {
                converged = false;
                notes.add(String.format(Locale.ROOT, "GMRES did not reach its tolerance %.0e (residual %.2g)",
                        HierarchySteadyState.TOLERANCE, s.residual()));
            }
            if (!note.isEmpty()) {
                notes.add("not converged: " + note);
            }
            notes.add(0, String.format(Locale.ROOT, "hierarchy: depth %d, %d exponents per bath, %d auxiliary density operators"
                            + " (%s); GMRES(%d) with a block-ILU preconditioner%s, %d iterations, residual %.2g",
                    current.depth(), current.exponents(), current.size().ados(), bytes(current.size().bytes()),
                    HierarchySteadyState.RESTART, s.fullPreconditioner() ? "" : " (diagonal beyond tier 0)", s.iterations(),
                    s.residual()));
            ObservableSet observables = withErrors(current.observables(), depthChange, exponentChange);
            BathExponents baths = current.generator().baths();
            BathExponents.Expansions expansions = baths.expansions();
            for (BathExponents.BathSummary b : baths.summaries) {
                if (b.error() > 0 && Double.isFinite(b.error())) {
                    notes.add(String.format(Locale.ROOT, "bath %s: the %s expansion of C(t) is accurate to %.2g in max |C(t) -"
                            + " sum|; its effect on the observables is estimated by the change between two expansions whose errors"
                            + " decrease (docs/heom.md)",
                            b.name(), b.scheme(), b.error()));
                } else if (b.integratedError() > 0) {
                    notes.add(String.format(Locale.ROOT, "bath %s: the %s expansion of C(t) is accurate to %.2g in int |C(t) -"
                            + " sum| dt (C(t) is singular at t = 0; not in the error estimates, the convergence in exponents"
                            + " measures its effect)", b.name(), b.scheme(), b.integratedError()));
                }
            }
            double last = Math.max(max(depthChange), max(exponentChange));
            HierarchyReport report = new HierarchyReport(current.depth(), current.exponents(), expansions.terms(),
                    current.size().ados(), current.size().bytes(), current.size().bytesPerAdo(), expansions.schemes(),
                    expansions.errors(), expansions.terminated(),
                    autoDepth || autoExponents, converged, options.tolerance(), last, levels, note);
            return new HeomSteadyState(observables, converged, report, s.residual(), s.iterations(), notes);
        }

        /** The change of a fixed depth against one less (or "not estimated" at depth 1). */
        private Map<String, Double> fixedDepthChange(Level current) {
            if (current.depth() == 1) {
                notes.add("depth 1 fixed by heom_depth: there is no lower depth to compare with, so the truncation"
                        + " error in depth is not estimated");
                return Map.of(NOT_ESTIMATED, Double.POSITIVE_INFINITY);
            }
            Level lower = solve(current.depth() - 1, current.exponents(), null);
            notes.add("depth " + current.depth() + " fixed by heom_depth: its error is estimated by depth "
                    + (current.depth() - 1));
            return changes(lower.observables(), current.observables());
        }

        /** The change of fixed exponents against one less (zero when the expansion has no poles to drop). */
        private Map<String, Double> fixedExponentChange(Level current) {
            if (current.exponents() == 0) {
                return zero(current.observables());
            }
            int lowerCount;
            try {
                if (expansionError(baths(current.exponents())) == 0) {
                    return zero(current.observables()); // an exact expansion: nothing dropped
                }
                // the largest count below whose expansion is really coarser (a fit may keep the same terms)
                lowerCount = current.exponents() - 1;
                boolean fit = fitted(baths(current.exponents()));
                while (fit && lowerCount > 0 && !(expansionError(baths(lowerCount)) > expansionError(baths(current.exponents())))) {
                    lowerCount--;
                }
                if (fit && lowerCount == 0) {
                    throw new InvalidModelException("heom_exponents", "no coarser expansion");
                }
            } catch (InvalidModelException e) {
                notes.add(current.exponents() + " exponents per bath fixed by heom_exponents: no coarser expansion to compare"
                        + " with (" + e.getMessage() + "), so their truncation is not estimated");
                return Map.of(NOT_ESTIMATED, Double.POSITIVE_INFINITY);
            }
            Level lower = solve(current.depth(), lowerCount, null);
            notes.add(current.exponents() + " exponents per bath fixed by heom_exponents: their error is estimated by "
                    + lowerCount);
            // one step: its change, scaled by e_new/(e_old - e_new) when the errors fell by less than half
            Map<String, Double> change = changes(lower.observables(), current.observables());
            double eo = expansionError(baths(lowerCount));
            double en = expansionError(baths(current.exponents()));
            double factor = fitted(baths(current.exponents())) && Double.isFinite(eo) && eo > en ? Math.max(1, en / (eo - en)) : 1;
            change.replaceAll((name, v) -> v * factor);
            return change;
        }

        private static String stopNote(int depth, int exponents) {
            return "the next hierarchy (depth " + depth + ", " + exponents + " exponents per bath) would not fit in"
                    + " heom_max_memory; the error estimates are the last changes";
        }
    }

    private static final String NOT_ESTIMATED = "(truncation not estimated)";
    /** Exponent counts tried above the current one for an expansion that improves. */
    static final int RUNG_SEARCH = 4;
    /** The expansion error a new exponent count must reach, relative to the current one's. */
    static final double RUNG_IMPROVEMENT = 0.7;

    /** Whether a bath's correlation function is a fit (whose error does not fall steadily with the count). */
    static boolean fitted(BathExponents baths) {
        return baths.summaries.stream().anyMatch(b -> "fit".equals(b.scheme()));
    }

    /** The largest expansion error of the baths: max |C - sum|, or int |C - sum| dt where C is singular; 0 if exact. */
    static double expansionError(BathExponents baths) {
        double e = 0;
        for (BathExponents.BathSummary b : baths.summaries) {
            e = Math.max(e, Double.isFinite(b.error()) ? b.error() : b.integratedError());
        }
        return e;
    }

    private static Map<String, Double> zero(ObservableSet o) {
        Map<String, Double> out = new LinkedHashMap<>();
        o.values().keySet().forEach(name -> out.put(name, 0.0));
        return out;
    }

    /** |new - old| per observable. */
    static Map<String, Double> changes(ObservableSet older, ObservableSet newer) {
        Map<String, Double> out = new LinkedHashMap<>();
        newer.values().forEach((name, e) -> {
            Estimate o = older.values().get(name);
            out.put(name, o == null ? Double.POSITIVE_INFINITY : Math.abs(e.value() - o.value()));
        });
        return out;
    }

    private static double max(Map<String, Double> changes) {
        double m = 0;
        for (double v : changes.values()) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static String largest(Map<String, Double> changes) {
        String name = null;
        double m = -1;
        for (var e : changes.entrySet()) {
            if (e.getValue() > m) {
                m = e.getValue();
                name = e.getKey();
            }
        }
        return name;
    }

    /** Each observable's error: its rounding floor plus its last change in depth and in exponents. */
    static ObservableSet withErrors(ObservableSet o, Map<String, Double> depthChange, Map<String, Double> exponentChange) {
        double unknown = depthChange.getOrDefault(NOT_ESTIMATED, 0.0) + exponentChange.getOrDefault(NOT_ESTIMATED, 0.0);
        Map<String, Estimate> out = new LinkedHashMap<>();
        o.values().forEach((name, e) -> out.put(name, new Estimate(e.value(), e.error() + unknown
                + depthChange.getOrDefault(name, 0.0) + exponentChange.getOrDefault(name, 0.0))));
        return new ObservableSet(out);
    }
}
