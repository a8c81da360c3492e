package io.coherent.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coherent.app.sweep.Axis;
import io.coherent.app.sweep.Grid;
import io.coherent.app.sweep.PointEvaluator;
import io.coherent.app.sweep.PointOutcome;
import io.coherent.app.sweep.Progress;
import io.coherent.app.sweep.ResultsCsv;
import io.coherent.app.sweep.SteadyStateEvaluator;
import io.coherent.app.sweep.Sweep;
import io.coherent.app.sweep.SweepPlots;
import io.coherent.app.sweep.TrajectoryEvaluator;
import io.coherent.config.ScenarioException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sweep", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Sweep one or two parameters over a grid; at each point the steady state (--steady) or the final "
                + "state of a run (--run --until T). Writes DIR/results.csv (one row per point, flushed as points finish, "
                + "rewritten in grid order at the end) and a plot: a line plot for one parameter, a heat map per "
                + "coherence for two (PNG and SVG). Exit code 1 if any point failed (its reason is in the CSV)."})
final class SweepCommand implements Callable<Integer> {

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--param", paramLabel = "NAME=[log:]START:STOP:N", required = true,
            description = {"A swept parameter (once or twice): N values from START to STOP, equally spaced or, with log:, "
                    + "in constant ratio. START and STOP are numbers like 0.3, 1e-3, pi/400.",
                    "The first --param is the slow index of the grid and the x axis of the plots."})
    List<String> params = new ArrayList<>();

    @Option(names = "--steady", description = "At each point, the steady state from the frequency formula (method exact).")
    boolean steady;

    @Option(names = "--run", description = "At each point, run the scenario and keep its final state (stops early once "
            + "the steady-state criterion of run --stop-on-steady holds).")
    boolean run;

    @Option(names = "--until", paramLabel = "T", description = "Final time of each run (with --run; same as --set until=T).")
    String until;

    @Option(names = "--plot", paramLabel = "NAME[,NAME...]", split = ",",
            description = "Observables to plot (default: Jx, Jy, Jz; for a model without them every observable but the "
                    + "energy currents).")
    List<String> plot;

    @Option(names = "--lines", description = "With two parameters: line plots against the first parameter, one curve per "
            + "value of the second, instead of heat maps.")
    boolean lines;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory. Default sweeps/<preset or file stem>.")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Points evaluated at once. Default: available processors.")
    Integer threads;

    @Option(names = "--json", description = "Print one JSON object on stdout instead of the summary.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (steady == run) {
            throw new ScenarioException("--steady", "sweep needs exactly one of --steady or --run --until T");
        }
        if (until != null && !run) {
            throw new ScenarioException("--until", "--until goes with --run (a --steady sweep has no final time)");
        }
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (workers < 1) {
            throw new ScenarioException("--threads", "--threads " + workers + " is not allowed: expected an integer >= 1");
        }
        List<String> overrides = new ArrayList<>(scenario.sets);
        if (until != null) {
            overrides.add("until=" + until);
        }
        Grid grid = new Grid(params.stream().map(Axis::parse).toList());
        PointEvaluator evaluator = steady ? new SteadyStateEvaluator() : new TrajectoryEvaluator();
        Sweep sweep = Sweep.prepare(scenario.scenario, overrides, grid, evaluator);
        List<String> plotted = plot == null ? SweepPlots.defaultObservables(sweep.observables()) : List.copyOf(plot);
        for (String name : plotted) {
            if (!sweep.observables().contains(name)) {
                throw new ScenarioException("--plot", "--plot " + name + " is not an observable of " + sweep.base().name()
                        + "; allowed: " + String.join(", ", sweep.observables()));
            }
        }
        if (lines && grid.axes().size() != 2) {
            throw new ScenarioException("--lines", "--lines goes with two --param (one parameter is always a line plot)");
        }
        Path dir = out != null ? out : Path.of("sweeps", sweep.base().name());

        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err, System.console() != null, 5, grid.size(), System::nanoTime);
        List<PointOutcome> outcomes = new ArrayList<>();
        ResultsCsv csv;
        try {
            csv = new ResultsCsv(dir, grid, sweep.observables());
        } catch (UncheckedIOException e) {
            throw new ScenarioException("--out", e.getMessage());
        }
        Sweep.Summary summary;
        try (csv) {
            summary = sweep.run(workers, o -> {
                csv.accept(o);
                outcomes.add(o);
                progress.accept(o);
            });
        }
        progress.finish();
        String title = sweep.base().name() + ", " + evaluator.description();
        SweepPlots.Written plots = SweepPlots.write(dir, title, grid, outcomes, plotted, lines);

        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.println(Reports.json(toJson(sweep, summary, csv, plots)));
        } else {
            printSummary(stdout, sweep, summary, csv, plots, outcomes);
        }
        stdout.flush();
        if (summary.failed() > 0) {
            err.println("coherent: " + summary.failed() + " of " + summary.points() + " points failed; their reasons are in "
                    + csv.file());
            err.flush();
            return Main.RUN_FAILED;
        }
        return Main.OK;
    }

    private static ObjectNode toJson(Sweep sweep, Sweep.Summary summary, ResultsCsv csv, SweepPlots.Written plots) {
        ObjectNode root = Reports.object();
        root.put("scenario", sweep.base().name());
        root.put("evaluation", sweep.evaluator().description());
        ArrayNode params = root.putArray("parameters");
        for (Axis a : sweep.grid().axes()) {
            ObjectNode p = params.addObject();
            p.put("name", a.name());
            p.put("scale", a.scale().name().toLowerCase(Locale.ROOT));
            Reports.number(p, "start", a.start());
            Reports.number(p, "stop", a.stop());
            p.put("count", a.count());
        }
        root.put("points", summary.points());
        root.put("failed", summary.failed());
        root.put("not_converged", summary.notConverged());
        root.put("threads", summary.threads());
        Reports.number(root, "wall_seconds", summary.wallSeconds());
        Reports.number(root, "cpu_seconds", summary.cpuSeconds());
        root.put("results", csv.file().toString());
        ArrayNode files = root.putArray("plots");
        plots.files().forEach(f -> files.add(f.toString()));
        ArrayNode skipped = root.putArray("skipped_plots");
        for (SweepPlots.Skipped s : plots.skipped()) {
            skipped.addObject().put("observable", s.observable()).put("reason", s.reason());
        }
        return root;
    }

    private static void printSummary(PrintWriter out, Sweep sweep, Sweep.Summary summary, ResultsCsv csv,
                                     SweepPlots.Written plots, List<PointOutcome> outcomes) {
        out.printf(Locale.ROOT, "%s (%s): %s at %d points%n", sweep.base().name(), sweep.base().source(),
                sweep.evaluator().description(), summary.points());
        for (Axis a : sweep.grid().axes()) {
            out.printf(Locale.ROOT, "  %s = %s .. %s, %d values%s%n", a.name(), Reports.g(a.start()), Reports.g(a.stop()),
                    a.count(), a.scale() == Axis.Scale.LOG ? " (log)" : "");
        }
        double worstError = outcomes.stream().filter(o -> !o.failed())
                .flatMap(o -> o.result().observables().values().values().stream())
                .mapToDouble(e -> e.error()).max().orElse(Double.NaN);
        out.printf(Locale.ROOT, "%d ok, %d failed, %d not converged; largest error estimate %.2g%n",
                summary.points() - summary.failed(), summary.failed(), summary.notConverged(), worstError);
        out.printf(Locale.ROOT, "%.2f s on %d threads, %.2f s CPU (%.3g ms CPU per point)%n", summary.wallSeconds(),
                summary.threads(), summary.cpuSeconds(), 1e3 * summary.cpuSeconds() / summary.points());
        out.println("results: " + csv.file() + " (" + csv.rows() + " rows)");
        for (Path f : plots.files()) {
            out.println("plot: " + f);
        }
        for (SweepPlots.Skipped s : plots.skipped()) {
            out.println("no plot of " + s.observable() + ": " + s.reason());
        }
    }
}
