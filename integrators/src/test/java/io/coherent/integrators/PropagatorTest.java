package io.coherent.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bosonic.ExactDynamics;
import io.coherent.core.bosonic.PartialCollectiveModel;
import io.coherent.core.bosonic.SteadyStateSolver;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropagatorTest {
    private static final QuadratureTolerance Q = new QuadratureTolerance(1e-9, 1e-9, 200_000);

    @Test
    void samplesEveryGridTimeInOrderFromDenseOutput() {
        var g = new ExactDynamics(PartialCollectiveModel.FIG_1A.toModel(), Q);
        List<Sample> samples = new ArrayList<>();
        OutputGrid grid = OutputGrid.uniform(0, 7, 141);
        RunOutcome out = new Propagator(IntegratorSettings.DEFAULT).run(g, grid, null, samples::add);
        assertNull(out.failure());
        assertEquals(141, samples.size());
        for (int i = 0; i < 141; i++) {
            assertEquals(grid.time(i), samples.get(i).t(), 1e-12);
        }
        assertTrue(out.statistics().steps() > 0 && out.statistics().evaluations() > out.statistics().steps());
        assertTrue(out.statistics().steps() < 140, "steps are longer than the output spacing: samples come from dense output");
    }

    @Test
    void stopsARelaxingRunOnceConvergedAndPastTenRelaxationTimes() {
        var model = PartialCollectiveModel.FIG_1A.withTheta(Math.PI / 4).toModel();
        var g = new ExactDynamics(model, Q);
        double tau = g.slowestRelaxationTime().orElseThrow();
        RunOutcome out = new Propagator(IntegratorSettings.DEFAULT)
                .run(g, OutputGrid.uniform(0, 60 * tau, 601), SteadyStateCriterion.DEFAULT, s -> { });
        assertTrue(out.steadyState().reached(), out.steadyState().reason());
        assertTrue(out.steadyState().time() >= 10 * tau && out.steadyState().time() < 30 * tau,
                "stopped at " + out.steadyState().time() + " with tau " + tau);
        assertTrue(out.last().t() < 60 * tau, "the run stopped early");
        double steady = new SteadyStateSolver(QuadratureTolerance.STEADY_STATE).solve(model).observables().value("Jx");
        assertEquals(steady, out.last().observables().value("Jx"), 1e-5);
    }

    /** theta = pi/400: the antisymmetric mode relaxes on ~5e8; flat observables at t ~ 500 are a plateau. */
    @Test
    void smallThetaPlateauIsNotMistakenForConvergence() {
        var g = new ExactDynamics(PartialCollectiveModel.FIG_1A.withTheta(Math.PI / 400).toModel(), Q);
        RunOutcome out = new Propagator(IntegratorSettings.DEFAULT)
                .run(g, OutputGrid.uniform(0, 600, 121), SteadyStateCriterion.DEFAULT, s -> { });
        assertFalse(out.steadyState().reached());
        assertTrue(out.steadyState().reason().startsWith("plateau"), out.steadyState().reason());
        assertEquals(600, out.last().t(), 1e-9);
    }
}
