package io.coherent.app.sweep;

import io.coherent.config.Scenario;
import io.coherent.config.ScenarioException;
import io.coherent.core.bosonic.BilinearModel;
import io.coherent.core.bosonic.SteadyState;
import io.coherent.core.bosonic.SteadyStateSolver;
import io.coherent.core.dynamics.Method;

/** The steady state straight from the frequency formula (method exact on bilinear models). */
public final class SteadyStateEvaluator implements PointEvaluator {

    @Override
    public String description() {
        return "steady state (frequency formula)";
    }

    @Override
    public void check(Scenario scenario) {
        if (!Method.EXACT.id().equals(scenario.method()) || !(scenario.model() instanceof BilinearModel)) {
            throw new ScenarioException("method", "--steady: the direct steady state is available for method exact on "
                    + "bilinear models only (this scenario: method " + scenario.method() + "); use --run --until T");
        }
    }

    @Override
    public PointResult evaluate(Scenario scenario) {
        check(scenario);
        SteadyState ss = new SteadyStateSolver(scenario.run().steadyQuadrature()).solve(scenario.bilinearModel());
        return new PointResult(ss.observables(), ss.converged(), ss.relaxationTime(), Double.POSITIVE_INFINITY);
    }
}
