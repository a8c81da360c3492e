package io.coherent.core.bosonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.observables.Estimate;
import io.coherent.core.quadrature.QuadratureTolerance;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: parameters at the edge of what double precision represents either give the right number with an
 * honest estimate or are refused with one line naming the key and the range. References: the high-temperature
 * law Jx ~ a T (a from the independent quadrature at T = 1e3, 1e4), the Markov-limit relaxation time
 * 2/(Gamma sin^4 theta), and the free evolution of undamped modes.
 */
class ExtremeParametersTest {
    private static final QuadratureTolerance TIGHT = new QuadratureTolerance(1e-12, 1e-13, 4_000_000);

    private static PartialCollectiveModel fig1a() {
        return PartialCollectiveModel.FIG_1A;
    }

    private static PartialCollectiveModel withT(double t) {
        PartialCollectiveModel p = fig1a();
        return new PartialCollectiveModel(p.omega1(), p.omega2(), p.omega0(), p.Gamma(), p.gamma(), p.theta(), t, p.kappa());
    }

    @Test
    void coherenceGrowsLinearlyInTemperatureUpTo1e100() {
        // Jx = a T + b + O(1/T): a from two quadratures
        double j3 = new SteadyStateSolver(TIGHT, SteadyStateSolver.Scheme.QUADRATURE).solve(withT(1e3).toModel()).observables().value("Jx");
        double j4 = new SteadyStateSolver(TIGHT, SteadyStateSolver.Scheme.QUADRATURE).solve(withT(1e4).toModel()).observables().value("Jx");
        double slope = (j4 - j3) / 9e3;
        for (double t : new double[] {1e30, 1e100}) {
            SteadyState s = new SteadyStateSolver(QuadratureTolerance.STEADY_STATE).solve(withT(t).toModel());
            Estimate jx = s.observables().values().get("Jx");
            assertTrue(s.converged());
            assertEquals(slope, jx.value() / t, 1e-9 * slope, "T = " + t);
            assertTrue(jx.error() < 1e-9 * Math.abs(jx.value()), "T = " + t + ": estimate " + jx.error());
        }
    }

    @Test
    void positiveSupportKeepsTheHighTemperatureLawByQuadrature() {
        // the quadrature path (frequency_support: positive): T = 1e30 used to merge the panels around the poles
        io.coherent.core.bath.FrequencySupport positive = io.coherent.core.bath.FrequencySupport.positive(0.1);
        double low = new SteadyStateSolver(QuadratureTolerance.STEADY_STATE).solve(withT(1e6).toModel(positive))
                .observables().value("Jx") / 1e6;
        SteadyState s = new SteadyStateSolver(QuadratureTolerance.STEADY_STATE).solve(withT(1e30).toModel(positive));
        Estimate jx = s.observables().values().get("Jx");
        assertEquals(SteadyStateSolver.Scheme.QUADRATURE, s.scheme());
        assertEquals(low, jx.value() / 1e30, 1e-6 * low);
        assertTrue(jx.error() < 1e-8 * jx.value());
    }

    @Test
    void temperaturesBeyondWhatDoublesRepresentAreRefused() {
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> withT(1e200).toModel());
        assertTrue(e.getMessage().contains("temperature") && e.getMessage().contains("[0, 1e100]"), e.getMessage());
    }

    @Test
    void veryWideLorentzianReachesTheMarkovRelaxationTime() {
        PartialCollectiveModel p = fig1a();
        SteadyState s = new SteadyStateSolver(QuadratureTolerance.STEADY_STATE).solve(
                new PartialCollectiveModel(1, 1, 1, 1, 1e20, p.theta(), 1, p.kappa()).toModel());
        double sin2 = Math.sin(p.theta()) * Math.sin(p.theta());
        assertEquals(2 / (sin2 * sin2), s.relaxationTime(), 1e-9 * s.relaxationTime());
        assertTrue(s.converged());
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> new PseudoModeEmbedding(
                new PartialCollectiveModel(1, 1, 1, 1, 1e155, p.theta(), 1, p.kappa()).toModel()));
        assertEquals("width", e.field());
    }

    @Test
    void uncoupledBathsLeaveTheModesUndampedAsTheDynamicsDoes() {
        // Gamma = 0: free evolution, Jx = 2 Re <c1^+ c2>(0) = sin(2 kappa) = -1 forever
        PartialCollectiveModel p = fig1a();
        BilinearModel m = new PartialCollectiveModel(1, 1, 1, 0, p.gamma(), p.theta(), 1, p.kappa()).toModel();
        SteadyState s = new SteadyStateSolver(QuadratureTolerance.STEADY_STATE).solve(m);
        assertEquals(-1, s.observables().value("Jx"), 1e-12);
        assertEquals(2, s.decoherenceFreeModes());
    }
}
