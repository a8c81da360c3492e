package io.coherent.app.cli;

import io.coherent.config.Scenario;
import io.coherent.config.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario and its overrides, shared by run and steady. */
public final class ScenarioOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO|PRESET",
            description = "A preset name (see `coherent presets`) or a YAML scenario file. Default: partial-collective.")
   public String scenario;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = {"Override a key (repeatable), e.g. --set theta=pi/8 --set T=0.5.",
                    "a preset's parameters (listed by `coherent presets`), e.g. theta, T for partial-collective;",
                    "every scenario: method (exact|redfield|secular|local-lindblad|leading-order), until, points, integrator, atol, "
                            + "rtol, quadrature_tolerance, frequency_support, frequency_cutoff, lamb_shift (true|false)."})
    public List<String> sets = new ArrayList<>();

   public Scenario load(List<String> extra) {
        List<String> all = new ArrayList<>(sets);
        all.addAll(extra);
        return ScenarioLoader.load(scenario, all);
    }
}
