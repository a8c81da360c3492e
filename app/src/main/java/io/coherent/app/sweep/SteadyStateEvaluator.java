package io.coherent.app.sweep;

import io.coherent.config.Scenario;
import io.coherent.core.dynamics.Method;
import io.coherent.core.methods.Engines;
import io.coherent.core.methods.SteadyStateReport;

/**
 * The steady state computed directly by the scenario's method ({@link Engines#steadyState}): the frequency
 * formula for exact, the Lyapunov equation of the second-moment master equations, or the null space of a
 * finite system's Liouvillian.
 */
public final class SteadyStateEvaluator implements PointEvaluator {

    @Override
    public String description() {
        return "steady state";
    }

    @Override
    public PointResult evaluate(Scenario scenario) {
        SteadyStateReport ss = Engines.steadyState(scenario.model(), Method.of(scenario.method()),
                scenario.run().engineOptions());
        return new PointResult(ss.observables(), ss.converged(), ss.relaxationTime(), Double.POSITIVE_INFINITY);
    }
}
