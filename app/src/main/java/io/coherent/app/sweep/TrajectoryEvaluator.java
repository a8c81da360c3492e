package io.coherent.app.sweep;

import io.coherent.config.RunSettings;
import io.coherent.config.Scenario;
import io.coherent.core.dynamics.Generator;
import io.coherent.core.dynamics.Method;
import io.coherent.core.methods.Engines;
import io.coherent.integrators.OutputGrid;
import io.coherent.integrators.Propagator;
import io.coherent.integrators.RunOutcome;
import io.coherent.integrators.SteadyStateCriterion;

/**
 * The final sample of a trajectory, as {@code coherent run --stop-on-steady} computes it: the scenario's
 * method and integrator on a grid of {@code points} times up to {@code until}, stopping early once the
 * steady-state criterion ({@link SteadyStateCriterion#DEFAULT}) holds.
 */
public final class TrajectoryEvaluator implements PointEvaluator {

    @Override
    public String description() {
        return "final state of a trajectory (stops early once steady)";
    }

    @Override
    public PointResult evaluate(Scenario scenario) {
        RunSettings run = scenario.run();
        Generator generator = Engines.generator(scenario.model(), Method.of(scenario.method()), run.engineOptions());
        RunOutcome outcome = new Propagator(run.integratorSettings()).run(generator,
                OutputGrid.uniform(0, run.until(), run.points()), SteadyStateCriterion.DEFAULT, sample -> { });
        if (outcome.failed()) {
            throw new IllegalStateException(outcome.failure());
        }
        return new PointResult(outcome.last().observables(), outcome.steadyState().reached(), true,
                generator.slowestRelaxationTime().orElse(Double.NaN), outcome.last().t());
    }
}
