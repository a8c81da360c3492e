package io.coherent.app.cli;

import io.coherent.app.Main;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coherent.config.Scenario;
import io.coherent.core.dynamics.Method;
import io.coherent.core.methods.Engines;
import io.coherent.core.methods.SteadyStateReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "steady", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"The steady state of a scenario directly, no time stepping: the frequency formula (exact), the "
                + "second-moment Lyapunov equation (master equations on bilinear models), or for finite systems the null "
                + "space of the Liouvillian (d <= 30) or preconditioned GMRES (larger d)."})
public final class SteadyCommand implements Callable<Integer> {

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--json", description = "Print one JSON object on stdout instead of the summary.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Scenario s = scenario.load(List.of());
        SteadyStateReport ss = solve(s);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Reports.json(toJson(s, ss)));
        } else {
            out.printf(Locale.ROOT, "%s (%s), method %s: steady state from the %s%n", s.name(), s.source(), ss.method(),
                    ss.how());
            Reports.printObservables(out, ss.observables(), s.model());
            out.printf(Locale.ROOT, "error estimate: %s (largest of the above; %s%s)%n",
                    Reports.error(new io.coherent.core.observables.Estimate(1, ss.errorEstimate())),
                    ss.converged() ? "converged" : "NOT converged",
                    ss.evaluations() >= 0 ? ", quadrature tolerance " + Reports.g(s.run().steadyQuadratureTolerance())
                            + ", " + ss.evaluations() + " integrand evaluations"
                            : String.format(Locale.ROOT, ", residual %.2g", ss.residual())
                            + (ss.iterations() >= 0 ? ", " + ss.iterations() + " " + ss.solver() + " iterations" : ""));
            out.println("relaxation time: " + Reports.relaxationText(ss.relaxation()));
            out.println("undamped (decoherence-free or dark) dimensions: " + ss.undamped() + (ss.unique()
                    ? " (the steady state is unique)"
                    : " (the steady state depends on the initial state; this is the one reached from it" + (ss.timeAveraged()
                            ? "; undamped modes keep oscillating, values are time averages)" : ")")));
            if (ss.hierarchy() != null) {
                out.println(Reports.hierarchyLine(ss.hierarchy()));
            }
            ss.notes().forEach(n -> out.println("note: " + n));
        }
        out.flush();
        return Main.OK;
    }

    /** The steady state of a scenario with its method: the one computation behind {@code steady} and the server's. */
    public static SteadyStateReport solve(Scenario s) {
        return Engines.steadyState(s.model(), Method.of(s.method()), s.run().engineOptions());
    }

    /** The object {@code steady --json} prints (and {@code POST /api/steady} answers). */
    public static ObjectNode toJson(Scenario s, SteadyStateReport ss) {
        ObjectNode root = Reports.object();
        root.set("observables", Reports.observables(ss.observables(), s.model()));
        Reports.number(root, "error_estimate", ss.errorEstimate());
        root.set("error_estimates", Reports.errors(ss.observables(), s.model()));
        Reports.relaxation(root, ss.relaxation());
        root.put("converged", ss.converged());
        if (ss.evaluations() >= 0) {
            root.put("evaluations", ss.evaluations());
        } else {
            root.putNull("evaluations");
        }
        root.put("decoherence_free_modes", ss.undamped());
        root.put("time_averaged", ss.timeAveraged());
        root.put("method", ss.method());
        root.put("solver", ss.solver());
        if (ss.iterations() >= 0) {
            root.put("iterations", ss.iterations());
        } else {
            root.putNull("iterations");
        }
        root.put("unique", ss.unique());
        Reports.number(root, "residual", ss.residual());
        ArrayNode notes = root.putArray("notes");
        ss.notes().forEach(notes::add);
        if (ss.hierarchy() != null) {
            root.set("hierarchy", Reports.hierarchy(ss.hierarchy(), ss.observables(), List.of()));
        }
        return root;
    }
}
