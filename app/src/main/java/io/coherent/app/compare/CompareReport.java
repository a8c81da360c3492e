package io.coherent.app.compare;

import io.coherent.app.cli.Reports;
import io.coherent.core.dynamics.RelaxationTime;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coherent.app.compare.Comparison.MethodValues;
import io.coherent.app.compare.Comparison.ObservableComparison;
import io.coherent.config.RunSettings;
import io.coherent.config.Scenario;
import io.coherent.core.observables.Estimate;
import io.coherent.integrators.IntegrationStatistics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What compare prints: a table per observable, or one JSON object. */
final class CompareReport {
    private final Scenario scenario;
    private final List<MethodRun> runs;
    private final Comparison comparison;
    private final Map<String, String> skipped;
    private final Path dir;
    private final Path overview;

    CompareReport(Scenario scenario, List<MethodRun> runs, Comparison comparison, Map<String, String> skipped, Path dir,
                  Path overview) {
        this.scenario = scenario;
        this.runs = List.copyOf(runs);
        this.comparison = comparison;
        this.skipped = Map.copyOf(skipped);
        this.dir = dir;
        this.overview = overview;
    }

    void print(PrintWriter out) {
        RunSettings r = scenario.run();
        out.printf(Locale.ROOT, "%s (%s): %s on t = 0 .. %s, %d points%n", scenario.name(), scenario.source(),
                String.join(", ", runs.stream().map(MethodRun::method).toList()), Reports.g(r.until()), r.points());
        skipped.forEach((m, why) -> out.println("skipped " + m + ": " + why));
        out.printf(Locale.ROOT, "accuracy: trajectories %s with atol %s, rtol %s (each sample to about atol + rtol |x| per "
                        + "step) plus the quadrature error shown with each value (tolerance %s); steady states: the error "
                        + "estimate shown with each value%n", r.integrator(), Reports.g(r.atol()), Reports.g(r.rtol()),
                Reports.g(r.quadratureTolerance()));
        int width = Math.max(6, runs.stream().mapToInt(m -> m.method().length()).max().orElse(0));
        out.printf(Locale.ROOT, "  %s  %-24s %-9s %-7s %-8s %s%n", Reports.pad("method", width), "relaxation time",
                "steps", "wall s", "rows", "steady state from");
        for (MethodRun run : runs) {
            IntegrationStatistics st = run.outcome().statistics();
            RelaxationTime tau = run.relaxation();
            String relaxation = !tau.computed() ? "not computed" : Reports.g(tau.time()) + (tau.estimated()
                    ? String.format(Locale.ROOT, " +- %.1g", tau.error()) : " (not estimated)");
            out.printf(Locale.ROOT, "  %s  %-24s %-9d %-7.2f %-8d %s (error estimate %s%s)%n",
                    Reports.pad(run.method(), width), relaxation, st.steps(),
                    run.outcome().wallSeconds(), run.samples().size(), run.steady().how(), Reports.error(new Estimate(0, run.steady().errorEstimate())),
                    run.steady().converged() ? "" : ", NOT converged");
        }
        for (MethodRun run : runs) {
            List<Double> bad = run.samples().stream().filter(x -> !x.converged()).map(x -> x.t()).toList();
            if (!bad.isEmpty()) {
                out.printf(Locale.ROOT, "  %s: NOT converged: %d of %d samples (t from %s to %s) have error estimates above"
                                + " the tolerance asked%n", run.method(), bad.size(), run.samples().size(),
                        Reports.g(bad.get(0)), Reports.g(bad.get(bad.size() - 1)));
            }
        }
        out.printf(Locale.ROOT, "reference %s; a method parts from it when |difference| > %s; * marks a steady state that "
                + "differs by more than that plus both error estimates%n", comparison.reference(),
                Reports.g(comparison.tolerance()));
        for (ObservableComparison o : comparison.observables()) {
            MethodValues first = o.methods().get(0);
            out.printf(Locale.ROOT, "%s%n  %s  %-29s %-29s %-11s %s%n", o.name(), Reports.pad("method", width),
                    "steady state (direct)", "final sample (t = " + Reports.g(first.lastTime()) + ")", "max |diff|",
                    "parts at t");
            for (MethodValues v : o.methods()) {
                boolean reference = v == first;
                out.printf(Locale.ROOT, "  %s  %-29s %-29s %-11s %s%n", Reports.pad(v.method(), width),
                        (comparison.steadyStatesDiffer(o, v) ? "*" : " ") + estimate(v.steady()), " " + estimate(v.last()),
                        reference ? "-" : String.format(Locale.ROOT, "%.3g", v.maxDifference()),
                        reference ? "-" : v.parts() ? Reports.g(v.partingTime()) : "never");
            }
        }
        out.println("trajectories: " + String.join(", ", runs.stream().map(r1 -> r1.csv().toString()).toList()));
        out.println("figures: " + dir.resolve("<observable>.png") + " and .svg; overview " + overview);
    }

    private static String estimate(Estimate e) {
        return e == null ? "(not computed)" : Reports.valueWithError(e);
    }

    ObjectNode json() {
        ObjectNode root = Reports.object();
        root.put("scenario", scenario.name());
        root.put("source", scenario.source());
        RunSettings r = scenario.run();
        Reports.number(root, "until", r.until());
        root.put("points", r.points());
        root.put("reference", comparison.reference());
        Reports.number(root, "tolerance", comparison.tolerance());
        ArrayNode methods = root.putArray("methods");
        runs.forEach(run -> methods.add(run.method()));
        ObjectNode skippedNode = root.putObject("skipped");
        skipped.forEach(skippedNode::put);
        ObjectNode accuracy = root.putObject("accuracy");
        accuracy.put("integrator", r.integrator());
        Reports.number(accuracy, "atol", r.atol());
        Reports.number(accuracy, "rtol", r.rtol());
        Reports.number(accuracy, "quadrature_tolerance", r.quadratureTolerance());
        Reports.number(accuracy, "steady_quadrature_tolerance", r.steadyQuadratureTolerance());
        ObjectNode runsNode = root.putObject("runs");
        for (MethodRun run : runs) {
            ObjectNode n = runsNode.putObject(run.method());
            Reports.relaxation(n, run.relaxation());
            n.put("steady_state_from", run.steady().how());
            Reports.number(n, "steady_error_estimate", run.steady().errorEstimate());
            n.put("steady_converged", run.steady().converged());
            n.put("steady_unique", run.steady().unique());
            IntegrationStatistics st = run.outcome().statistics();
            n.put("steps", st.steps());
            n.put("evaluations", st.evaluations());
            Reports.number(n, "wall_seconds", run.outcome().wallSeconds());
            n.put("trajectory", run.csv().toString());
            n.put("rows", run.samples().size());
            n.put("samples_not_converged", run.samples().stream().filter(x -> !x.converged()).count());
            if (run.outcome().failed()) {
                n.put("failure", run.outcome().failure());
            }
        }
        ObjectNode obs = root.putObject("observables");
        for (ObservableComparison o : comparison.observables()) {
            ObjectNode on = obs.putObject(o.name());
            for (MethodValues v : o.methods()) {
                ObjectNode m = on.putObject(v.method());
                estimate(m, "steady", v.steady());
                estimate(m, "final", v.last());
                Reports.number(m, "final_time", v.lastTime());
                if (v != o.methods().get(0)) {
                    Reports.number(m, "max_difference", v.maxDifference());
                    Reports.number(m, "steady_difference", v.steadyDifference());
                    m.put("steady_differs", comparison.steadyStatesDiffer(o, v));
                    if (v.parts()) {
                        Reports.number(m, "parting_time", v.partingTime());
                    }
                }
            }
        }
        root.put("figures", dir.toString());
        root.put("overview", overview.toString());
        return root;
    }

    private static void estimate(ObjectNode node, String key, Estimate e) {
        if (e == null) {
            node.putNull(key);
            node.putNull(key + "_error");
        } else {
            Reports.number(node, key, e.value());
            Reports.number(node, key + "_error", e.error());
        }
    }
}
