package io.coherent.app.cli;

import io.coherent.app.Main;
import io.coherent.app.plot.Quantities;
import io.coherent.config.Scenario;
import io.coherent.config.ScenarioLoader;
import io.coherent.core.dynamics.Method;
import io.coherent.core.methods.Engines;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import io.coherent.config.Preset;
import io.coherent.config.PresetParameter;
import io.coherent.config.Presets;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "presets", mixinStandardHelpOptions = true,
        description = "List the presets (the source papers' models) with their parameters, defaults, default method, "
                + "observables and units.")
public final class PresetsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Preset p : Presets.all()) {
            out.printf(Locale.ROOT, "%s: %s%n  default method %s%s%n", p.name(), p.description(), p.defaultMethod().id(),
                    p.lambShiftDefault() == null ? "" : ", lamb_shift " + p.lambShiftDefault());
            int width = p.parameters().stream().mapToInt(q -> q.name().length()).max().orElse(0);
            for (PresetParameter q : p.parameters()) {
                out.printf(Locale.ROOT, "  %s = %s  (%s%s)%n", Reports.pad(q.name(), width), q.defaultValue(), q.meaning(),
                        q.isChoice() ? "; one of " + String.join(", ", q.choices()) : "");
            }
            Scenario s = ScenarioLoader.loadPreset(p.name(), List.of());
            Map<Quantities.Group, List<String>> groups = new EnumMap<>(Quantities.Group.class);
            for (String name : Engines.observableNames(s.model(), Method.of(s.method()), s.run().engineOptions())) {
                groups.computeIfAbsent(Quantities.group(name), g -> new ArrayList<>()).add(name);
            }
            out.printf(Locale.ROOT, "  observables (%s):%n", s.method());
            groups.forEach((g, names) -> out.printf(Locale.ROOT, "    %s: %s%n", g.title(), String.join(", ", names)));
            out.println("  units: hbar = k_B = 1; frequencies, rates, energies and temperatures in one frequency unit (the"
                    + " parameters' values), times in its inverse, angles in radians");
        }
        out.flush();
        return Main.OK;
    }
}
