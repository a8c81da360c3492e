package io.coherent.app.sweep;

import io.coherent.config.Expressions;
import io.coherent.config.Scenario;
import io.coherent.config.ScenarioException;
import io.coherent.core.dynamics.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A parameter sweep: a scenario (preset or file) with base overrides, a grid of points and what to
 * compute at each point. {@link #prepare} validates everything a sweep can know before it starts (the
 * base scenario and its method, the parameter names and the corners of the grid) and
 * throws a one-line {@link ScenarioException} otherwise. {@link #run} evaluates every point exactly
 * once on a bounded thread pool; a point that fails is reported with its reason and the sweep goes on.
 *
 * <p>Usable without the command line, e.g. from a gallery script:
 * {@code Sweep.prepare("partial-collective", List.of("T=0.5"), grid, new SteadyStateEvaluator()).run(2, sink)}.
 */
public final class Sweep {
    private static final String SET_PREFIX = "--set: ";

    private final Points points;
    private final Grid grid;
    private final PointEvaluator evaluator;
    private final Scenario base;
    private final List<String> observables;

    private Sweep(Points points, PointEvaluator evaluator, Scenario base, List<String> observables) {
        this.points = points;
        this.grid = points.grid();
        this.evaluator = evaluator;
        this.base = base;
        this.observables = List.copyOf(observables);
    }

    /**
     * How a sweep went.
     *
     * @param failed       failed points, recorded ones (a resumed sweep) included
     * @param notConverged points whose result did not converge, recorded ones included
     * @param cpuSeconds   CPU time of this process's worker threads (what its points cost, whatever else the machine runs)
     * @param processCpuSeconds CPU time of the whole process meanwhile: the points, JIT, GC and, in a cluster, the
     *                     messaging (with no threads of its own, the coordinator's overhead)
     * @param threads      this process's worker threads
     * @param local        points evaluated by those threads (the others by other members of a cluster)
     * @param ledger       points resumed, completed, dispatched, re-dispatched and duplicate results
     */
    public record Summary(int points, int failed, int notConverged, double wallSeconds, double cpuSeconds,
                          double processCpuSeconds, int threads, int local, PointLedger.Stats ledger) {
    }

    /**
     * Validates a sweep before any work: the base scenario must load; no swept parameter may also be set
     * by an override; the scenario must accept every swept parameter at every corner of the grid (so a
     * range that leaves a parameter's allowed interval is refused here), exactly as the command line
     * loads a scenario (which includes building what its method needs).
     *
     * @param scenario  a preset name or scenario file (null: the default preset)
     * @param overrides {@code key=value} overrides applied to every point before the swept values
     */
    public static Sweep prepare(String scenario, List<String> overrides, Grid grid, PointEvaluator evaluator) {
        return prepare(ScenarioSource.of(scenario), overrides, grid, evaluator);
    }

    /**
     * {@link #prepare(String, List, Grid, PointEvaluator)} with the scenario already read. With variants, each is
     * checked too: it may not set a swept parameter, its keys and values must be the scenario's (a one-line
     * {@link ScenarioException} naming {@code --variant} otherwise), but a method that does not apply to the model (HEOM
     * on a flat spectrum, say) is not refused: that variant's points fail with the reason, as any failing point.
     */
    public static Sweep prepare(ScenarioSource scenario, List<String> overrides, Grid grid, PointEvaluator evaluator) {
        for (String o : overrides) {
            String key = o.contains("=") ? o.substring(0, o.indexOf('=')).strip() : o.strip();
            for (Axis a : grid.axes()) {
                if (a.name().equals(key)) {
                    throw Axis.error(a.text(), "--set " + o + " sets the swept parameter too; drop one of them");
                }
            }
        }
        for (Variant v : grid.variants()) {
            for (String key : v.keys()) {
                if (grid.names().contains(key)) {
                    throw v.error("it sets " + key + ", the swept parameter (--param); a variant may set any key but "
                            + "the swept ones");
                }
            }
        }
        List<String> every = new ArrayList<>(overrides);
        grid.variants().forEach(v -> every.addAll(v.overrides()));
        Points points = new Points(scenario, List.copyOf(overrides), grid, variables(scenario, every, grid));
        for (Grid.Point corner : grid.corners()) {
            try {
                points.load(corner, List.of());
            } catch (IllegalArgumentException e) {
                String texts = grid.axes().stream().map(Axis::text).collect(Collectors.joining(" --param "));
                throw new ScenarioException("--param", "--param " + texts + ": at " + where(grid, corner) + ": " + reason(e));
            }
        }
        if (!grid.hasVariants()) {
            // the first point: the overrides alone may not make a valid scenario (e.g. a default that only the swept
            // values move into the allowed range), and the corners were checked above
            Scenario base = points.load(grid.point(0));
            return new Sweep(points, evaluator, base, evaluator.observableNames(base));
        }
        Scenario base = null;
        Set<String> observables = new LinkedHashSet<>();
        String firstFailure = null;
        for (int k = 0; k < grid.variants().size(); k++) {
            Variant v = grid.variants().get(k);
            String notApplied = check(points, grid, k, v);
            try {
                Scenario s = points.load(grid.corners(k).get(0));
                observables.addAll(evaluator.observableNames(s));
                base = base == null ? s : base;
            } catch (IllegalArgumentException e) {
                notApplied = reason(e);
            }
            firstFailure = firstFailure == null && notApplied != null ? v.label() + ": " + notApplied : firstFailure;
        }
        if (base == null) {
            throw new ScenarioException(Variant.OPTION, Variant.OPTION + ": no variant applies to the model (" + firstFailure
                    + ")");
        }
        return new Sweep(points, evaluator, base, List.copyOf(observables));
    }

    /**
     * Checks variant {@code v} (number {@code k}) at the corners of the grid. Its method must be one of the methods, and
     * its keys and values must load; a corner that loads with the scenario's method but not with the variant's is a
     * method that does not apply there: its reason is returned (null: it applies at every corner) and its points fail.
     */
    private static String check(Points points, Grid grid, int k, Variant v) {
        for (String o : v.overrides()) {
            String value = o.substring(o.indexOf('=') + 1).strip();
            if (o.substring(0, o.indexOf('=')).strip().equals("method") && !Method.ids().contains(value)) {
                throw v.error("method = " + value + " is not allowed: expected one of " + String.join(", ", Method.ids()));
            }
        }
        List<String> withoutMethod = v.overrides().stream()
                .filter(o -> !o.substring(0, o.indexOf('=')).strip().equals("method")).toList();
        List<Grid.Point> corners = grid.corners(k);
        for (int c = 0; c < corners.size(); c++) {
            Grid.Point corner = corners.get(c);
            try {
                points.load(corner);
            } catch (IllegalArgumentException e) {
                try {
                    points.load(corner, withoutMethod);
                } catch (IllegalArgumentException values) {
                    throw v.error((c == 0 ? "" : "at " + where(grid, corner) + ": ") + reason(values));
                }
                return reason(e);
            }
        }
        return null;
    }

    private static String where(Grid grid, Grid.Point point) {
        return IntStream.range(0, grid.axes().size())
                .mapToObj(k -> grid.axes().get(k).name() + " = " + Grid.text(point.values().get(k)))
                .collect(Collectors.joining(", "));
    }

    /**
     * The swept parameters that are only variables of {@code --set} expressions: used by one (e.g. {@code DT}
     * in {@code Tb=Ta+DT}) and not a key of the scenario. They are not passed to the scenario.
     */
    private static Set<String> variables(ScenarioSource scenario, List<String> overrides, Grid grid) {
        Map<String, Double> first = values(grid, grid.point(0));
        List<String> resolved = resolve(overrides, first);
        Set<String> out = new LinkedHashSet<>();
        for (String name : first.keySet()) {
            Map<String, Double> others = new LinkedHashMap<>(first);
            others.remove(name);
            if (resolved.equals(resolve(overrides, others))) {
                continue; // no expression uses it
            }
            try {
                scenario.load(List.of(name + "=" + Grid.text(first.get(name))));
            } catch (ScenarioException e) {
                if (name.equals(e.key()) && e.getMessage().contains("unknown key '" + name + "'")) {
                    out.add(name);
                }
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** How to load the scenario at a point of the grid. */
    private record Points(ScenarioSource scenario, List<String> overrides, Grid grid, Set<String> variables) {
        /** The scenario at {@code point}, under its variant's overrides. */
        Scenario load(Grid.Point point) {
            Variant v = grid.variant(point);
            return load(point, v == null ? List.of() : v.overrides());
        }

        /** The scenario at {@code point}'s swept values with {@code variant} overrides after the base ones. */
        Scenario load(Grid.Point point, List<String> variant) {
            List<String> all = resolve(overrides, values(grid, point));
            all.addAll(resolve(variant, values(grid, point)));
            for (String o : grid.overrides(point)) {
                if (!variables.contains(o.substring(0, o.indexOf('=')))) {
                    all.add(o);
                }
            }
            return scenario.load(Collections.unmodifiableList(all));
        }
    }

    public Grid grid() {
        return grid;
    }

    public PointEvaluator evaluator() {
        return evaluator;
    }

    /**
     * The observables the points report, in order: with variants, those of every variant that applies to the model (a
     * variant whose method lacks one leaves it empty).
     */
    public List<String> observables() {
        return observables;
    }

    /**
     * The scenario at the first point of the grid (its name, source, observables and defaults); with variants, at the
     * first point of the first variant that applies to the model.
     */
    public Scenario base() {
        return base;
    }

    /**
     * Evaluates every point once on {@code threads} threads (at most one per point) and hands each outcome
     * to {@code sink} as it finishes. The sink is called by one thread at a time, in completion order.
     * An exception thrown by the sink stops the sweep and is rethrown. ({@link SweepRun} resumes a sweep and
     * takes outcomes from other members of a cluster.)
     */
    public Summary run(int threads, Consumer<PointOutcome> sink) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + " is not allowed: expected an integer >= 1");
        }
        return new SweepRun(this, List.of(), Long.MAX_VALUE, System::nanoTime, sink).run(threads);
    }

    /**
     * Loads the scenario at a point and evaluates it; a {@link RuntimeException} becomes a failed point. The one code
     * path of every point, whichever member of a cluster evaluates it.
     */
    public PointOutcome evaluate(Grid.Point point) {
        long t0 = System.nanoTime();
        try {
            PointResult r = evaluator.evaluate(load(point));
            return new PointOutcome(point, r, null, (System.nanoTime() - t0) / 1e9);
        } catch (RuntimeException e) {
            return new PointOutcome(point, null, reason(e), (System.nanoTime() - t0) / 1e9);
        }
    }

    private Scenario load(Grid.Point point) {
        return points.load(point);
    }

    /**
     * The overrides at a point ({@code values}: the swept values by name): an override whose value is not a
     * plain number but an expression of the swept parameters (e.g. {@code Tb=Ta+50} or {@code gamma=0.1*Gamma} with {@code Ta} or {@code Gamma} swept) is
     * evaluated with the point's values; every other override is passed on as written.
     */
    static List<String> resolve(List<String> overrides, Map<String, Double> values) {
        List<String> out = new ArrayList<>();
        for (String o : overrides) {
            int eq = o.indexOf('=');
            out.add(eq < 0 ? o : derived(o.substring(0, eq).strip(), o.substring(eq + 1).strip(), values).orElse(o));
        }
        return out;
    }

    /** The swept values at a point, by name. */
    private static Map<String, Double> values(Grid grid, Grid.Point point) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int k = 0; k < grid.axes().size(); k++) {
            values.put(grid.axes().get(k).name(), point.values().get(k));
        }
        return values;
    }

    private static Optional<String> derived(String key, String value, Map<String, Double> swept) {
        try {
            Expressions.evaluate(value);
            return Optional.empty();
        } catch (IllegalArgumentException plain) {
            try {
                return Optional.of(key + "=" + Grid.text(Expressions.evaluate(value, swept)));
            } catch (IllegalArgumentException notDerived) {
                return Optional.empty();
            }
        }
    }

    /** One line: the message of a validation error (without the loader's "--set: "), else the exception. */
    static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof ArithmeticException) {
            return message.startsWith(SET_PREFIX) ? message.substring(SET_PREFIX.length()) : message;
        }
        return "internal error: " + e.getClass().getName() + (message.isEmpty() ? "" : ": " + message);
    }
}
