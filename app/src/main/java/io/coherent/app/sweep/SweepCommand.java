package io.coherent.app.sweep;

import io.coherent.app.Main;
import io.coherent.app.plot.Quantities;
import io.coherent.app.cli.Reports;
import io.coherent.app.cli.ScenarioOptions;
import io.coherent.app.cluster.ClusterOptions;
import io.coherent.app.cluster.ClusterSettings;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import io.coherent.app.cluster.SweepCoordinator;
import io.coherent.config.ScenarioException;
import io.coherent.observers.EventDrivenRun;
import io.vertx.core.Vertx;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
public final class SweepCommand implements Callable<Integer> {
    static final double DEFAULT_POINT_TIMEOUT = 120;

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--param", paramLabel = "NAME=[log:]START:STOP:N", required = true,
            description = {"A swept parameter (once or twice): N values from START to STOP, equally spaced or, with log:, "
                    + "in constant ratio. START and STOP are numbers like 0.3, 1e-3, pi/400.",
                    "The first --param is the slow index of the grid and the x axis of the plots."})
    List<String> params = new ArrayList<>();

    @Option(names = "--variant", paramLabel = "'LABEL:key=value,...'", description = {"A labelled setting (repeatable): "
            + "scenario overrides applied after the scenario and --set, before the swept values. The grid becomes "
            + "variants x points, results.csv gets a variant column and the plots one curve per variant, e.g. "
            + "--variant 'HEOM:method=heom' --variant 'Redfield:method=redfield'. See docs/sweep.md."})
    List<String> variants = new ArrayList<>();

    @Option(names = "--steady", description = "At each point, the steady state computed directly by the scenario's method "
            + "(as `coherent steady`): the frequency formula (exact), the second-moment Lyapunov equation, the "
            + "Liouvillian's null space or GMRES (finite systems), or the closed forms (leading-order).")
    boolean steady;

    @Option(names = "--run", description = "At each point, run the scenario and keep its final state (stops early once "
            + "the steady-state criterion of run --stop-on-steady holds).")
    boolean run;

    @Option(names = "--until", paramLabel = "T", description = "Final time of each run (with --run; same as --set until=T).")
    String until;

    @Option(names = "--plot", paramLabel = "NAME[,NAME...]", split = ",",
            description = "Observables to plot. Default: Jx, Jy, Jz for a bilinear model; otherwise the observables named "
                    + "coherence* (e.g. coherence_l1, coherence_l1_bare); for a model with neither, every observable but "
                    + "the currents. With two parameters, one that is 0 within its error everywhere gets no figure.")
    List<String> plot;

    @Option(names = "--lines", description = "With two parameters: line plots against the first parameter, one curve per "
            + "value of the second, instead of heat maps.")
    boolean lines;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory. Default sweeps/<preset or file stem>.")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Points evaluated at once by this process. Default: "
            + "available processors. With --cluster, 0 leaves every point to the workers.")
    Integer threads;

    @Option(names = "--resume", description = {"Continue the interrupted sweep whose results.csv is in DIR: its points "
            + "are kept, only the missing ones are computed. Refused if DIR holds another sweep (DIR/sweep.json)."})
    boolean resume;

    @Option(names = "--cluster", description = {"Share the points with the workers of a Vert.x cluster (`coherent "
            + "worker --cluster`) and evaluate points here too. See docs/cluster.md."})
    boolean cluster;

    @Option(names = "--point-timeout", paramLabel = "SECONDS", description = "With --cluster: a point a member holds "
            + "longer than this is handed to another (the member died or stalls). Default 120; must exceed the "
            + "slowest point.")
    Double pointTimeout;

    @Mixin
    ClusterOptions clusterOptions;

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
        int workers = clusterOptions.threads(threads, Runtime.getRuntime().availableProcessors());
        if (workers < (cluster ? 0 : 1)) {
            throw new ScenarioException("--threads", "--threads " + workers + " is not allowed: expected an integer >= "
                    + (cluster ? "0 with --cluster" : "1"));
        }
        if (!cluster && (pointTimeout != null || clusterOptions.config != null || clusterOptions.host != null
                || clusterOptions.port != null || clusterOptions.members != null || clusterOptions.busPort != null
                || clusterOptions.name != null)) {
            throw new ScenarioException("--cluster", "--point-timeout, --config, --cluster-name, --cluster-host, "
                    + "--cluster-port, --members and --bus-port go with --cluster");
        }
        long timeoutNanos = cluster ? (long) (clusterOptions.pointTimeout(pointTimeout, DEFAULT_POINT_TIMEOUT) * 1e9)
                : Long.MAX_VALUE;
        ClusterSettings clusterSettings = cluster ? clusterOptions.settings() : null;
        List<String> overrides = new ArrayList<>(scenario.sets);
        if (until != null) {
            overrides.add("until=" + until);
        }
        Grid grid = new Grid(params.stream().map(Axis::parse).toList(), variants.stream().map(Variant::parse).toList());
        if (lines && grid.hasVariants()) {
            throw new ScenarioException("--lines", "--lines does not go with --variant: with two --param a sweep with "
                    + "variants draws one heat map per variant and observable");
        }
        SweepDefinition definition = new SweepDefinition(ScenarioSource.of(scenario.scenario), overrides, grid,
                steady ? SweepDefinition.STEADY : SweepDefinition.RUN);
        Sweep sweep = definition.prepare();
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
        boolean resuming = resume && Files.exists(dir.resolve(ResultsCsv.FILE_NAME));
        if (resuming) {
            definition.checkRecordedIn(dir);
        } else if (resume) {
            err.println("coherent: sweep: nothing to resume in " + dir + "; starting the sweep");
        }
        ResultsCsv csv;
        try {
            // the definition first: a sweep killed at any moment after this can be resumed
            if (!resuming) {
                definition.record(dir);
            }
            csv = resuming ? ResultsCsv.resume(dir, grid, sweep.observables()) : new ResultsCsv(dir, grid, sweep.observables());
        } catch (UncheckedIOException e) {
            throw new ScenarioException("--out", e.getMessage());
        }
        List<PointOutcome> outcomes = new ArrayList<>(csv.recorded());
        Progress progress;
        Sweep.Summary summary;
        try (csv; Coordinator coordinator = cluster ? Coordinator.join(clusterSettings, err) : null) {
            // after joining the cluster, which takes seconds: the progress times the points only
            progress = new Progress(err, System.console() != null, 5, grid.size() - outcomes.size(), System::nanoTime);
            SweepRun run = new SweepRun(sweep, csv.recorded(), timeoutNanos, System::nanoTime, o -> {
                csv.accept(o);
                outcomes.add(o);
                progress.accept(o);
            });
            if (coordinator != null) {
                coordinator.serve(definition, run, workers);
            }
            summary = run.run(workers);
        }
        progress.finish();
        String title = sweep.base().name() + ", " + (grid.hasVariants() ? "" : sweep.base().method() + " ")
                + sweep.evaluator().description();
        SweepPlots.Written plots = SweepPlots.write(dir, title, Quantities.of(sweep.base().name(), overrides), grid, outcomes,
                plotted, lines);

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

    /** This process as the coordinator of a clustered sweep: a member of the cluster that leases points to workers. */
    private static final class Coordinator implements AutoCloseable {
        private final HazelcastClusterManager manager;
        private final Vertx vertx;
        private final PrintWriter err;

        private Coordinator(HazelcastClusterManager manager, Vertx vertx, PrintWriter err) {
            this.manager = manager;
            this.vertx = vertx;
            this.err = err;
        }

        static Coordinator join(ClusterSettings settings, PrintWriter err) {
            HazelcastClusterManager manager = settings.clusterManager();
            return new Coordinator(manager, settings.vertx(EventDrivenRun.vertxOptions(), manager).await(), err);
        }

        /** Hands {@code run}'s points to the workers that ask, and a leaving worker's points to the others at once. */
        void serve(SweepDefinition definition, SweepRun run, int threads) {
            manager.getHazelcastInstance().getCluster().addMembershipListener(new MembershipListener() {
                @Override
                public void memberAdded(MembershipEvent event) {
                    // a new worker asks for points when it is ready
                }

                @Override
                public void memberRemoved(MembershipEvent event) {
                    SweepCoordinator.memberLeft(run, event.getMember().getUuid().toString(), err);
                }
            });
            SweepCoordinator.deploy(vertx, definition, run, err).await();
            err.println("coherent: sweep: coordinating in the cluster at "
                    + manager.getHazelcastInstance().getCluster().getLocalMember().getAddress() + " ("
                    + (manager.getHazelcastInstance().getCluster().getMembers().size() - 1) + " other members now); "
                    + threads + " threads here");
            err.flush();
        }

        @Override
        public void close() {
            vertx.close().await();
        }
    }

    private static ObjectNode toJson(Sweep sweep, Sweep.Summary summary, ResultsCsv csv, SweepPlots.Written plots) {
        ObjectNode root = Reports.object();
        root.put("scenario", sweep.base().name());
        root.put("evaluation", sweep.evaluator().description());
        if (sweep.grid().hasVariants()) {
            ArrayNode variants = root.putArray("variants");
            sweep.grid().variants().forEach(v -> variants.addObject().put("label", v.label())
                    .put("overrides", String.join(",", v.overrides())));
        }
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
        root.put("resumed", summary.ledger().resumed());
        root.put("computed", summary.ledger().completed());
        root.put("computed_here", summary.local());
        root.put("computed_by_workers", summary.ledger().completed() - summary.local());
        root.put("dispatched", summary.ledger().dispatched());
        root.put("redispatched", summary.ledger().redispatched());
        root.put("duplicates", summary.ledger().duplicates());
        Reports.number(root, "wall_seconds", summary.wallSeconds());
        Reports.number(root, "cpu_seconds", summary.cpuSeconds());
        Reports.number(root, "process_cpu_seconds", summary.processCpuSeconds());
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
        for (int k = 0; k < sweep.grid().variants().size(); k++) {
            int variant = k;
            List<PointOutcome> mine = outcomes.stream().filter(o -> o.point().variant() == variant).toList();
            long failed = mine.stream().filter(PointOutcome::failed).count();
            long notConverged = mine.stream().filter(o -> !o.failed() && !o.result().converged()).count();
            out.printf(Locale.ROOT, "  variant %s (%s): %d ok, %d failed, %d not converged%s%n",
                    sweep.grid().variants().get(k).label(), String.join(",", sweep.grid().variants().get(k).overrides()),
                    mine.size() - failed, failed, notConverged, failed == 0 ? ""
                            : "; e.g. " + mine.stream().filter(PointOutcome::failed).findFirst().orElseThrow().failure());
        }
        double worstError = outcomes.stream().filter(o -> !o.failed())
                .flatMap(o -> o.result().observables().values().values().stream())
                .mapToDouble(e -> e.error()).max().orElse(Double.NaN);
        out.printf(Locale.ROOT, "%d ok, %d failed, %d not converged; largest error estimate %.2g%n",
                summary.points() - summary.failed(), summary.failed(), summary.notConverged(), worstError);
        PointLedger.Stats points = summary.ledger();
        if (points.resumed() > 0 || points.completed() != summary.local()) {
            out.printf(Locale.ROOT, "%d points resumed from the file; %d computed: %d here, %d by workers (%d handed out "
                            + "again after a timeout or a member left, %d duplicate results ignored)%n", points.resumed(),
                    points.completed(), summary.local(), points.completed() - summary.local(), points.redispatched(),
                    points.duplicates());
        }
        out.printf(Locale.ROOT, "%.2f s on %d threads, %.2f s CPU (%.3g ms CPU per point computed here)%n",
                summary.wallSeconds(), summary.threads(), summary.cpuSeconds(),
                1e3 * summary.cpuSeconds() / Math.max(1, summary.local()));
        out.println("results: " + csv.file() + " (" + csv.rows() + " rows)");
        for (Path f : plots.files()) {
            out.println("plot: " + f);
        }
        for (SweepPlots.Skipped s : plots.skipped()) {
            out.println("no plot of " + s.observable() + ": " + s.reason());
        }
    }
}
