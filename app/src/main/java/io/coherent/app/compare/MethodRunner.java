package io.coherent.app.compare;

import io.coherent.config.RunSettings;
import io.coherent.core.dynamics.Generator;
import io.coherent.core.dynamics.RelaxationTime;
import io.coherent.core.dynamics.Method;
import io.coherent.core.dynamics.Model;
import io.coherent.core.methods.Engines;
import io.coherent.core.methods.SteadyStateReport;
import io.coherent.integrators.OutputGrid;
import io.coherent.integrators.Propagator;
import io.coherent.integrators.RunOutcome;
import io.coherent.integrators.Sample;
import io.coherent.observers.TrajectoryCsvWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one method on a model: the steady state directly, then the trajectory on the uniform grid of the run
 * settings, each sample written to {@code DIR/trajectory.csv} and kept in memory for the comparison. The only
 * place the comparison touches the propagator.
 */
public final class MethodRunner {
    private final Model model;
    private final RunSettings run;

    public MethodRunner(Model model, RunSettings run) {
        this.model = model;
        this.run = run;
    }

    /** The shared output grid: {@code points} uniform times from 0 to {@code until}. */
    private OutputGrid grid() {
        return OutputGrid.uniform(0, run.until(), run.points());
    }

    /**
     * The generator of a method on the model; building it is the check that the method applies.
     *
     * @throws io.coherent.core.bath.InvalidModelException (one line naming {@code method}) if it does not apply
     */
    public Generator generator(Method method) {
        return Engines.generator(model, method, run.engineOptions());
    }

    /**
     * @param generator the method's generator on the model (from {@link #generator})
     * @param dir       where the trajectory CSV goes (created if needed)
     * @throws java.io.UncheckedIOException if the CSV cannot be written
     */
    public MethodRun run(Method method, Generator generator, Path dir) {
        SteadyStateReport steady = Engines.steadyState(model, method, run.engineOptions());
        List<Sample> samples = new ArrayList<>(run.points());
        RunOutcome outcome;
        TrajectoryCsvWriter csv = new TrajectoryCsvWriter(dir, generator);
        try (csv) {
            outcome = new Propagator(run.integratorSettings()).run(generator, grid(), null, csv.andThen(samples::add));
        }
        RelaxationTime relaxation = generator.relaxation();
        return new MethodRun(method.id(), samples, outcome, steady,
                relaxation.computed() ? relaxation : steady.relaxation(), csv.file());
    }
}
