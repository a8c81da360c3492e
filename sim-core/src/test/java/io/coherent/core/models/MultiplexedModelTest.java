package io.coherent.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.models.MultiplexedModel.InputState;
import io.coherent.core.observables.Estimate;
import io.coherent.core.open.NamedOperator;
import io.coherent.core.open.OpenSystem;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * Closed forms of the multiplexed-coherence model against the paper's printed equations where they are right
 * (Eqs. 21, 28, 32, 45-49, 65) and against our derivation where they slip (Eqs. 29 and 52, pinned). The integrals
 * here are done by an independent composite Simpson rule on a mapped grid, not by the model's Gauss-Kronrod.
 */
class MultiplexedModelTest {

    private static MultiplexedModel model(int m, int outputs, double omega1, double omega, double t) {
        return new MultiplexedModel(m, 0, outputs, omega1, 1, omega, 0.1, 0.2, 0, 0, 0.01, 10, 1, t, InputState.THERMAL);
    }

    /** int_0^inf f by Simpson on w = u/(1 - u), u in [0, 1), n panels (f finite at 0 and decaying). */
    private static double simpson(DoubleUnaryOperator f, int n) {
        double h = 1.0 / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double u = i * h;
            if (i == n) {
                continue; // the integrand vanishes at w = infinity
            }
            double w = i == 0 ? 1e-12 : u / (1 - u); // the integrands have finite limits at 0
            double fw = Math.abs(w - 1) < 1e-9 // removable singularity of the integrands at xi = omega1 = 1
                    ? 0.5 * (f.applyAsDouble(1 - 1e-5) + f.applyAsDouble(1 + 1e-5)) : f.applyAsDouble(w);
            double value = fw / ((1 - u) * (1 - u));
            sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * value;
        }
        return sum * h / 3;
    }

    /**
     * int_0^inf f(x) dx = int_0^inf 2 y f(y^2) dy by {@link #simpson}: for integrands ~ x^(s-1) at 0 with s &gt;= 1/2
     * (sub-Ohmic), finite in y. The removable singularity at x = 1 stays at y = 1.
     */
    private static double simpsonOverSquareRoot(DoubleUnaryOperator f, int n) {
        return simpson(y -> 2 * y * f.applyAsDouble(y * y), n);
    }

    @Test
    void outputCoherenceIsThePapersEq32AndEq65() {
        MultiplexedModel m = model(3, 1, 1.3, 0.8, 0.5);
        double reorganization = 0.01 * 10 * Gamma.gamma(1);
        double eq32 = -4 * 0.1 * 0.2 * 3 * Math.tanh(1.3) * Math.tanh(0.8) / 0.8 * reorganization;
        assertEquals(eq32, m.leadingOrderCoherence(), 1e-15);
        // Eq. (28), T = 0
        assertEquals(-4 * 0.1 * 0.2 * 3 * 0.01 * 10 / 0.8, model(3, 1, 1.3, 0.8, 0).leadingOrderCoherence(), 1e-15);
        // excited inputs reverse the output coherence: it follows the conserved input magnetisation
        assertEquals(eq32 / -Math.tanh(1.3), m.withInputs(InputState.EXCITED).leadingOrderCoherence(), 1e-15);
        // Eq. (65): two independent baths add
        MultiplexedModel two = new MultiplexedModel(2, 1, 1, 1.0, 1.5, 0.8, 0.1, 0.2, 0.3, 0.05, 0.01, 10, 1, 0.5,
                InputState.THERMAL);
        double eq65 = -4 * Math.tanh(0.8) / 0.8 * (0.1 * 0.2 * reorganization * 2 * Math.tanh(1.0)
                + 0.3 * 0.05 * reorganization * 1 * Math.tanh(1.5));
        assertEquals(eq65, two.leadingOrderCoherence(), 1e-15);
    }

    @Test
    void selfInducedCoherenceIsEq21() {
        // Eq. (21) as printed: -4 f1 f2 tanh(b w1/2) int I(xi) [xi coth(b xi/2) - w1 coth(b w1/2)]/(xi (xi^2 - w1^2))
        // s = 0.5 (Figs. 2(a), 3(a)): the integrand grows like xi^(s-1) at 0, so integrate over y = sqrt(xi)
        for (double s : new double[] {0.5, 1, 2}) {
            MultiplexedModel m = new MultiplexedModel(1, 0, 1, 1.0, 1, 1, 0.1, 0.2, 0, 0, 0.01, 10, s, 0.5, InputState.THERMAL);
            double beta = 2;
            double integral = simpsonOverSquareRoot(xi -> {
                double j = 0.01 * Math.pow(xi, s) * Math.pow(10, 1 - s) * Math.exp(-xi / 10);
                double num = xi / Math.tanh(beta * xi / 2) - 1 / Math.tanh(beta / 2);
                double den = xi * (xi * xi - 1);
                return j * num / den;
            }, 200_000);
            double eq21 = -4 * 0.1 * 0.2 * Math.tanh(1) * integral;
            assertEquals(eq21, m.selfInducedCoherence().value(), 1e-7 * Math.abs(eq21), "s = " + s);
        }
    }

    @Test
    void ratioOfEq29HasTanhOfBetaOmega2AndCothOfBetaXi() {
        // Sec. 3 with omega1 = 2, output omega = 3 (w = 1.5), b = beta omega1 = 2, omega_c = 10, s = 1
        double omega1 = 2;
        double omega = 3;
        double beta = 1;
        double b = beta * omega1;
        double w = omega / omega1;
        double s = 1;
        double omegaC = 10;
        MultiplexedModel m = new MultiplexedModel(1, 0, 1, omega1, 1, omega, 0.1, 0.2, 0, 0, 0.01, omegaC, s, 1 / beta,
                InputState.THERMAL);
        DoubleUnaryOperator derived = x -> Math.pow(x, s - 1) * Math.exp(-omega1 * x / omegaC) * (x / Math.tanh(b * x / 2) - 1 / Math.tanh(b / 2)) / (x * x - 1);
        double eq29 = Math.pow(omegaC / omega1, s) * Gamma.gamma(s) * Math.tanh(b * w / 2) / w / simpson(derived, 200_000);
        assertEquals(eq29, m.outputOverSelfInduced().value(), 1e-7 * eq29);
        // printed: tanh(beta omega1 omega2/2) and coth(beta omega1 omega2/2) in the integrand (dimensionally wrong)
        DoubleUnaryOperator printedIntegrand = x -> Math.pow(x, s - 1) * Math.exp(-omega1 * x / omegaC)
                * (x / Math.tanh(beta * omega1 * omega / 2) - 1 / Math.tanh(b / 2)) / (x * x - 1);
        double printed = Math.pow(omegaC / omega1, s) * Gamma.gamma(s) * Math.tanh(beta * omega1 * omega / 2) / w
                / simpson(printedIntegrand, 200_000);
        assertTrue(Math.abs(printed / eq29 - 1) > 0.05, "printed " + printed + " vs derived " + eq29);
    }

    @Test
    void correlationKernelIsTheEqualFrequencyLimitOfEq44WithinItsBounds() {
        double omega = 1.2;
        for (double t : new double[] {0.2, 1, 5}) {
            MultiplexedModel m = model(1, 2, 1, omega, t);
            double beta = 1 / t;
            double th = Math.tanh(beta * omega / 2);
            double gMin = 2 * th * th / (beta * omega * omega);                                  // Eq. (45), x = y
            double gMax = (th + beta * omega / 2 * (1 - th * th)) / (2 * omega);                  // Eq. (46), x -> y
            for (double xi = 0.05; xi < 20; xi *= 1.37) {
                double g = m.correlationKernel(xi);
                double y = omega * (1 + 1e-5);
                assertEquals(eq44(xi, omega, y, beta), g, 1e-4 * Math.abs(g), "xi = " + xi + ", T = " + t);
                assertTrue(g >= gMin * (1 - 1e-9) && g <= gMax * (1 + 1e-9), "G = " + g + " outside [" + gMin + ", " + gMax + "]");
            }
            // smooth through the removable double pole at xi = omega
            assertEquals(m.correlationKernel(omega * 0.98), m.correlationKernel(omega), 0.05 * m.correlationKernel(omega));
        }
    }

    /** Eq. (44) as printed, general x != y. */
    private static double eq44(double xi, double x, double y, double beta) {
        double tx = Math.tanh(beta * x / 2);
        double ty = Math.tanh(beta * y / 2);
        double c = 1 / Math.tanh(beta * xi / 2);
        return x * y * xi * tx * ty * c / ((xi * xi - x * x) * (xi * xi - y * y))
                + x * y * xi * xi / (x * x - y * y) * (tx / (y * (xi * xi - y * y)) - ty / (x * (xi * xi - x * x)));
    }

    @Test
    void eq52NeedsCothOfBetaXi() {
        // g(x) of Eq. (52) in reduced units (omega1 = 1): x g(x) = 4 w G(x, w, w); the printed coth(b w/2) is a slip
        double w = 0.7;
        double b = 1.5;
        MultiplexedModel m = new MultiplexedModel(1, 0, 2, 1, 1, w, 0.1, 0.2, 0, 0, 0.01, 10, 1, 1 / b, InputState.THERMAL);
        double tw = Math.tanh(b * w / 2);
        for (double x : new double[] {0.1, 0.4, 1.3, 3}) {
            double ours = 4 * w * m.correlationKernel(x) / x;
            double d = (w * w - x * x) * (w * w - x * x);
            double rest = b * w * x * (x * x - w * w) + (2 * x * x * x - 6 * w * w * x) * tw;
            double corrected = (tw * tw * (b * w * x * (w * w - x * x) + 4 * w * w * w / Math.tanh(b * x / 2)) + rest) / d;
            double printed = (tw * tw * (b * w * x * (w * w - x * x) + 4 * w * w * w / Math.tanh(b * w / 2)) + rest) / d;
            assertEquals(corrected, ours, 1e-10 * Math.abs(ours), "x = " + x);
            assertTrue(Math.abs(printed - ours) > 1e-3 * Math.abs(ours), "x = " + x);
        }
    }

    @Test
    void signalToNoiseIsEq51WithTheCorrectedEq52() {
        // Eq. (51) in reduced units (omega1 = 1, w = omega, b = beta), with g(x) of Eq. (52) corrected (coth(b x/2)):
        // SNR = eta omega_c^((s+1)/2) Gamma(s) tanh(b/2) tanh(b w/2) / (sqrt(w) sqrt(int x^s e^(-x/omega_c) g(x) dx)),
        // eta = 4 f1 M sqrt(lambda). The paper's reduced form, not the code's route (Eq. 50 with Eqs. 43-44).
        double w = 1;
        for (double s : new double[] {0.5, 1, 2}) {
            for (double b : new double[] {0.5, 2, 5}) {
                MultiplexedModel m = new MultiplexedModel(2, 0, 2, 1, 1, w, 0.1, 0.2, 0, 0, 0.01, 10, s, 1 / b,
                        InputState.THERMAL);
                double tw = Math.tanh(b * w / 2);
                double integral = simpsonOverSquareRoot(x -> {
                    double d = (w * w - x * x) * (w * w - x * x);
                    double g = (tw * tw * (b * w * x * (w * w - x * x) + 4 * w * w * w / Math.tanh(b * x / 2))
                            + b * w * x * (x * x - w * w) + (2 * x * x * x - 6 * w * w * x) * tw) / d;
                    return Math.pow(x, s) * Math.exp(-x / 10) * g;
                }, 200_000);
                double eta = 4 * 0.1 * 2 * Math.sqrt(0.01);
                double eq51 = eta * Math.pow(10, (s + 1) / 2) * Gamma.gamma(s) * Math.tanh(b / 2) * tw
                        / (Math.sqrt(w) * Math.sqrt(integral));
                Estimate snr = m.signalToNoise();
                assertEquals(eq51, snr.value(), 1e-6 * eq51, "s = " + s + ", b = " + b);
                assertTrue(snr.error() < 1e-8 * eq51, "error estimate " + snr.error());
            }
        }
    }

    @Test
    void correlationHasThePapersBoundsAndLimits() {
        double omega = 1.2;
        double reorganization = 0.01 * 10;
        for (double t : new double[] {0.3, 1, 3}) {
            MultiplexedModel m = model(1, 2, 1, omega, t);
            double beta = 1 / t;
            double th = Math.tanh(beta * omega / 2);
            double scaled = m.outputCorrelation().value() / (4 * 0.2 * 0.2 * reorganization);
            assertTrue(scaled >= 2 * th * th / (beta * omega * omega), "Eq. (47) lower bound, T = " + t);
            assertTrue(scaled <= (th + beta * omega / 2 * (1 - th * th)) / (2 * omega), "Eq. (47) upper bound, T = " + t);
        }
        // Eq. (48), high temperature: sigma^2 -> 2 beta f2^2 Omega
        MultiplexedModel hot = model(1, 2, 1, omega, 200);
        assertEquals(2 / 200.0 * 0.04 * reorganization, hot.outputCorrelation().value(), 1e-3 * 2 / 200.0 * 0.04 * reorganization);
        // Eq. (49), T = 0: 4 f2^2/(2 omega) int I(xi) (xi + 2 omega)/(xi + omega)^2
        double eq49 = 4 * 0.04 / (2 * omega) * simpson(xi -> 0.01 * xi * Math.exp(-xi / 10) * (xi + 2 * omega)
                / ((xi + omega) * (xi + omega)), 100_000);
        assertEquals(eq49, model(1, 2, 1, omega, 0).outputCorrelation().value(), 1e-8 * eq49);
        assertTrue(model(1, 2, 1, omega, 0).outputCorrelation().error() < 1e-10);
        // Eq. (50) signal-to-noise
        MultiplexedModel m = model(2, 2, 1, omega, 0.5);
        assertEquals(Math.abs(m.leadingOrderCoherence()) / Math.sqrt(m.outputCorrelation().value()), m.signalToNoise().value(), 1e-14);
    }

    @Test
    void closedFormsEqualTheMeanForceGibbsStateComputedDirectly() {
        // fixture multiplexed_gibbs.csv: Tr_B e^{-beta H} to first order in I by imaginary-time perturbation theory in
        // the H_S eigenbasis (make_multiplexed_fixture.py): no polaron transformation, no equal-frequency limit of Eq. 44
        for (double[] row : Fixtures.read("multiplexed_gibbs.csv")) {
            int outputs = (int) row[0];
            MultiplexedModel m = new MultiplexedModel(1, 0, outputs, 1.3, 1, 0.8, 0.5, 0.5, 0, 0, 0.01, 10, 1, row[1],
                    InputState.THERMAL);
            assertEquals(row[2], m.leadingOrderCoherence(), 1e-10 * Math.abs(row[2]), "T = " + row[1]);
            if (outputs == 2) {
                // sigma^2 = <s1 s2> - <s1><s2> = <s1 s2> at first order
                assertEquals(row[3], m.outputCorrelation().value(), 1e-9 * row[3], "T = " + row[1]);
            }
        }
    }

    @Test
    void systemRepresentsTheInputsByTheirCollectiveSpin() {
        MultiplexedModel m = new MultiplexedModel(3, 2, 2, 1.3, 0.9, 1, 0.1, 0.2, 0.15, 0.05, 0.01, 10, 1, 0.5, InputState.THERMAL);
        OpenSystem s = m.toSystem();
        assertEquals(4 * 3 * 4, s.dimension());
        assertEquals(2, s.reservoirs().size());
        for (NamedOperator o : s.observables()) {
            double mean = s.initialState().traceOfProductRe(o.operator());
            switch (o.name()) {
                case "sigma_z_inputs1" -> assertEquals(-3 * Math.tanh(1.3), mean, 1e-14);
                case "sigma_z_inputs2" -> assertEquals(-2 * Math.tanh(0.9), mean, 1e-14);
                case "sigma_z_out" -> assertEquals(-Math.tanh(1), mean, 1e-14);
                case "sigma_x_out", "sigma_y_out", "sigma_x_out2", "sigma_xx_out" -> assertEquals(0, mean, 1e-15);
                default -> throw new AssertionError("unexpected observable " + o.name());
            }
        }
        // the inputs' sigma_z commute with H and with every coupling operator: they are conserved
        assertEquals(0, s.hamiltonian().commutator(s.observables().get(s.observables().size() - 2).operator()).maxAbs(), 0);
        assertEquals(1, s.initialState().traceRe(), 1e-14);
    }

    @Test
    void badParametersNameTheirField() {
        assertEquals("M", assertThrows(InvalidModelException.class, () -> new MultiplexedModel(0, 0, 1, 1, 1, 1, 0.1, 0.1,
                0, 0, 0.01, 10, 1, 0.5, InputState.THERMAL)).field());
        assertEquals("M", assertThrows(InvalidModelException.class, () -> new MultiplexedModel(20, 0, 2, 1, 1, 1, 0.1, 0.1,
                0, 0, 0.01, 10, 1, 0.5, InputState.THERMAL)).field());
        assertEquals("outputs", assertThrows(InvalidModelException.class, () -> new MultiplexedModel(1, 0, 3, 1, 1, 1, 0.1,
                0.1, 0, 0, 0.01, 10, 1, 0.5, InputState.THERMAL)).field());
        assertEquals("g1", assertThrows(InvalidModelException.class, () -> new MultiplexedModel(1, 0, 1, 1, 1, 1, 0.1, 0.1,
                0.2, 0, 0.01, 10, 1, 0.5, InputState.THERMAL)).field());
        assertEquals("omega", assertThrows(InvalidModelException.class, () -> new MultiplexedModel(1, 0, 1, 1, 1, 0, 0.1,
                0.1, 0, 0, 0.01, 10, 1, 0.5, InputState.THERMAL)).field());
        assertEquals("omega_c", assertThrows(InvalidModelException.class, () -> new MultiplexedModel(1, 0, 1, 1, 1, 1, 0.1,
                0.1, 0, 0, 0.01, -1, 1, 0.5, InputState.THERMAL)).field());
        assertEquals("T", assertThrows(InvalidModelException.class, () -> new MultiplexedModel(1, 0, 1, 1, 1, 1, 0.1,
                0.1, 0, 0, 0.01, 10, 1, -0.5, InputState.THERMAL)).field());
        assertEquals("inputs", assertThrows(InvalidModelException.class, () -> new MultiplexedModel(1, 0, 1, 1, 1, 1, 0.1,
                0.1, 0, 0, 0.01, 10, 1, 0.5, null)).field());
        assertEquals("outputs", assertThrows(InvalidModelException.class,
                () -> MultiplexedModel.DEFAULTS.outputCorrelation()).field());
    }
}
