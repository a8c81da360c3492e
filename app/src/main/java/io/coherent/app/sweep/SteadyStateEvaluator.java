package io.coherent.app.sweep;

import io.coherent.config.Scenario;
import io.coherent.core.dynamics.Method;
import io.coherent.core.methods.Engines;
import io.coherent.core.methods.SteadyStateReport;

/**
 * The steady state computed directly, as {@code coherent steady} does: the frequency formula (exact), the
 * second-moment Lyapunov equation (master equations on bilinear models) or the null space of the Liouvillian
 * (finite systems), for the scenario's method.
 */
public final class SteadyStateEvaluator implements PointEvaluator {

    @Override
    public String description() {
        return "steady state (direct)";
    }

    @Override
    public void check(Scenario scenario) {
        Engines.generator(scenario.model(), Method.of(scenario.method()), scenario.run().engineOptions());
    }

    @Override
    public PointResult evaluate(Scenario scenario) {
        SteadyStateReport ss = Engines.steadyState(scenario.model(), Method.of(scenario.method()),
                scenario.run().engineOptions());
        return new PointResult(ss.observables(), ss.converged(), ss.relaxationTime(), Double.POSITIVE_INFINITY);
    }
}
