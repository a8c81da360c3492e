package io.coherent.core.bosonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.DrudeLorentz;
import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrequencySupportTest {

    @Test
    void positiveSupportWithoutCutoffIsRefusedWhenItDiverges() {
        var e = assertThrows(InvalidModelException.class,
                () -> PartialCollectiveModel.FIG_1A.toModel(FrequencySupport.positive(0)));
        assertEquals("frequency_support", e.field());
        assertTrue(e.getMessage().contains("frequency_cutoff"), e.getMessage());
    }

    /**
     * With positive support only modes above the cut-off are thermal. For the Fig. 1(a) Lorentzian the
     * spectral weight below 0.05 is ~1e-3, so the result moves from the whole-line value by an amount of
     * that order, and the log-divergence shows as a growth when the cut-off shrinks.
     */
    @Test
    void positiveSupportWithCutoffIsFiniteAndGrowsLogarithmicallyAsCutoffShrinks() {
        var solver = new SteadyStateSolver(QuadratureTolerance.STEADY_STATE);
        double whole = solver.solve(PartialCollectiveModel.FIG_1A.toModel()).observables().value("n1");
        double c1 = solver.solve(PartialCollectiveModel.FIG_1A.toModel(FrequencySupport.positive(1e-2))).observables().value("n1");
        double c2 = solver.solve(PartialCollectiveModel.FIG_1A.toModel(FrequencySupport.positive(1e-4))).observables().value("n1");
        assertEquals(whole, c1, 2e-2);
        assertTrue(c2 > c1, "log growth as the cut-off shrinks");
    }

    /** Drude-Lorentz (J(0) = 0) converges on positive frequencies; one bath in equilibrium: zero current. */
    @Test
    void drudeLorentzBathOnPositiveFrequencies() {
        var model = new BilinearModel(ComplexMatrix.real(new double[][] {{1.0}}),
                List.of(new Bath("ohmic", ComplexMatrix.real(new double[][] {{1.0}}), new DrudeLorentz(0.05, 2.0), 0.7)),
                ComplexMatrix.real(new double[][] {{1.0}}), FrequencySupport.positive(0));
        SteadyState ss = new SteadyStateSolver(QuadratureTolerance.STEADY_STATE).solve(model);
        assertTrue(ss.converged());
        assertEquals(0, ss.observables().value("energy_current.ohmic"), 1e-10);
        // Weak coupling: the mode thermalises at its Lamb-shifted frequency. fhat(-iw) = -2i lambda gamma/(gamma - iw)
        // has imaginary part -2 lambda gamma^2/(gamma^2 + w^2) = -0.08 at w = 1, so omega* = 0.92, damping 0.04.
        double shifted = 1 - 2 * 0.05 * 4 / (4 + 1);
        assertEquals(1 / Math.expm1(shifted / 0.7), ss.observables().value("n1"), 0.015);
        assertTrue(Math.abs(1 / Math.expm1(1 / 0.7) - ss.observables().value("n1")) > 0.05, "the shift is visible");
    }
}
