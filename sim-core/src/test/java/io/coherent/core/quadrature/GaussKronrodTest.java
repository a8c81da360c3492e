package io.coherent.core.quadrature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class GaussKronrodTest {

    private static QuadratureResult integrate(DoubleUnaryOperator f, List<Panel> panels, double tol) {
        VectorIntegrand v = new VectorIntegrand() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void evaluate(double w, double[] out) {
                out[0] = f.applyAsDouble(w);
            }
        };
        return new GaussKronrod(v).integrate(panels, tol, tol, 100_000);
    }

    @Test
    void semiInfiniteTailsIntegrateALorentzian() {
        QuadratureResult r = integrate(w -> 1 / (1 + w * w), List.of(Panel.lowerTail(0), Panel.upperTail(0)), 1e-12);
        assertEquals(Math.PI, r.values()[0], 1e-11);
        assertTrue(r.converged());
        assertTrue(r.maxError() < 1e-11);
    }

    /** PV int_{-1}^{1} e^w / w dw = 2 Shi(1) = 2.1145017...; the fold cancels the 1/w singularity. */
    @Test
    void foldedPanelGivesPrincipalValue() {
        QuadratureResult r = integrate(w -> Math.exp(w) / w, List.of(Panel.folded(0, 1)), 1e-13);
        assertEquals(2 * 1.0572508753757285, r.values()[0], 1e-12);
    }

    @Test
    void errorEstimateBoundsTheActualErrorOnANarrowPeak() {
        double h = 1e-4;
        // Starting from one coarse panel the adaptive rule must find a peak of width 1e-4.
        QuadratureResult r = integrate(w -> h / Math.PI / ((w - 0.3) * (w - 0.3) + h * h), List.of(Panel.finite(-1, 1)), 1e-10);
        double exact = (Math.atan(0.7 / h) + Math.atan(1.3 / h)) / Math.PI;
        assertTrue(r.converged());
        assertTrue(Math.abs(r.values()[0] - exact) <= r.maxError() + 1e-14, "estimate bounds the error");
        assertEquals(exact, r.values()[0], 1e-9);
    }
}
