package io.coherent.app.cli;

import io.coherent.app.Main;
import io.coherent.app.plot.TrajectoryFigure;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coherent.config.Expressions;
import io.coherent.config.RunSettings;
import io.coherent.config.Scenario;
import io.coherent.config.ScenarioException;
import io.coherent.core.dynamics.Generator;
import io.coherent.core.heom.EmbeddedHierarchy;
import io.coherent.core.dynamics.Method;
import io.coherent.core.dynamics.RelaxationTime;
import io.coherent.core.methods.Engines;
import io.coherent.integrators.EventRecord;
import io.coherent.integrators.EventSpec;
import io.coherent.integrators.IntegrationStatistics;
import io.coherent.integrators.OutputGrid;
import io.coherent.integrators.RunOutcome;
import io.coherent.integrators.RunPlan;
import io.coherent.integrators.SteadyStateCriterion;
import io.coherent.integrators.SteadyStateVerdict;
import io.coherent.observers.AccuracyWatcher;
import io.coherent.observers.ConvergenceWatcher;
import io.coherent.observers.EventDrivenRun;
import io.coherent.observers.ObservableRecorder;
import io.coherent.observers.RunAddress;
import io.coherent.observers.RunReport;
import io.coherent.observers.RunRequest;
import io.coherent.observers.SampleObserver;
import io.coherent.observers.TrajectoryWriter;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Propagate a scenario in time on the Vert.x event-driven runtime: samples at the output times "
                + "(uniform from 0 to `until` by default) and at events, written to DIR/trajectory.csv and "
                + "DIR/trajectory.jsonl (one flushed line per sample), then print the final state.")
public final class RunCommand implements Callable<Integer> {

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--until", paramLabel = "T", description = "Final time (same as --set until=T). Default 200.")
    String until;

    @Option(names = "--stop-on-steady", description = "Stop once every observable changed by < 1e-6 over 10 time units, "
            + "max |dy/dt| < 1e-4, and t >= 10 x the slowest relaxation time (flat before that is a plateau).")
    boolean stopOnSteady;

    @Option(names = "--at", paramLabel = "T[,T...]", split = ",",
            description = "Time marks: an event with its own sample at each time (repeatable).")
    List<String> marks = new ArrayList<>();

    @Option(names = "--when", paramLabel = "NAME=LEVEL",
            description = "Report each crossing of LEVEL by observable NAME, with a sample there (repeatable).")
    List<String> when = new ArrayList<>();

    @Option(names = "--stop-when", paramLabel = "NAME=LEVEL",
            description = "Stop the run when observable NAME first crosses LEVEL (repeatable).")
    List<String> stopWhen = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory. Default runs/<preset or file stem>.")
    Path out;

    @Option(names = "--json", description = "Print one JSON object on stdout instead of the summary.")
    boolean json;

    @Option(names = "--quiet", description = "No progress line on stderr (there is none when stderr is not a terminal).")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> extra = new ArrayList<>();
        if (until != null) {
            double t;
            try {
                t = Expressions.evaluate(until);
            } catch (IllegalArgumentException e) {
                t = Double.NaN;
            }
            if (!(t > 0)) {
                throw new ScenarioException("until", "--until " + until + " is not allowed: expected a finite number > 0");
            }
            extra.add("until=" + until);
        }
        Scenario s = scenario.load(extra);
        RunSettings run = s.run();
        Path dir = out != null ? out : Path.of("runs", s.name());
        Generator generator = Engines.generator(s.model(), Method.of(s.method()), run.engineOptions());
        RunLength length = RunLength.fit(run, generator, stopOnSteady);
        run = length.settings();
        s = new Scenario(s.name(), s.source(), s.method(), s.model(), run, s.parameters(), s.choices());
        OutputGrid grid = run.outputGrid();
        RunPlan plan = RunPlan.of(grid).withEvents(events(generator, grid));
        if (stopOnSteady) {
            plan = plan.stopOnSteady(SteadyStateCriterion.DEFAULT);
        }
        RunAddress address = new RunAddress(s.name().replaceAll("[^A-Za-z0-9_-]", "-"));
        TrajectoryWriter writer;
        try {
            writer = new TrajectoryWriter(address, dir, generator.observableNames());
        } catch (UncheckedIOException e) {
            throw new ScenarioException("--out", e.getMessage());
        }
        List<SampleObserver> observers = new ArrayList<>(List.of(writer));
        observers.addAll(recorders(address, generator));
        if (System.console() != null && !quiet) {
            observers.add(new RunProgress(address, spec.commandLine().getErr(), grid.start(), grid.end(), System::nanoTime));
        }
        RunRequest request = new RunRequest(address.runId(), generator, run.integratorSettings(), plan, observers,
                List.of(), List.of());
        Vertx vertx = Vertx.vertx(EventDrivenRun.singleRunOptions());
        RunReport report;
        try {
            report = new EventDrivenRun(vertx).start(request).await();
        } finally {
            vertx.close().await();
        }
        RunOutcome outcome = report.outcome();
        List<Path> figures = plot(writer.csvFile(), s.name() + ", " + s.method(), dir.resolve("trajectory"));
        // not computed (e.g. the iterative estimate did not converge): never printed as infinite
        RelaxationTime tau = generator.relaxation();
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = toJson(s, report, tau).put("length", length.how());
            if (generator instanceof EmbeddedHierarchy h) {
                root.set("hierarchy", Reports.hierarchy(h.hierarchy(), outcome.last().observables(), h.notes()));
            }
            stdout.println(Reports.json(root));
        } else {
            stdout.println("length: " + length.how());
            printSummary(stdout, s, report, tau, writer);
            if (generator instanceof EmbeddedHierarchy h) {
                stdout.println(Reports.hierarchyLine(h.hierarchy()));
                h.notes().forEach(n -> stdout.println("note: " + n));
            }
            if (!figures.isEmpty()) {
                stdout.println("figure: " + figures.stream().map(Path::toString).collect(Collectors.joining(", ")));
            }
        }
        stdout.flush();
        if (outcome.failed()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("coherent: run failed: " + Main.oneLine(outcome.failure()) + "; the trajectory up to t = "
                    + Reports.g(outcome.last().t()) + " is in " + writer.csvFile());
            err.flush();
            return Main.RUN_FAILED;
        }
        return Main.OK;
    }

    /**
     * The observers every hosted run has: the three recorders, a reporting (non-stopping) convergence watcher and the
     * accuracy watcher (which samples are less accurate than asked).
     */
    public static List<SampleObserver> recorders(RunAddress address, Generator generator) {
        return List.of(ObservableRecorder.coherence(address), ObservableRecorder.populationDifference(address),
                ObservableRecorder.energyCurrent(address),
                new ConvergenceWatcher(address, SteadyStateCriterion.DEFAULT, generator.slowestRelaxationTime(), false),
                new AccuracyWatcher(address, generator.sampleTolerance()));
    }

    /** The events of --at, --when and --stop-when, checked against the run before it starts. */
    private List<EventSpec> events(Generator generator, OutputGrid grid) {
        List<EventSpec> events = new ArrayList<>();
        for (String m : marks) {
            double t = evaluate("--at", m);
            if (!(t > grid.start() && t <= grid.end())) {
                throw new ScenarioException("--at", "--at " + m + " is not allowed: expected a time in (0, "
                        + Reports.g(grid.end()) + "]");
            }
            events.add(new EventSpec.TimeMark(t, false));
        }
        addThresholds(events, generator, "--when", when, false);
        addThresholds(events, generator, "--stop-when", stopWhen, true);
        return events;
    }

    /** The run's figure next to its CSV; a figure that cannot be drawn is reported on stderr, not a failure. */
    private List<Path> plot(Path csv, String title, Path stem) {
        try {
            return TrajectoryFigure.write(csv, title, stem);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("coherent: no figure: " + Main.oneLine(String.valueOf(e.getMessage())));
            return List.of();
        }
    }

    private static void addThresholds(List<EventSpec> events, Generator generator, String option, List<String> specs,
                                      boolean stop) {
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            String name = eq > 0 ? spec.substring(0, eq).strip() : "";
            if (name.isEmpty()) {
                throw new ScenarioException(option, option + " expects NAME=LEVEL, got '" + spec + "'");
            }
            if (!generator.observableNames().contains(name)) {
                throw new ScenarioException(option, option + " " + spec + ": no observable '" + name + "'; this run has "
                        + String.join(", ", generator.observableNames()));
            }
            events.add(new EventSpec.Threshold(name, evaluate(option, spec.substring(eq + 1)), stop));
        }
    }

    private static double evaluate(String option, String text) {
        try {
            double x = Expressions.evaluate(text);
            if (Double.isFinite(x)) {
                return x;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ScenarioException(option, option + " " + text + " is not allowed: expected a finite number");
    }

    public static ObjectNode toJson(Scenario s, RunReport report, RelaxationTime tau) {
        RunOutcome outcome = report.outcome();
        ObjectNode root = Reports.object();
        root.put("method", s.method());
        Reports.number(root, "until", outcome.last().t());
        SteadyStateVerdict v = outcome.steadyState();
        ObjectNode steady = root.putObject("steady_state");
        steady.put("reached", v.reached());
        Reports.number(steady, "time", v.time());
        steady.put("reason", v.reason());
        Reports.relaxation(root, tau);
        root.set("observables", Reports.observables(outcome.last().observables(), s.model()));
        IntegrationStatistics st = outcome.statistics();
        ObjectNode integrator = root.putObject("integrator");
        integrator.put("name", st.integrator());
        integrator.put("steps", st.steps());
        if (st.rejected().isPresent()) {
            integrator.put("rejected", st.rejected().getAsLong());
        } else {
            integrator.putNull("rejected");
        }
        integrator.put("evaluations", st.evaluations());
        ObjectNode accuracy = root.putObject("accuracy");
        Reports.number(accuracy, "atol", s.run().atol());
        Reports.number(accuracy, "rtol", s.run().rtol());
        Reports.number(accuracy, "quadrature_tolerance", s.run().quadratureTolerance());
        Reports.number(accuracy, "quadrature_error", Reports.largestError(outcome.last().observables(), s.model()));
        Reports.number(accuracy, "event_time_accuracy", EventSpec.TIME_ACCURACY * Math.max(1, outcome.last().t()));
        accuracy(accuracy, report.observers().get(AccuracyWatcher.NAME));
        ArrayNode events = root.putArray("events");
        for (EventRecord e : outcome.events()) {
            ObjectNode o = events.addObject();
            o.put("kind", e.kind());
            Reports.number(o, "t", e.t());
            o.put("description", e.description());
            o.put("stopped", e.stopped());
        }
        root.set("metrics", Reports.metrics(report.metrics()));
        root.set("observers", Reports.observers(report.observers()));
        if (outcome.failed()) {
            root.put("failure", outcome.failure());
        }
        return root;
    }

    /**
     * The accuracy watcher's verdict in the run's {@code accuracy} object: {@code sample_tolerance} (what each sample's
     * estimates were held to), {@code converged} (every sample met it) and {@code not_converged} (spans [from, to] of
     * the samples that did not, with their count).
     */
    private static void accuracy(ObjectNode accuracy, JsonObject watcher) {
        if (watcher == null) {
            return;
        }
        accuracy.put("sample_tolerance", watcher.getString("tolerance"));
        accuracy.put("converged", watcher.getBoolean("converged"));
        ArrayNode spans = accuracy.putArray("not_converged");
        for (Object o : watcher.getJsonArray("spans", new JsonArray())) {
            JsonObject span = (JsonObject) o;
            ObjectNode n = spans.addObject();
            Reports.number(n, "from", number(span.getValue("from")));
            Reports.number(n, "to", number(span.getValue("to")));
            n.put("samples", span.getLong("samples"));
        }
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /**
     * "every sample within quadrature_tolerance 1e-08", or "NOT converged: samples t in [0.15, 2] (7100 of 7103)
     * exceed heom_tolerance 1e-05, the furthest energy_current.b +- 38 at t = 0.15".
     */
    static String accuracyText(JsonObject watcher) {
        if (watcher == null) {
            return "not checked";
        }
        String tolerance = watcher.getString("tolerance");
        if (watcher.getBoolean("converged")) {
            return "every sample within " + tolerance;
        }
        List<String> spans = new ArrayList<>();
        for (Object o : watcher.getJsonArray("spans", new JsonArray())) {
            JsonObject span = (JsonObject) o;
            double from = number(span.getValue("from"));
            double to = number(span.getValue("to"));
            spans.add(from == to ? "t = " + Reports.g(from) : "t in [" + Reports.g(from) + ", " + Reports.g(to) + "]");
        }
        long leftOut = watcher.getLong("spans_left_out", 0L);
        StringBuilder text = new StringBuilder("NOT converged: samples ").append(String.join(", ", spans));
        if (leftOut > 0) {
            text.append(" and ").append(leftOut).append(" more span(s)");
        }
        text.append(String.format(Locale.ROOT, " (%d of %d) exceed %s", watcher.getLong("not_converged"),
                watcher.getLong("samples"), tolerance));
        JsonObject worst = watcher.getJsonObject("worst");
        if (worst != null) {
            text.append(String.format(Locale.ROOT, ", the furthest %s +- %.2g at t = %s", worst.getString("name"),
                    number(worst.getValue("error")), Reports.g(number(worst.getValue("t")))));
        }
        return text.toString();
    }

    private static void printSummary(PrintWriter out, Scenario s, RunReport report, RelaxationTime tau, TrajectoryWriter writer) {
        RunOutcome outcome = report.outcome();
        RunSettings r = s.run();
        OutputGrid grid = r.outputGrid();
        out.printf(Locale.ROOT, "%s (%s), method %s: t = 0 .. %s, %d %s output times%n", s.name(), s.source(), s.method(),
                Reports.g(grid.end()), grid.size(), r.output());
        out.printf(Locale.ROOT, "final state at t = %s%s:%n", Reports.g(outcome.last().t()),
                outcome.last().converged() ? "" : " (NOT converged: error estimates above the tolerance asked)");
        Reports.printObservables(out, outcome.last().observables(), s.model());
        SteadyStateVerdict v = outcome.steadyState();
        out.println("steady state: " + (v.reached() ? "reached at t = " + Reports.g(v.time()) + " (" + v.reason() + ")"
                : v.reason()));
        out.println("relaxation time: " + Reports.relaxationText(tau));
        for (EventRecord e : outcome.events()) {
            out.printf(Locale.ROOT, "event at t = %s: %s%s%n", Reports.g(e.t()), e.description(),
                    e.stopped() ? " (stopped the run)" : "");
        }
        IntegrationStatistics st = outcome.statistics();
        out.printf(Locale.ROOT, "integrator: %s (atol %s, rtol %s), %d steps (%s rejected), %d evaluations, %.2f s%n",
                st.integrator(), Reports.g(r.atol()), Reports.g(r.rtol()), st.steps(),
                st.rejected().isPresent() ? Long.toString(st.rejected().getAsLong()) : "not counted", st.evaluations(),
                outcome.wallSeconds());
        out.println("accuracy: " + accuracyText(report.observers().get(AccuracyWatcher.NAME))
                + String.format(Locale.ROOT, "; largest error estimate of the values above %.2g",
                Reports.largestError(outcome.last().observables(), s.model())));
        out.printf(Locale.ROOT, "note: the error estimates are the engine's (quadrature, hierarchy truncation, Lamb-shift"
                + " bounds); the integrator's own error (atol %s, rtol %s per step) is not in them%n", Reports.g(r.atol()),
                Reports.g(r.rtol()));
        out.printf(Locale.ROOT, "trajectory: %s (%d rows), %s%n", writer.csvFile(),
                report.observers().get("writer") == null ? 0 : report.observers().get("writer").getLong("rows"),
                writer.jsonLinesFile());
    }
}
