package io.coherent.app.compare;

import io.coherent.app.Main;
import io.coherent.app.cli.RunLength;
import io.coherent.config.RunSettings;
import io.coherent.app.cli.Reports;
import io.coherent.app.cli.ScenarioOptions;
import io.coherent.config.Scenario;
import io.coherent.config.ScenarioException;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.dynamics.Generator;
import io.coherent.core.dynamics.Method;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "compare", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Run several methods on the same model, initial state and output grid (in parallel), overlay "
                + "their trajectories in one figure per observable (DIR/<observable>.png and .svg, and DIR/overview.png), "
                + "write each method's DIR/<method>/trajectory.csv and print, per observable shared by all methods: the "
                + "steady state of each method (direct and final sample), max |difference| from the first method and the "
                + "time at which each method parts from it by more than the tolerance."})
public final class CompareCommand implements Callable<Integer> {

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--methods", paramLabel = "LIST", split = ",",
            description = "Methods to compare, the first is the reference, e.g. exact,redfield,secular. "
                    + "Default: every method that applies to the model (the others are named as skipped).")
    List<String> methods;

    @Option(names = "--until", paramLabel = "T", description = "Final time (same as --set until=T). Default 200.")
    String until;

    @Option(names = "--tolerance", paramLabel = "X", defaultValue = "1e-3",
            description = "Absolute difference at which two trajectories count as parted. Default ${DEFAULT-VALUE}.")
    double tolerance;

    @Option(names = "--observables", paramLabel = "LIST", split = ",",
            description = "Observables to compare and plot. Default: every observable all methods compute.")
    List<String> observables;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory. Default runs/<preset or file stem>/compare.")
    Path out;

    @Option(names = "--overview", paramLabel = "FILE", description = "Where the overview PNG goes. Default DIR/overview.png.")
    Path overview;

    @Option(names = "--json", description = "Print one JSON object on stdout instead of the table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new ScenarioException("--tolerance", "--tolerance " + tolerance + " is not allowed: expected a finite number > 0");
        }
        if (scenario.sets.stream().anyMatch(kv -> kv.matches("\\s*method\\s*=.*"))) {
            throw new ScenarioException("method", "--set method is not allowed with compare: choose the methods with "
                    + "--methods LIST (" + String.join(", ", Method.ids()) + ")");
        }
        List<Method> asked = methods == null ? null : asked(methods);
        List<String> extra = new ArrayList<>();
        if (until != null) {
            extra.add("until=" + until);
        }
        if (asked != null) {
            extra.add("method=" + asked.get(0).id());
        }
        Scenario s = scenario.load(extra);
        MethodRunner runner = new MethodRunner(s.model(), s.run());
        Map<Method, Generator> generators = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (Method m : asked != null ? asked : List.of(Method.values())) {
            try {
                generators.put(m, runner.generator(m));
            } catch (InvalidModelException e) {
                if (asked != null) {
                    throw e;
                }
                skipped.put(m.id(), Main.oneLine(e.getMessage()));
            }
        }
        if (generators.size() < 2) {
            throw new ScenarioException("--methods", "compare needs at least two methods that apply to " + s.name()
                    + "; only " + generators.keySet() + " do");
        }
        // the length that fits the slowest of the methods, sampled finely enough for the fastest
        RunLength length = null;
        int points = 0;
        for (Generator g : generators.values()) {
            RunLength l = RunLength.fit(s.run(), g, false);
            if (length == null || l.settings().until() > length.settings().until()) {
                length = l;
            }
            points = Math.max(points, l.settings().points());
        }
        RunSettings fitted = s.run().withLength(length.settings().until(), points);
        s = new Scenario(s.name(), s.source(), s.method(), s.model(), fitted, s.parameters(), s.choices());
        runner = new MethodRunner(s.model(), fitted);
        List<String> shared = Comparison.shared(generators.values().stream().map(Generator::observableNames).toList());
        List<String> compared = observables == null ? shared : chosen(observables, shared);
        Path dir = out != null ? out : Path.of("runs", s.name(), "compare");
        List<MethodRun> runs = runAll(runner, generators, dir);
        Comparison comparison = Comparison.of(runs, compared, tolerance);
        ComparePlots.Selection selection = ComparePlots.select(runs, compared);
        List<String> drawn = selection.plotted().isEmpty() ? compared : selection.plotted();
        ComparePlots.figures(dir, s.name(), runs, drawn);
        Path overviewFile = overview != null ? overview : dir.resolve("overview.png");
        ComparePlots.overview(overviewFile, s.name(), runs, drawn);
        PrintWriter stdout = spec.commandLine().getOut();
        CompareReport report = new CompareReport(s, runs, comparison, skipped, dir, overviewFile);
        if (json) {
            stdout.println(Reports.json(report.json()));
        } else {
            stdout.println("length: " + length.how() + (points > length.settings().points()
                    ? " (points raised to " + points + " for the fastest method)" : ""));
            report.print(stdout);
            if (!selection.flat().isEmpty() && !selection.plotted().isEmpty()) {
                stdout.println("not plotted (0 within the error estimates for every method; values above): "
                        + String.join(", ", selection.flat()));
            }
        }
        stdout.flush();
        List<MethodRun> failed = runs.stream().filter(r -> r.outcome().failed()).toList();
        if (!failed.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            failed.forEach(r -> err.println("coherent: " + r.method() + " run failed: " + Main.oneLine(r.outcome().failure())
                    + "; compared up to t = " + Reports.g(r.last().t())));
            err.flush();
            return Main.RUN_FAILED;
        }
        return Main.OK;
    }

    private static List<Method> asked(List<String> ids) {
        List<Method> list = new ArrayList<>();
        for (String id : ids) {
            Method m;
            try {
                m = Method.of(id.strip());
            } catch (InvalidModelException e) {
                throw new ScenarioException("--methods", "--methods: " + id + " is not allowed: expected a comma-separated "
                        + "list of " + String.join(", ", Method.ids()));
            }
            if (list.contains(m)) {
                throw new ScenarioException("--methods", "--methods: " + id + " is listed twice");
            }
            list.add(m);
        }
        if (list.size() < 2) {
            throw new ScenarioException("--methods", "--methods needs at least two of " + String.join(", ", Method.ids()));
        }
        return list;
    }

    private static List<String> chosen(List<String> names, List<String> shared) {
        List<String> list = new ArrayList<>();
        for (String n : names) {
            if (!shared.contains(n.strip())) {
                throw new ScenarioException("--observables", "--observables: " + n + " is not allowed: expected "
                        + "observables every method computes: " + String.join(", ", shared));
            }
            if (!list.contains(n.strip())) {
                list.add(n.strip());
            }
        }
        return list;
    }

    /** Runs the methods on min(methods, processors) threads; returns the runs in the order asked. */
    private static List<MethodRun> runAll(MethodRunner runner, Map<Method, Generator> generators, Path dir) {
        int threads = Math.min(generators.size(), Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<MethodRun>> futures = new ArrayList<>();
            generators.forEach((m, g) -> futures.add(pool.submit(() -> runner.run(m, g, dir.resolve(m.id())))));
            List<MethodRun> runs = new ArrayList<>();
            for (Future<MethodRun> f : futures) {
                runs.add(f.get());
            }
            return runs;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
