package io.coherent.app;

import io.coherent.app.cli.PresetsCommand;
import io.coherent.app.cli.RunCommand;
import io.coherent.app.cli.SteadyCommand;
import io.coherent.app.cluster.SubscribeCommand;
import io.coherent.app.cluster.WorkerCommand;
import io.coherent.app.compare.CompareCommand;
import io.coherent.app.server.ServeCommand;
import io.coherent.app.sweep.SweepCommand;
import io.coherent.config.ScenarioException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code coherent} command line. Exit codes: 0 success; 1 a run that failed (or an internal error);
 * 2 bad input (unknown key, value out of range, unknown preset or file, bad option), reported as one
 * line {@code coherent: <message>} on stderr without a stack trace (set COHERENT_DEBUG=1 for one).
 */
@Command(name = "coherent", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {RunCommand.class, SteadyCommand.class, CompareCommand.class, SweepCommand.class, WorkerCommand.class,
                ServeCommand.class, SubscribeCommand.class,
                PresetsCommand.class, CommandLine.HelpCommand.class},
        description = {"Watching open quantum systems relax: exact non-Markovian dynamics of bilinear bosonic models "
                + "and master equations (Redfield, secular, local Lindblad) for any finite system.",
                "",
                "Commands:",
                "  run        propagate a scenario in time: DIR/trajectory.csv and a figure",
                "  steady     the steady state directly (frequency formula, Lyapunov equation",
                "             or the Liouvillian's null space)",
                "  compare    several methods on one model: overlaid trajectories, steady",
                "             states, where they part",
                "  sweep      one or two parameters over a grid: DIR/results.csv and figures",
                "  presets    the papers' models: parameters, defaults, observables",
                "  serve      a web page and JSON API: start runs, watch them live",
                "  subscribe  print a served run's samples from another JVM (serve --cluster)",
                "  worker     evaluate points of clustered sweeps (sweep --cluster)",
                "  help       a command's options: coherent help COMMAND",
                "",
                "A scenario is a preset (default: partial-collective) or a YAML file; change",
                "any key with --set key=value."})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int RUN_FAILED = 1;
    public static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        CommandLine cmd = commandLine();
        int code;
        try {
            code = cmd.execute(args);
        } catch (OutOfMemoryError e) {
            // one line instead of a stack trace; the model limits (COHERENT_MAX_DIMENSION) keep most runs from here
            cmd.getErr().println("coherent: out of memory (" + e.getMessage() + "): give the JVM more heap (-Xmx) or "
                    + "make the model smaller");
            code = RUN_FAILED;
        }
        cmd.getOut().flush();
        cmd.getErr().flush();
        System.exit(code);
    }

    /** The command line with coherent's error handling; tests set its out/err writers. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Main());
        // the description lists the commands once, in words that fit 80 columns; not picocli's list again
        cmd.getHelpSectionMap().remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING);
        cmd.getHelpSectionMap().remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST);
        cmd.setExecutionExceptionHandler(EXECUTION_ERRORS);
        cmd.setParameterExceptionHandler(PARAMETER_ERRORS);
        return cmd;
    }

    private static final IExecutionExceptionHandler EXECUTION_ERRORS = (ex, cmd, parseResult) -> {
        PrintWriter err = cmd.getErr();
        int code;
        if (ex instanceof ScenarioException || ex instanceof IllegalArgumentException) {
            // ScenarioException, sim-core's InvalidModelException, settings' IllegalArgumentException
            err.println("coherent: " + oneLine(ex.getMessage()));
            code = BAD_INPUT;
        } else if (ex instanceof UncheckedIOException io) {
            err.println("coherent: " + oneLine(io.getMessage()));
            code = RUN_FAILED;
        } else {
            err.println("coherent: internal error: " + oneLine(String.valueOf(ex)));
            code = RUN_FAILED;
        }
        if (System.getenv("COHERENT_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    };

    private static final IParameterExceptionHandler PARAMETER_ERRORS = (ex, args) -> {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println("coherent: " + oneLine(ex.getMessage()) + " (see '"
                + cmd.getCommandSpec().qualifiedName() + " --help')");
        cmd.getErr().flush();
        return BAD_INPUT;
    };

    /** A message for one line of stderr: {@link ScenarioException#oneLine}, the one rule of the product. */
    public static String oneLine(String s) {
        return ScenarioException.oneLine(s);
    }

    /** The version from the jar's Maven metadata. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/META-INF/maven/io.coherent/app/pom.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // fall through to "unknown"
            }
            return new String[] {"coherent " + p.getProperty("version", "(development build)")};
        }
    }
}
