package io.coherent.core.heom;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.ExpansionScheme;
import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.dynamics.GeneratorOde;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.Channel;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import io.coherent.core.open.Subsystem;
import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

/**
 * Pure dephasing (sigma_z coupling) by an Ohmic bath, HEOM on the fitted expansion against the closed form
 * |rho_eg(t)| = |rho_eg(0)| exp(-Gamma(t)), Gamma(t) = 4 int_0^inf J(w) coth(w/2T) (1 - cos wt)/w^2 dw (our convention,
 * C(t) = int_0^inf J [coth cos - i sin] dw, docs/physics.md; QuTiP's J carries a 1/pi), computed here by direct
 * quadrature, independent of the fit and of the hierarchy. The fit's reported error e bounds |C - C_N|, so
 * |Gamma - Gamma_N| &lt;= 4 int_0^t int_0^s e du ds = 2 e t^2: the test asks the hierarchy to stay inside that.
 */
class OhmicDephasingTest {
    private static final double LAMBDA = 0.01;
    private static final double CUTOFF = 5;

    static OpenSystem dephasingQubit(double temperature) {
        HilbertSpace space = HilbertSpace.of(Subsystem.qubit("q"));
        ComplexMatrix plus = ComplexMatrix.real(new double[][] {{0.5, 0.5}, {0.5, 0.5}});
        Reservoir bath = new Reservoir("b", ThermalOccupation.bose(temperature),
                List.of(new Channel(Channel.Kind.HERMITIAN, Operators.sigmaZ(), new OhmicFamily(LAMBDA, 1, CUTOFF))));
        return new OpenSystem(space, Operators.sigmaZ().scale(0.5), List.of(bath), plus, List.of(), List.of(), null);
    }

    /** Gamma(t) by composite Simpson on w = 60 Omega x^2 (x in [0, 1]), which resolves w -> 0 and cos wt up to t = 8. */
    static double gamma(double temperature, double t) {
        OhmicFamily j = new OhmicFamily(LAMBDA, 1, CUTOFF);
        int n = 200_000;
        double top = 60 * CUTOFF;
        double h = 1.0 / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double x = i * h;
            double f;
            if (i == 0) {
                // w -> 0: J coth (1 - cos wt)/w^2 dw/dx -> 0 (dw/dx = 2 top x)
                f = 0;
            } else {
                double w = top * x * x;
                double coth = temperature == 0 ? 1 : 1 / Math.tanh(w / (2 * temperature));
                double oneMinusCos = 2 * Math.pow(Math.sin(w * t / 2), 2);
                f = j.value(w) * coth * oneMinusCos / (w * w) * 2 * top * x;
            }
            sum += f * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return 4 * sum * h / 3;
    }

    private static void check(double temperature, int exponents) {
        OpenSystem system = dephasingQubit(temperature);
        BathExponents baths = new BathExponents(system, exponents, ExpansionScheme.FIT, false,
                CorrelationSource.BATH_CORRELATIONS);
        double e = baths.summaries.get(0).error();
        HeomGenerator g = new HeomGenerator(system, baths, 3);
        var integrator = new DormandPrince853Integrator(1e-9, 1, 1e-10, 1e-10);
        double[] y = g.initialState();
        double t = 0;
        for (double next : new double[] {0.5, 1, 2}) {
            y = integrator.integrate(new GeneratorOde(g), new ODEState(t, y), next).getPrimaryState();
            t = next;
            ComplexMatrix rho = g.densityMatrix(y);
            double got = Math.hypot(rho.re(0, 1), rho.im(0, 1));
            double expected = 0.5 * Math.exp(-gamma(temperature, t));
            // the fit's bound on Gamma, plus 1e-6 for the depth-3 truncation and the integrators
            double allowed = expected * 2 * e * t * t + 1e-6;
            assertTrue(Math.abs(got - expected) <= allowed, "T = " + temperature + ", t = " + t + ": HEOM " + got
                    + " vs closed form " + expected + " (allowed " + allowed + ")");
            assertTrue(expected < 0.5 * Math.exp(-0.01), "the bath dephases visibly: " + expected);
        }
    }

    @Test
    void coherenceFollowsTheClosedFormAtFiniteTemperature() {
        check(0.5, 4);
    }

    @Test
    void coherenceFollowsTheClosedFormAtZeroTemperature() {
        check(0, 6);
    }
}
