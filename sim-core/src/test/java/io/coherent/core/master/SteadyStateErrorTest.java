package io.coherent.core.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.dynamics.Method;
import io.coherent.core.models.CompositeQubitModel;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The steady state's error estimates with the Lamb shift on (first-order sensitivity to the principal values'
 * quadrature errors, plus the solver's part) against a reference computed with a quadrature tolerance of 1e-14:
 * every observable's difference must be within its estimate, and the estimates must be realistic (the currents'
 * were 1e2 times the current at d = 60 with the former norm bounds).
 */
class SteadyStateErrorTest {
    private static final QuadratureTolerance REFERENCE = new QuadratureTolerance(1e-14, 1e-14, 4_000_000);

    private static ObservableSet steady(OpenSystem s, Method m, QuadratureTolerance q, String solver) {
        MasterSteadyState ss = MasterEquations.steadyState(s, m, new MasterEquationOptions(true, q, 1e-9));
        assertEquals(solver, ss.solver());
        return ss.observables();
    }

    private static void assertWithinEstimate(ObservableSet reference, ObservableSet computed, String label) {
        for (String name : computed.values().keySet()) {
            double difference = Math.abs(computed.value(name) - reference.value(name));
            assertTrue(difference <= computed.error(name),
                    label + " " + name + ": |difference| " + difference + " > estimate " + computed.error(name));
        }
    }

    @Test
    void denseNullSpaceEstimatesBoundTheErrorForTheCompositeQubitAndAQubitWithAnOscillator() {
        for (OpenSystem s : List.of(CompositeQubitModel.DEFAULTS.toSystem(), IterativeSteadyStateTest.qubitOscillator(9, 0.01, 1.0, 0.3))) {
            for (Method m : List.of(Method.REDFIELD, Method.LOCAL_LINDBLAD)) {
                String label = "d=" + s.dimension() + " " + m.id();
                ObservableSet computed = steady(s, m, QuadratureTolerance.STEADY_STATE, MasterSteadyState.DENSE_SVD);
                assertWithinEstimate(steady(s, m, REFERENCE, MasterSteadyState.DENSE_SVD), computed, label);
                for (String name : computed.values().keySet()) {
                    assertTrue(computed.error(name) < 1e-9, label + " " + name + " estimate " + computed.error(name));
                }
            }
        }
    }

    @Test
    void gmresEstimatesBoundTheErrorAndTheCurrentsBalanceAtDimension60() {
        OpenSystem s = IterativeSteadyStateTest.qubitOscillator(29, 0.01, 1.0, 0.3);
        ObservableSet computed = steady(s, Method.REDFIELD, QuadratureTolerance.STEADY_STATE, MasterSteadyState.GMRES);
        assertWithinEstimate(steady(s, Method.REDFIELD, REFERENCE, MasterSteadyState.GMRES), computed, "d=60 redfield");
        // in a steady state the coherent part conserves H_S, so the two currents cancel: an independent check
        double qubit = computed.value("energy_current.qubit");
        double cavity = computed.value("energy_current.cavity");
        assertTrue(Math.abs(qubit + cavity) <= computed.error("energy_current.qubit") + computed.error("energy_current.cavity"),
                "sum of currents " + (qubit + cavity));
        for (String name : List.of("energy_current.qubit", "energy_current.cavity", "population.1", "coherence_l1")) {
            assertTrue(computed.error(name) < 1e-8, name + " estimate " + computed.error(name));
        }
    }
}
