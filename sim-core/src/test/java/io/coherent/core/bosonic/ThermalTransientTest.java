package io.coherent.core.bosonic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.dynamics.GeneratorOde;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.util.List;
import java.util.Random;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

/**
 * The thermal moments along a trajectory in closed form (residues plus the shared Pade expansion of the
 * absorption correlation) against the independent per-sample frequency quadrature: within the sum of their error
 * estimates at every sample, on the presets and on random bilinear models (fixed seed).
 */
class ThermalTransientTest {
    private static final QuadratureTolerance TIGHT = new QuadratureTolerance(1e-11, 1e-11, 400_000);

    private static void assertAgree(BilinearModel model, double[] times, String label) {
        boolean lorentzian = model.baths().stream().noneMatch(b -> b.spectralDensity() instanceof io.coherent.core.bath.DrudeLorentz);
        ExactDynamics dynamics = new ExactDynamics(model, QuadratureTolerance.TRAJECTORY);
        PseudoModeEmbedding embedding = dynamics.embedding();
        ThermalTransient closed = new ThermalTransient(embedding, new ThermalResidues(embedding));
        ThermalIntegral quadrature = new ThermalIntegral(embedding, TIGHT);
        var integrator = new DormandPrince853Integrator(1e-9, 100, 1e-13, 1e-13);
        double t0 = 0;
        double[] y = dynamics.initialState();
        int cells = embedding.size() * embedding.modes();
        for (double t : times) {
            y = integrator.integrate(new GeneratorOde(dynamics), new ODEState(t0, y), t).getPrimaryState();
            t0 = t;
            ThermalIntegral.Result c = closed.at(t);
            ThermalIntegral.Result q = quadrature.at(t, java.util.Arrays.copyOfRange(y, 0, cells),
                    java.util.Arrays.copyOfRange(y, cells, 2 * cells));
            double scale = Math.max(1e-3, c.thermal().maxAbs());
            double[] dt = {c.thermal().minus(q.thermal()).maxAbs(), c.noise().minus(q.noise()).maxAbs()};
            double[] bound = {c.thermalError().maxAbs() + q.thermalError().maxAbs(), c.noiseError().maxAbs() + q.noiseError().maxAbs()};
            for (int i = 0; i < 2; i++) {
                // the ODE's own error (1e-13 relative) enters the quadrature side
                assertTrue(dt[i] <= bound[i] + 1e-11 * scale, label + " t=" + t + " part " + i + ": difference " + dt[i]
                        + " > estimates " + bound[i]);
            }
            if (lorentzian) {
                assertTrue(c.thermalError().maxAbs() <= 1e-8, label + " t=" + t + " estimate " + c.thermalError().maxAbs());
            }
        }
    }

    @Test
    void fig1aAndQuickstartAgreeWithQuadratureAlongTheTrajectory() {
        double[] times = {0.05, 0.5, 7.5, 100};
        assertAgree(PartialCollectiveModel.FIG_1A.toModel(), times, "fig1a");
        assertAgree(new PartialCollectiveModel(1, 1.2, 0.9, 0.7, 0.5, 0.9, 0.05, 0.3).toModel(), times, "detuned, T = 0.05");
        assertAgree(ThermalResiduesTest.quickstart(), times, "quickstart");
    }

    @Test
    void randomBilinearModelsAgreeWithQuadratureAlongTheTrajectory() {
        Random random = new Random(1313);
        int checked = 0;
        while (checked < 4) {
            BilinearModel model = ThermalResiduesTest.randomModel(random);
            if (model.baths().stream().allMatch(b -> b.temperature() == 0)) {
                continue;
            }
            try {
                new PseudoModeEmbedding(model);
            } catch (InvalidModelException unstable) {
                continue;
            }
            assertAgree(model, new double[] {0.3, 3, 20}, "random model " + checked);
            checked++;
        }
    }
}
