package io.coherent.core.bosonic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.dynamics.GeneratorOde;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

/**
 * The thermal part of an Ohmic trajectory in closed form (the shared fit of C_in, {@link ThermalTransient}) against the
 * per-sample frequency quadrature with the true J ({@link ThermalIntegral}, independent of the fit): on the same fitted
 * Green's function the two differ only by the fit of C_in, so they must agree within the quadrature's estimate plus the
 * closed form's, which includes the fit's bound (a^2 sup |dC_in| on the moments, a sup |dC_in| on the noise).
 */
class OhmicThermalTransientTest {
    private static final QuadratureTolerance TIGHT = new QuadratureTolerance(1e-11, 1e-11, 400_000);

    @Test
    void closedFormAgreesWithTheQuadratureWithinBothEstimates() {
        Bath bath = new Bath("hot", ComplexMatrix.real(new double[][] {{1.0, 0.5}}), new OhmicFamily(0.05, 1, 2), 0.5);
        BilinearModel model = new BilinearModel(ComplexMatrix.real(new double[][] {{1.0, 0.3}, {0.3, 1.5}}), List.of(bath),
                ComplexMatrix.real(new double[][] {{1, 0}, {0, 0}}), FrequencySupport.WHOLE_LINE);
        ExactDynamics dynamics = new ExactDynamics(model, QuadratureTolerance.TRAJECTORY);
        PseudoModeEmbedding embedding = dynamics.embedding();
        ThermalTransient closed = new ThermalTransient(embedding, new ThermalResidues(embedding));
        double fit = closed.absorptionFitError()[0];
        assertTrue(fit > 0 && fit < 1e-3, "the fitted C_in has a finite, small sup error: " + fit);
        ThermalIntegral quadrature = new ThermalIntegral(embedding, TIGHT);
        var integrator = new DormandPrince853Integrator(1e-9, 100, 1e-12, 1e-12);
        int n = embedding.modes();
        int cells = embedding.size() * n;
        double t0 = 0;
        double[] y = dynamics.initialState();
        double worst = 0;
        for (double t : new double[] {0.5, 2, 10}) {
            y = integrator.integrate(new GeneratorOde(dynamics), new ODEState(t0, y), t).getPrimaryState();
            t0 = t;
            double a = y[2 * cells];
            ThermalIntegral.Result c = closed.at(t);
            ThermalIntegral.Result q = quadrature.at(t, Arrays.copyOfRange(y, 0, cells), Arrays.copyOfRange(y, cells, 2 * cells));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double diff = Math.hypot(c.thermal().re(i, j) - q.thermal().re(i, j), c.thermal().im(i, j) - q.thermal().im(i, j));
                    double bound = c.thermalError().re(i, j) + q.thermalError().re(i, j) + a * a * fit;
                    assertTrue(diff <= bound, "N_th(" + i + "," + j + ") at t = " + t + ": |closed - quadrature| = " + diff
                            + " > " + bound);
                    worst = Math.max(worst, diff);
                }
                double diff = Math.hypot(c.noise().re(0, i) - q.noise().re(0, i), c.noise().im(0, i) - q.noise().im(0, i));
                double bound = c.noiseError().re(0, i) + q.noiseError().re(0, i) + a * fit;
                assertTrue(diff <= bound, "noise " + i + " at t = " + t + ": " + diff + " > " + bound);
            }
            assertTrue(q.thermal().maxAbs() > 1e-3, "a thermal part is compared: " + q.thermal().maxAbs());
        }
        assertTrue(worst > 1e-9, "the two differ measurably (the fit of C_in is not exact): " + worst);
    }
}
