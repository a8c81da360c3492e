package io.coherent.core.heom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.dynamics.Method;
import io.coherent.core.master.MasterEquationOptions;
import io.coherent.core.master.MasterEquations;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.quadrature.QuadratureTolerance;
import org.junit.jupiter.api.Test;

/**
 * Steady states of two qubits with two Drude-Lorentz baths (issue 12's model): conservation laws, equilibrium, the
 * weak-coupling limit against the master equations of this code base, and the honesty of the error estimates.
 */
class HeomSteadyStateTest {
    private static final CorrelationSource BATHS = CorrelationSource.BATH_CORRELATIONS;

    private static HeomSteadyState fixed(OpenSystem s, int depth, int exponents) {
        return Heom.steadyState(s, new HeomOptions(depth, exponents, null, true, 1e-6, 1L << 30), BATHS);
    }

    @Test
    void currentsBalanceAndTheHotBathHeats() {
        HeomSteadyState r = fixed(HeomModels.twoQubits(1, 1, 0.1, 0.1, 2, 2, 1), 4, 2);
        double hot = r.observables().value("energy_current.hot");
        double cold = r.observables().value("energy_current.cold");
        assertTrue(hot > 1e-4, "hot " + hot);
        assertEquals(0, hot + cold, 1e-11, "energy is conserved in the steady state");
        assertTrue(r.residual() < 1e-10, "residual " + r.residual());
        assertEquals(1, r.observables().value("population.1") + r.observables().value("population.2")
                + r.observables().value("population.3") + r.observables().value("population.4"), 1e-12);
    }

    /** At one temperature there is no current, up to the truncation (a finite Pade sum is not exactly KMS). */
    @Test
    void equalTemperaturesCarryNoCurrent() {
        HeomSteadyState r = fixed(HeomModels.twoQubits(1, 1.2, 0.1, 0.1, 2, 1.5, 1.5), 4, 3);
        for (String bath : new String[] {"hot", "cold"}) {
            double current = r.observables().value("energy_current." + bath);
            assertTrue(Math.abs(current) <= r.observables().error("energy_current." + bath) && Math.abs(current) < 1e-7,
                    bath + ": " + current + " +- " + r.observables().error("energy_current." + bath));
        }
        // with unequal temperatures the same model carries ~1e-3
        assertTrue(fixed(HeomModels.twoQubits(1, 1.2, 0.1, 0.1, 2, 2, 1), 4, 3).observables().value("energy_current.hot") > 1e-4);
    }

    /**
     * Against non-secular Redfield with the Lamb shift (MasterEquations): the currents agree to leading order, the
     * difference shrinks like lambda^2 (each current is O(lambda)).
     */
    @Test
    void weakCouplingApproachesRedfieldWithTheLambShift() {
        double[] differences = new double[2];
        double[] lambdas = {0.02, 0.01};
        for (int k = 0; k < 2; k++) {
            OpenSystem s = HeomModels.twoQubits(1, 1.2, 0.1, lambdas[k], 2, 2, 1);
            HeomSteadyState h = fixed(s, 4, 3);
            ObservableSet red = MasterEquations.steadyState(s, Method.REDFIELD,
                    new MasterEquationOptions(true, QuadratureTolerance.STEADY_STATE, 1e-9)).observables();
            differences[k] = Math.abs(h.observables().value("energy_current.hot") - red.value("energy_current.hot"));
            assertTrue(h.observables().error("energy_current.hot") < 0.1 * differences[k],
                    "hierarchy error " + h.observables().error("energy_current.hot") + " vs difference " + differences[k]);
        }
        double ratio = differences[0] / differences[1];
        assertEquals(4, ratio, 0.8, "difference ratio " + ratio + " (" + differences[0] + ", " + differences[1] + ")");
    }

    /** The automatic result's error estimate bounds its distance from a deeper, richer hierarchy. */
    @Test
    void automaticConvergenceIsHonest() {
        OpenSystem s = HeomModels.twoQubits(1, 1, 0.1, 0.1, 2, 2, 1);
        HeomSteadyState auto = Heom.steadyState(s, new HeomOptions(null, null, null, true, 1e-5, 1L << 30), BATHS);
        assertTrue(auto.converged(), auto.notes().toString());
        assertTrue(auto.hierarchy().levels().size() >= 3);
        HierarchyReport h = auto.hierarchy();
        HeomSteadyState reference = fixed(s, h.depth() + 1, h.exponents() + 1);
        auto.observables().values().forEach((name, e) -> assertTrue(
                Math.abs(e.value() - reference.observables().value(name)) <= e.error(),
                name + ": " + e.value() + " +- " + e.error() + " vs deeper " + reference.observables().value(name)));
    }

    @Test
    void aFixedHierarchyReportsItsTruncation() {
        OpenSystem s = HeomModels.twoQubits(1, 1, 0.1, 0.1, 2, 2, 1);
        HeomSteadyState r = Heom.steadyState(s, new HeomOptions(2, 1, null, true, 1e-9, 1L << 30), BATHS);
        assertFalse(r.converged());
        assertFalse(r.hierarchy().note().isEmpty());
        assertTrue(r.observables().error("population.1") > 1e-6, "depth 2 is far from converged");
    }

    @Test
    void tooLargeAHierarchyIsRefusedBeforeAllocating() {
        OpenSystem s = HeomModels.twoQubits(1, 1, 0.1, 0.1, 2, 2, 1);
        var e = assertThrows(InvalidModelException.class,
                () -> Heom.steadyState(s, new HeomOptions(40, 8, null, true, 1e-6, 1L << 30), BATHS));
        assertEquals("heom_max_memory", e.field());
        assertTrue(e.getMessage().contains("auxiliary density operators"), e.getMessage());
    }
}
