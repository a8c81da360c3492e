package io.coherent.app.compare;

import io.coherent.core.dynamics.RelaxationTime;
import io.coherent.core.methods.SteadyStateReport;
import io.coherent.integrators.RunOutcome;
import io.coherent.integrators.Sample;
import java.nio.file.Path;
import java.util.List;

/**
 * One method's part of a comparison: its trajectory on the shared output grid, how the run ended, its
 * steady state computed directly, and where its trajectory was written.
 *
 * @param method         the method id
 * @param samples        the samples in time order (fewer than the grid has if the run failed)
 * @param outcome        how the time propagation ended (integrator statistics, failure)
 * @param steady         the steady state from {@code Engines.steadyState}
 * @param relaxation     the slowest relaxation time with its accuracy: the generator's (from its poles or Liouvillian)
 *                       where it knows it, otherwise the steady-state solver's; infinite if nothing decays
 * @param csv            the trajectory CSV
 */
public record MethodRun(String method, List<Sample> samples, RunOutcome outcome,
                        SteadyStateReport steady, RelaxationTime relaxation, Path csv) {

    public MethodRun {
        samples = List.copyOf(samples);
    }

    /** The last sample of the trajectory. */
    public Sample last() {
        return samples.get(samples.size() - 1);
    }
}
