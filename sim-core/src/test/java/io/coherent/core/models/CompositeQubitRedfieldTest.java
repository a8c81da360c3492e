package io.coherent.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.dynamics.Generator;
import io.coherent.core.dynamics.GeneratorOde;
import io.coherent.core.dynamics.Method;
import io.coherent.core.master.MasterEquationOptions;
import io.coherent.core.master.MasterEquations;
import io.coherent.core.master.MasterSteadyState;
import io.coherent.core.models.CompositeQubitModel.Coupling;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

/**
 * The composite-coupling qubit through the master-equation engine: the steady-state coherence of non-secular
 * Redfield with the Lamb shift against the leading-order closed form (lambda -> 0 scaling), zero coherence without
 * the Lamb shift and in the secular equation, the approach to the Gibbs state, and a QuTiP brmesolve trajectory.
 */
class CompositeQubitRedfieldTest {

    private static final MasterEquationOptions LAMB = new MasterEquationOptions(true, QuadratureTolerance.STEADY_STATE, 1e-9);
    private static final MasterEquationOptions REAL_RATES = LAMB.withLambShift(false);

    private static ObservableSet steady(CompositeQubitModel m, Method method, MasterEquationOptions o) {
        MasterSteadyState ss = MasterEquations.steadyState(m.toSystem(), method, o);
        assertTrue(ss.unique(), ss.notes().toString());
        assertTrue(ss.residual() < 1e-12, "residual " + ss.residual());
        return ss.observables();
    }

    /** Relative deviation of the Redfield steady-state v1 from the leading-order closed form. */
    private static double deviation(CompositeQubitModel m) {
        double redfield = steady(m, Method.REDFIELD, LAMB).value("v1");
        double closed = m.leadingOrderCoherence().value();
        return (redfield - closed) / closed;
    }

    @Test
    void redfieldWithLambShiftApproachesTheClosedFormLinearlyInLambda() {
        // model 2 needs s > 1 or T = 0 (see rotatingWaveModelDivergesForOhmicBathsAtFiniteTemperature)
        List<CompositeQubitModel> cases = List.of(
                new CompositeQubitModel(1, 1, 1, 0.01, 5, 1, 0.5, Coupling.TRANSVERSE),
                new CompositeQubitModel(1, 1, 1, 0.01, 5, 3, 0.5, Coupling.TRANSVERSE),
                new CompositeQubitModel(1, 1, 1, 0.01, 5, 1, 0, Coupling.TRANSVERSE),
                new CompositeQubitModel(1, 1, 1, 0.01, 5, 3, 0.5, Coupling.ROTATING_WAVE),
                new CompositeQubitModel(1, 1, 1, 0.01, 5, 1, 0, Coupling.ROTATING_WAVE));
        for (CompositeQubitModel m : cases) {
            double d1 = deviation(m.withLambda(0.004));
            double d2 = deviation(m.withLambda(0.002));
            double d4 = deviation(m.withLambda(0.001));
            String at = m + ": " + d1 + ", " + d2 + ", " + d4;
            assertTrue(Math.abs(d1) < 0.05, at);
            // the next order is O(lambda): halving lambda halves the relative deviation ...
            assertEquals(2, d1 / d2, 0.2, at);
            assertEquals(2, d2 / d4, 0.1, at);
            // ... and the quadratic fit d = c0 + c1 lambda + c2 lambda^2 through the three points has c0 ~ 0
            double intercept = (8 * d4 - 6 * d2 + d1) / 3;
            assertEquals(0, intercept, 0.02 * Math.abs(d4), at);
        }
    }

    @Test
    void rotatingWaveModelDivergesForOhmicBathsAtFiniteTemperature() {
        // Model 2's generator contains i f1 f2 [S_+(0) - S_-(0)] (rho_eg - rho_ge) in the population equations, with
        // S_+(0) - S_-(0) = -int J(w) coth(w/2T)/w dw: logarithmically divergent for s <= 1 at T > 0. The engine refuses
        // it (the closed form, where only S_+(0) + S_-(0) = -lambda Omega Gamma(s) enters, stays finite).
        CompositeQubitModel m = new CompositeQubitModel(1, 1, 1, 0.01, 5, 1, 0.5, Coupling.ROTATING_WAVE);
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> MasterEquations.steadyState(m.toSystem(), Method.REDFIELD, LAMB));
        assertEquals("lamb_shift", e.field());
        // without the Lamb shift it is finite, and KMS makes Gibbs(H_S) its exact steady state
        assertEquals(0, steady(m, Method.REDFIELD, REAL_RATES).value("v1"), 1e-13);
    }

    @Test
    void coherenceComesFromTheLambShiftOnly() {
        for (Coupling c : Coupling.values()) {
            CompositeQubitModel m = new CompositeQubitModel(1, 1, 1, 0.01, 5, 3, 0.5, c);
            // real rates only: KMS makes the diagonal Gibbs state an exact steady state of the full tensor
            ObservableSet realRates = steady(m, Method.REDFIELD, REAL_RATES);
            assertEquals(0, realRates.value("v1"), 1e-13);
            assertEquals(-Math.tanh(1), realRates.value("v3"), 1e-12);
            for (MasterEquationOptions o : List.of(LAMB, REAL_RATES)) {
                ObservableSet secular = steady(m, Method.SECULAR, o);
                assertEquals(0, secular.value("v1"), 1e-13);
                assertEquals(0, secular.value("coherence_l1"), 1e-13);
            }
            assertTrue(Math.abs(steady(m, Method.REDFIELD, LAMB).value("v1")) > 0.01);
        }
    }

    @Test
    void populationsDeviateFromGibbsAtFirstOrderAndCoherenceIsReal() {
        // the exact reduced equilibrium (mean-force Gibbs state) differs from Gibbs(H_S) at O(lambda)
        CompositeQubitModel m = CompositeQubitModel.DEFAULTS;
        double gibbs = -Math.tanh(1);
        double dz1 = steady(m, Method.REDFIELD, LAMB).value("v3") - gibbs;
        double dz2 = steady(m.withLambda(0.005), Method.REDFIELD, LAMB).value("v3") - gibbs;
        assertTrue(Math.abs(dz1) > 1e-5 && Math.abs(dz1) < 0.05, "v3 - Gibbs = " + dz1);
        assertEquals(2, dz1 / dz2, 0.1);
        assertEquals(0, steady(m, Method.REDFIELD, LAMB).value("v2"), 1e-12);
    }

    @Test
    void propagationReachesTheNullSpaceSteadyState() {
        CompositeQubitModel m = new CompositeQubitModel(1, 1, 1, 0.01, 5, 3, 0.5, Coupling.ROTATING_WAVE);
        Generator g = MasterEquations.generator(m.toSystem(), Method.REDFIELD, LAMB);
        double tau = g.slowestRelaxationTime().orElseThrow();
        var integrator = new DormandPrince853Integrator(1e-9, 40 * tau, 1e-12, 1e-12);
        double[] y = integrator.integrate(new GeneratorOde(g), new ODEState(0, g.initialState()), 40 * tau).getPrimaryState();
        ObservableSet late = g.observe(40 * tau, y);
        ObservableSet ss = steady(m, Method.REDFIELD, LAMB);
        assertEquals(ss.value("v1"), late.value("v1"), 1e-10);
        assertEquals(ss.value("v3"), late.value("v3"), 1e-10);
    }

    @Test
    void realRateTrajectoryMatchesQutipBrmesolve() {
        // fixture composite_qubit_redfield.csv: model 1, lambda = 0.02, T = 0.5, from |g>; QuTiP has no Lamb shift
        CompositeQubitModel m = new CompositeQubitModel(1, 1, 1, 0.02, 5, 1, 0.5, Coupling.TRANSVERSE);
        OpenSystem s = m.toSystem();
        OpenSystem fromGround = new OpenSystem(s.space(), s.hamiltonian(), s.reservoirs(),
                Operators.projector(Operators.basisKet(2, 1)), s.observables(), s.elements(), s.particleNumber());
        Generator g = MasterEquations.generator(fromGround, Method.REDFIELD, REAL_RATES);
        List<double[]> rows = Fixtures.read("composite_qubit_redfield.csv");
        var integrator = new DormandPrince853Integrator(1e-9, 10, 1e-12, 1e-12);
        ODEStateAndDerivative state = null;
        double t = 0;
        double[] y = g.initialState();
        double worst = 0;
        for (double[] row : rows) {
            if (row[0] < 0) {
                // steady state of the QuTiP tensor for lambda = -row[0]
                ObservableSet ss = steady(m.withLambda(-row[0]), Method.REDFIELD, REAL_RATES);
                assertEquals(row[1], ss.value("v1"), 1e-12);
                assertEquals(row[3], ss.value("v3"), 1e-12);
                continue;
            }
            if (row[0] > t) {
                state = integrator.integrate(new GeneratorOde(g), new ODEState(t, y), row[0]);
                y = state.getPrimaryState();
                t = row[0];
            }
            ObservableSet o = g.observe(t, y);
            worst = Math.max(worst, Math.abs(o.value("v1") - row[1]));
            worst = Math.max(worst, Math.abs(o.value("v2") - row[2]));
            worst = Math.max(worst, Math.abs(o.value("v3") - row[3]));
        }
        assertTrue(worst < 1e-8, "max deviation from QuTiP " + worst);
    }
}
