package io.coherent.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coherent.config.Scenario;
import io.coherent.core.bosonic.SteadyState;
import io.coherent.core.bosonic.SteadyStateSolver;
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
        description = {"The steady state of a scenario straight from the frequency formula (no time stepping)."})
final class SteadyCommand implements Callable<Integer> {

    @Mixin
    ScenarioOptions scenario;

    @Option(names = "--json", description = "Print one JSON object on stdout instead of the summary.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Scenario s = scenario.load(List.of());
        SteadyState ss = new SteadyStateSolver(s.run().steadyQuadrature()).solve(s.bilinearModel());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = Reports.object();
            root.set("observables", Reports.observables(ss.observables(), s.model()));
            Reports.number(root, "error_estimate", ss.errorEstimate());
            Reports.number(root, "relaxation_time", ss.relaxationTime());
            root.put("converged", ss.converged());
            root.put("evaluations", ss.evaluations());
            root.put("decoherence_free_modes", ss.decoherenceFreeModes());
            root.put("time_averaged", ss.timeAveraged());
            out.println(Reports.json(root));
        } else {
            out.printf(Locale.ROOT, "%s (%s): steady state from the frequency formula%n", s.name(), s.source());
            Reports.printObservables(out, ss.observables(), s.model());
            out.printf(Locale.ROOT, "error estimate: %.2g (quadrature tolerance %s; %s, %d integrand evaluations)%n",
                    ss.errorEstimate(), Reports.g(s.run().steadyQuadratureTolerance()),
                    ss.converged() ? "converged" : "NOT converged within the evaluation budget", ss.evaluations());
            out.println("relaxation time: " + Reports.g(ss.relaxationTime()));
            out.println("decoherence-free modes: " + ss.decoherenceFreeModes() + (ss.decoherenceFreeModes() == 0
                    ? " (the steady state is unique)"
                    : " (the steady state depends on the initial state" + (ss.timeAveraged()
                            ? "; decoherence-free modes keep oscillating, values are time averages)" : ")")));
        }
        out.flush();
        return Main.OK;
    }
}
