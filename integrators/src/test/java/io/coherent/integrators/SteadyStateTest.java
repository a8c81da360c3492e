package io.coherent.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bosonic.ExactDynamics;
import io.coherent.core.bosonic.PartialCollectiveModel;
import io.coherent.core.bosonic.SteadyStateSolver;
import io.coherent.core.quadrature.QuadratureTolerance;
import org.junit.jupiter.api.Test;

/**
 * The steady-state detector against x = 1/4 + 3/4 exp(-t/2): over the window [t - W, t] the observable
 * changes by 3/4 e^{-t/2} (e^{W/2} - 1) and |dx/dt| = 3/8 e^{-t/2}, so each rule has a closed-form time.
 */
class SteadyStateTest {
    private static final QuadratureTolerance Q = new QuadratureTolerance(1e-8, 1e-8, 200_000);
    private static final IntegratorSettings STEP_01 = new IntegratorSettings("dormand-prince-853", 1e-12, 1e-12, 0, 0.1);

    private static RunOutcome relax(boolean tauKnown, SteadyStateCriterion c) {
        return new Propagator(STEP_01).run(new Relaxation(1, 0.25, 2, 0, tauKnown), OutputGrid.uniform(0, 60, 601), c,
                s -> { });
    }

    @Test
    void theRelaxationTimeRuleStopsAtExactlyItsMultiple() {
        // flat (1e-4 over 1) from t = 16.98, |dx/dt| < 1e-3 from t = 11.85: 10 tau = 20 decides
        RunOutcome out = relax(true, new SteadyStateCriterion(1e-4, 1e-3, 1, 10));
        assertTrue(out.steadyState().reached(), out.steadyState().reason());
        assertEquals(20, out.steadyState().time(), 1e-9);
        assertEquals(20, out.last().t(), 1e-9);
        assertEquals("steady state", out.stoppedBy());
    }

    @Test
    void theWindowRuleStopsAtTheFirstFlatOutputTime() {
        // tau unknown: flat when 3/4 e^{-t/2} (e^{1/2} - 1) < 1e-4, i.e. t > 16.979; first output time 17.0;
        // the detector learns it at the end of that step (steps <= 0.1)
        double flat = 2 * Math.log(0.75 * (Math.exp(0.5) - 1) / 1e-4);
        assertEquals(16.979, flat, 1e-3);
        RunOutcome out = relax(false, new SteadyStateCriterion(1e-4, 1e-3, 1, 10));
        assertTrue(out.steadyState().reached(), out.steadyState().reason());
        assertTrue(out.steadyState().time() >= 17.0 && out.steadyState().time() <= 17.1 + 1e-9, out.steadyState().toString());
    }

    @Test
    void theDerivativeRuleIsLocatedWhereTheDerivativeCrossesItsTolerance() {
        // |dx/dt| = 3/8 e^{-t/2} < 1e-5 from t = 2 ln 37500 = 21.07, after the window (17) and 10 tau (20)
        RunOutcome out = relax(true, new SteadyStateCriterion(1e-4, 1e-5, 1, 10));
        assertTrue(out.steadyState().reached(), out.steadyState().reason());
        assertEquals(2 * Math.log(37500), out.steadyState().time(), 1e-6);
    }

    @Test
    void anOscillatingObservableNeverConverges() {
        RunOutcome out = new Propagator(STEP_01).run(new Relaxation(1, 0.25, 2, 3, true), OutputGrid.uniform(0, 60, 601),
                SteadyStateCriterion.DEFAULT, s -> { });
        assertFalse(out.steadyState().reached());
        assertTrue(out.steadyState().reason().startsWith("not reached by t = 60"), out.steadyState().reason());
        assertTrue(out.steadyState().reason().contains("observables still changed by 1.99"), out.steadyState().reason());
        assertEquals(60, out.last().t(), 1e-12);
    }

    /** Fig. 1(a) at its defaults: tau = 81.86; flat and quiet well before 10 tau, which decides. */
    @Test
    void fig1aStopsAtTenRelaxationTimes() {
        var model = PartialCollectiveModel.FIG_1A.toModel();
        var g = new ExactDynamics(model, Q);
        double tau = g.slowestRelaxationTime().orElseThrow();
        assertEquals(81.86, tau, 0.01);
        RunOutcome out = new Propagator(IntegratorSettings.DEFAULT).run(g, OutputGrid.uniform(0, 1000, 201),
                SteadyStateCriterion.DEFAULT, s -> { });
        assertNull(out.failure());
        assertTrue(out.steadyState().reached(), out.steadyState().reason());
        assertEquals(10 * tau, out.steadyState().time(), 1e-6);
        double steady = new SteadyStateSolver(QuadratureTolerance.STEADY_STATE).solve(model).observables().value("Jx");
        assertEquals(steady, out.last().observables().value("Jx"), 1e-6);
    }

    /** theta = pi/400: the antisymmetric mode relaxes on ~5e8; flat observables at t ~ 500 are a plateau. */
    @Test
    void smallThetaPlateauIsNotMistakenForConvergence() {
        var g = new ExactDynamics(PartialCollectiveModel.FIG_1A.withTheta(Math.PI / 400).toModel(), Q);
        RunOutcome out = new Propagator(IntegratorSettings.DEFAULT)
                .run(g, OutputGrid.uniform(0, 600, 121), SteadyStateCriterion.DEFAULT, s -> { });
        assertFalse(out.steadyState().reached());
        assertTrue(out.steadyState().reason().startsWith("plateau, not converged"), out.steadyState().reason());
        assertEquals(600, out.last().t(), 1e-9);
        assertNull(out.stoppedBy());
    }
}
