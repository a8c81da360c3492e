package io.coherent.app.sweep;

import io.coherent.config.Scenario;
import io.coherent.core.dynamics.Method;
import io.coherent.core.methods.Engines;
import io.coherent.core.methods.SteadyStateReport;
import java.util.List;

/**
 * The steady state computed directly by the scenario's method ({@link Engines#steadyState}): the frequency
 * formula for exact, the Lyapunov equation of the second-moment master equations, the null space of a
 * finite system's Liouvillian, or the leading-order closed forms.
 */
public final class SteadyStateEvaluator implements PointEvaluator {

    @Override
    public String description() {
        return "steady state";
    }

    /** The steady state's observables ({@link Engines#observableNames}): leading-order has no generator. */
    @Override
    public List<String> observableNames(Scenario scenario) {
        return Engines.observableNames(scenario.model(), Method.of(scenario.method()), scenario.run().engineOptions());
    }

    @Override
    public PointResult evaluate(Scenario scenario) {
        SteadyStateReport ss = Engines.steadyState(scenario.model(), Method.of(scenario.method()),
                scenario.run().engineOptions());
        return new PointResult(ss.observables(), ss.converged(), ss.unique(), ss.relaxationTime(), Double.POSITIVE_INFINITY);
    }
}
