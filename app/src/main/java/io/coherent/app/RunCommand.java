package io.coherent.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coherent.config.Expressions;
import io.coherent.config.RunSettings;
import io.coherent.config.Scenario;
import io.coherent.config.ScenarioException;
import io.coherent.core.dynamics.Generator;
import io.coherent.core.dynamics.Method;
import io.coherent.core.methods.Engines;
import io.coherent.integrators.IntegrationStatistics;
import io.coherent.integrators.OutputGrid;
import io.coherent.integrators.Propagator;
import io.coherent.integrators.RunOutcome;
import io.coherent.integrators.SteadyStateCriterion;
import io.coherent.integrators.SteadyStateVerdict;
import io.coherent.observers.TrajectoryCsvWriter;
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

@Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Propagate a scenario with the exact method on a uniform grid of `points` times from 0 to `until`, "
                + "write DIR/trajectory.csv (t and every observable, one flushed line per time) and print the final state.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--until", paramLabel = "T", description = "Final time (same as --set until=T). Default 200.")
    String until;

    @Option(names = "--stop-on-steady", description = "Stop once every observable changed by < 1e-6 over 10 time units "
            + "and t >= 10 x the slowest relaxation time.")
    boolean stopOnSteady;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory. Default runs/<preset or file stem>.")
    Path out;

    @Option(names = "--json", description = "Print one JSON object on stdout instead of the summary.")
    boolean json;

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
        Propagator propagator = new Propagator(run.integratorSettings());
        OutputGrid grid = OutputGrid.uniform(0, run.until(), run.points());
        TrajectoryCsvWriter csv;
        try {
            csv = new TrajectoryCsvWriter(dir, generator);
        } catch (UncheckedIOException e) {
            throw new ScenarioException("--out", e.getMessage());
        }
        RunOutcome outcome;
        try (csv) {
            outcome = propagator.run(generator, grid, stopOnSteady ? SteadyStateCriterion.DEFAULT : null, csv);
        }
        double tau = generator.slowestRelaxationTime().orElse(Double.POSITIVE_INFINITY);
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.println(Reports.json(toJson(s, outcome, tau)));
        } else {
            printSummary(stdout, s, outcome, tau, csv);
        }
        stdout.flush();
        if (outcome.failed()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("coherent: run failed: " + Main.oneLine(outcome.failure()) + "; the trajectory up to t = "
                    + Reports.g(outcome.last().t()) + " is in " + csv.file());
            err.flush();
            return Main.RUN_FAILED;
        }
        return Main.OK;
    }

    private static ObjectNode toJson(Scenario s, RunOutcome outcome, double tau) {
        ObjectNode root = Reports.object();
        root.put("method", s.method());
        Reports.number(root, "until", outcome.last().t());
        SteadyStateVerdict v = outcome.steadyState();
        ObjectNode steady = root.putObject("steady_state");
        steady.put("reached", v.reached());
        Reports.number(steady, "time", v.time());
        steady.put("reason", v.reason());
        Reports.number(root, "relaxation_time", tau);
        root.set("observables", Reports.observables(outcome.last().observables(), s.model()));
        IntegrationStatistics st = outcome.statistics();
        ObjectNode integrator = root.putObject("integrator");
        integrator.put("name", st.integrator());
        integrator.put("steps", st.steps());
        integrator.put("rejected", st.rejected());
        integrator.put("evaluations", st.evaluations());
        ObjectNode accuracy = root.putObject("accuracy");
        Reports.number(accuracy, "atol", s.run().atol());
        Reports.number(accuracy, "rtol", s.run().rtol());
        Reports.number(accuracy, "quadrature_tolerance", s.run().quadratureTolerance());
        Reports.number(accuracy, "quadrature_error", Reports.largestError(outcome.last().observables(), s.model()));
        if (outcome.failed()) {
            root.put("failure", outcome.failure());
        }
        return root;
    }

    private static void printSummary(PrintWriter out, Scenario s, RunOutcome outcome, double tau, TrajectoryCsvWriter csv) {
        RunSettings r = s.run();
        out.printf(Locale.ROOT, "%s (%s), method %s: t = 0 .. %s, %d points%n", s.name(), s.source(), s.method(),
                Reports.g(r.until()), r.points());
        out.printf(Locale.ROOT, "final state at t = %s:%n", Reports.g(outcome.last().t()));
        Reports.printObservables(out, outcome.last().observables(), s.model());
        SteadyStateVerdict v = outcome.steadyState();
        out.println("steady state: " + (v.reached() ? "reached at t = " + Reports.g(v.time()) + " (" + v.reason() + ")"
                : v.reason()));
        out.println("relaxation time: " + Reports.g(tau) + (Double.isFinite(tau) ? " (slowest decaying mode)" : ""));
        IntegrationStatistics st = outcome.statistics();
        out.printf(Locale.ROOT, "integrator: %s (atol %s, rtol %s), %d steps (%d rejected), %d evaluations, %.2f s%n",
                st.integrator(), Reports.g(r.atol()), Reports.g(r.rtol()), st.steps(), st.rejected(), st.evaluations(),
                outcome.wallSeconds());
        out.printf(Locale.ROOT, "quadrature: tolerance %s, largest error estimate of the values above %.2g%n",
                Reports.g(r.quadratureTolerance()), Reports.largestError(outcome.last().observables(), s.model()));
        out.printf(Locale.ROOT, "trajectory: %s (%d rows)%n", csv.file(), csv.rows());
    }
}
