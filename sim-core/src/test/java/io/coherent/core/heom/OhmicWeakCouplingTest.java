package io.coherent.core.heom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.models.CompositeQubitModel;
import org.junit.jupiter.api.Test;

/**
 * Weak coupling: the composite-coupling qubit's steady coherence v1 from the hierarchy (Ohmic bath, s = 1, T = 0.5,
 * fitted spectrum) against the paper's O(lambda) closed form ({@link CompositeQubitModel#leadingOrderCoherence}),
 * which is independent of the hierarchy and of the fit. Their difference is the O(lambda^2) term: its slope on a
 * log-log plot over lambda = 0.0025 .. 0.02 must be 2. The closed form is the first-order expansion of the
 * mean-force Gibbs state's coherence (the steady state at one temperature), so this is also the equilibrium check
 * at second order.
 */
class OhmicWeakCouplingTest {

    private static double heomV1(double lambda) {
        CompositeQubitModel m = new CompositeQubitModel(1, 1, 1, lambda, 5, 1, 0.5, CompositeQubitModel.Coupling.TRANSVERSE);
        HeomSteadyState s = Heom.singleLevel(m.toSystem(), 3, 11, HeomOptions.DEFAULT, CorrelationSource.BATH_CORRELATIONS);
        return s.observables().value("v1");
    }

    /**
     * The automatic result's estimate includes the fit's effect: it bounds the distance to a hierarchy on a fit about
     * 100 times finer (10 Brownian terms, 29 exponents). At lambda = 0.001 the coherence is small, so a coarse fit
     * passes heom_tolerance = 1e-4 early; before the estimate took the fit into account it said 1.4e-5 for an error of
     * 1.0e-4.
     */
    @Test
    void theAutomaticEstimateBoundsTheDistanceToAMuchFinerFit() {
        CompositeQubitModel m = new CompositeQubitModel(1, 1, 1, 0.001, 5, 1, 0.5, CompositeQubitModel.Coupling.TRANSVERSE);
        HeomSteadyState auto = Heom.steadyState(m.toSystem(), new HeomOptions(null, null, null, true, 1e-4,
                HeomOptions.DEFAULT_MAX_MEMORY), CorrelationSource.BATH_CORRELATIONS);
        HeomSteadyState reference = Heom.singleLevel(m.toSystem(), auto.hierarchy().depth(), 10, HeomOptions.DEFAULT,
                CorrelationSource.BATH_CORRELATIONS);
        assertTrue(auto.hierarchy().exponents() < 10, "the reference is finer: " + auto.hierarchy().exponents());
        auto.observables().values().forEach((name, e) -> assertTrue(
                Math.abs(e.value() - reference.observables().value(name)) <= e.error(),
                name + ": " + e.value() + " +- " + e.error() + " vs finer fit " + reference.observables().value(name)));
    }

    @Test
    void differenceFromTheLeadingOrderShrinksLikeLambdaSquared() {
        double[] lambdas = {0.0025, 0.005, 0.01, 0.02};
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double lambda : lambdas) {
            CompositeQubitModel m = new CompositeQubitModel(1, 1, 1, lambda, 5, 1, 0.5, CompositeQubitModel.Coupling.TRANSVERSE);
            double lo = m.leadingOrderCoherence().value();
            double heom = heomV1(lambda);
            double d = Math.abs(heom - lo);
            assertTrue(d < 0.2 * Math.abs(lo), "lambda " + lambda + ": heom " + heom + " vs leading order " + lo);
            double x = Math.log(lambda);
            double y = Math.log(d);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        int n = lambdas.length;
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        assertEquals(2, slope, 0.15, "log-log slope of |v1(heom) - v1(leading order)|");
    }
}
