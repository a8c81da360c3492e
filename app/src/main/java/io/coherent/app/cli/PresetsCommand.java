package io.coherent.app.cli;

import io.coherent.app.Main;
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
        description = "List the presets (the source papers' models) with their parameters, defaults and default method.")
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
        }
        out.flush();
        return Main.OK;
    }
}
