package io.coherent.core.heom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.DrudeLorentz;
import io.coherent.core.bath.ExpansionScheme;
import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.bath.Lorentzian;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.bosonic.Bath;
import io.coherent.core.bosonic.BilinearModel;
import io.coherent.core.bosonic.ExactDynamics;
import io.coherent.core.dynamics.Generator;
import io.coherent.core.dynamics.GeneratorOde;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.Channel;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import io.coherent.core.open.Subsystem;
import io.coherent.core.quadrature.GaussKronrod;
import io.coherent.core.quadrature.Panel;
import io.coherent.core.quadrature.QuadratureTolerance;
import io.coherent.core.quadrature.VectorIntegrand;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

/**
 * The hierarchy against exact results that do not come from the hierarchy or from the bath expansions: closed forms
 * evaluated here by direct quadrature over the spectral density (pure dephasing, Landauer), and the exact bilinear
 * engine (pseudomodes) on the same oscillator model.
 */
class HeomAgainstExactResultsTest {

    /** int f over panels, to ~1e-13 (the product's Gauss-Kronrod rule; no bath code involved). */
    static double integrate(DoubleUnaryOperator f, List<Panel> panels) {
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
        var r = new GaussKronrod(v).integrate(panels, 1e-14, 1e-12, 2_000_000);
        assertTrue(r.converged(), "reference quadrature converged");
        return r.values()[0];
    }

    /**
     * Pure dephasing by a Drude-Lorentz bath (our J = (2 lambda/pi) gamma w/(w^2 + gamma^2)): rho_eg(t) = rho_eg(0)
     * e^{-i w0 t} e^{-Gamma(t)}, Gamma(t) = 4 int_0^inf J(w) coth(w/2T)(1 - cos wt)/w^2 dw (each mode displaced by
     * -+g/w on the two branches of sigma_z). The quadrature runs to w = 4000; beyond, coth = 1, J ~ 2 lambda gamma/(pi w)
     * and the non-oscillating part of the tail is (lambda gamma/pi)/W^2 (the oscillating part is smaller by 1/(Wt)).
     */
    static double decoherence(double t, double lambda, double gamma, double temperature) {
        if (t == 0) {
            return 0;
        }
        DoubleUnaryOperator f = w -> {
            double j = 2 * lambda / Math.PI * gamma * w / (w * w + gamma * gamma);
            double s = Math.sin(w * t / 2);
            return j / Math.tanh(w / (2 * temperature)) * 2 * s * s / (w * w);
        };
        double top = 4000;
        double sum = 0;
        double step = Math.PI / t * 8;
        for (double a = 0; a < top; a += step) {
            sum += integrate(f, List.of(Panel.finite(a, Math.min(top, a + step))));
        }
        return 4 * (sum + lambda * gamma / Math.PI / (top * top));
    }

    @Test
    void closedFormDecoherenceAgreesWithScipy() {
        // the fixture's exact column comes from scipy's QUADPACK (make_pure_dephasing_heom.py): checks the quadrature here
        for (HeomFixtures.Row r : HeomFixtures.read("pure_dephasing_heom.csv")) {
            if (r.integer("depth") != 6 || r.integer("scheme") != 1 || r.get("t") % 2 != 0) {
                continue;
            }
            double t = r.get("t");
            double gamma = decoherence(t, r.get("lambda"), r.get("gamma"), r.get("T"));
            assertEquals(Math.hypot(r.get("exact_re_eg"), r.get("exact_im_eg")), 0.5 * Math.exp(-gamma), 1e-8,
                    "case " + r.integer("case") + " t = " + t);
        }
    }

    @Test
    void pureDephasingFollowsTheClosedForm() {
        double lambda = 0.1;
        double gamma = 1;
        double temperature = 1;
        OpenSystem system = QutipHeomFixtureTest.dephasingQubit(lambda, gamma, temperature);
        double[] times = {1, 2, 4, 7, 10};
        double[] worst = new double[4];
        for (int exponents = 1; exponents <= 3; exponents++) {
            HeomGenerator g = Heom.generator(system, 8, exponents, QutipHeomFixtureTest.fixed(8, exponents, ExpansionScheme.PADE),
                    HeomFixtures.BATH);
            List<ComplexMatrix> rho = QutipHeomFixtureTest.propagate(g, times);
            for (int i = 0; i < times.length; i++) {
                double exact = 0.5 * Math.exp(-decoherence(times[i], lambda, gamma, temperature));
                ComplexMatrix r = rho.get(i);
                worst[exponents] = Math.max(worst[exponents], Math.abs(Math.hypot(r.re(0, 1), r.im(0, 1)) - exact));
                // the phase: e^{-i w0 t} exactly (the imaginary part of C shifts both levels alike)
                double c = Math.cos(times[i]);
                double s = Math.sin(times[i]);
                assertEquals(0, Math.atan2(r.im(0, 1) * c + r.re(0, 1) * s, r.re(0, 1) * c - r.im(0, 1) * s), 1e-7,
                        "phase of rho_eg e^{i w0 t} at t = " + times[i]);
            }
        }
        // 3 Pade poles: the hierarchy reproduces the closed form to 1e-5 (QuTiP at 4 poles and depth 10: 6e-6)
        assertTrue(worst[3] < 2e-5, "|rho_eg| within 2e-5 of the closed form: " + worst[3]);
        assertTrue(worst[3] < worst[1], "more poles, closer: " + java.util.Arrays.toString(worst));
    }

    /**
     * Landauer current and occupation of a level eps between Lorentzian leads centred on their chemical potentials
     * (our J_alpha = (gamma/2pi) W^2/((w - mu_alpha)^2 + W^2), level width Gamma_alpha = 2 pi J_alpha, retarded
     * self-energy Sigma_alpha = (gamma W/2)/(w - mu_alpha + iW)): I_L = (1/2pi) int Gamma_L Gamma_R |G|^2 (f_L - f_R),
     * n = (1/2pi) int |G|^2 (Gamma_L f_L + Gamma_R f_R), G = 1/(w - eps - Sigma_L - Sigma_R).
     */
    static double[] landauer(double eps, double width, double gamma, double temperature, double muL, double muR) {
        DoubleUnaryOperator fl = w -> 0.5 * (1 - Math.tanh((w - muL) / (2 * temperature)));
        DoubleUnaryOperator fr = w -> 0.5 * (1 - Math.tanh((w - muR) / (2 * temperature)));
        DoubleUnaryOperator gl = w -> gamma * width * width / ((w - muL) * (w - muL) + width * width);
        DoubleUnaryOperator gr = w -> gamma * width * width / ((w - muR) * (w - muR) + width * width);
        DoubleUnaryOperator g2 = w -> {
            // Sigma = (gamma W/2)(w - mu - iW)/((w - mu)^2 + W^2)
            double re = w - eps;
            double im = 0;
            for (double mu : new double[] {muL, muR}) {
                double den = (w - mu) * (w - mu) + width * width;
                re -= gamma * width / 2 * (w - mu) / den;
                im += gamma * width / 2 * width / den;
            }
            return 1 / (re * re + im * im);
        };
        List<Panel> panels = List.of(Panel.lowerTail(-20), Panel.finite(-20, Math.min(muR, eps) - 1),
                Panel.finite(Math.min(muR, eps) - 1, Math.max(muL, eps) + 1), Panel.finite(Math.max(muL, eps) + 1, 20),
                Panel.upperTail(20));
        double current = integrate(w -> gl.applyAsDouble(w) * gr.applyAsDouble(w) * g2.applyAsDouble(w)
                * (fl.applyAsDouble(w) - fr.applyAsDouble(w)), panels) / (2 * Math.PI);
        double occupation = integrate(w -> g2.applyAsDouble(w) * (gl.applyAsDouble(w) * fl.applyAsDouble(w)
                + gr.applyAsDouble(w) * fr.applyAsDouble(w)), panels) / (2 * Math.PI);
        return new double[] {current, occupation};
    }

    @Test
    void landauerReferenceAgreesWithScipy() {
        HeomFixtures.Row r = HeomFixtures.read("resonant_level_heom.csv").get(0);
        double[] exact = landauer(0.3, 1, 0.1, 0.2, r.get("mu_L"), r.get("mu_R"));
        assertEquals(r.get("landauer_current_L"), exact[0], 1e-11);
        assertEquals(r.get("exact_occupation"), exact[1], 1e-9);
    }

    @Test
    void resonantLevelCarriesTheLandauerCurrent() {
        for (double[] bias : new double[][] {{0.5, -0.5}, {0.8, 0.2}}) {
            double[] exact = landauer(0.3, 1, 0.1, 0.2, bias[0], bias[1]);
            OpenSystem system = QutipHeomFixtureTest.resonantLevel(0.3, 1, 0.1, 0.2, bias[0], bias[1]);
            // depth 2 is exact for a non-interacting level; the exponents are chosen automatically
            HeomOptions options = new HeomOptions(2, null, null, true, HeomOptions.DEFAULT_TOLERANCE, HeomOptions.DEFAULT_MAX_MEMORY);
            HeomSteadyState s = Heom.steadyState(system, options, HeomFixtures.BATH);
            var current = s.observables().values().get("particle_current.L");
            var occupation = s.observables().values().get("re_00");
            String what = "mu = (" + bias[0] + ", " + bias[1] + "), " + s.hierarchy().exponents() + " exponents, depth "
                    + s.hierarchy().depth() + ": ";
            // (not "converged": at a fixed depth the engine compares with depth 1, which is far off, and says so)
            assertEquals(exact[0], current.value(), 1e-7 * exact[0], what + "particle current is Landauer's");
            assertTrue(Math.abs(current.value() - exact[0]) <= current.error() + 1e-9,
                    what + "the estimate bounds the real error " + Math.abs(current.value() - exact[0]));
            assertTrue(Math.abs(occupation.value() - exact[1]) <= occupation.error() + 1e-9,
                    what + "occupation " + occupation.value() + " vs " + exact[1] + ", estimate " + occupation.error());
            assertEquals(0, current.value() + s.observables().values().get("particle_current.R").value(), 1e-10,
                    what + "what enters from L leaves to R");
        }
    }

    /**
     * Two oscillators (w1 = 1, w2 = 1.2, hopping g = 0.15), each exchanging (a_i b^+ + h.c.) with its own Lorentzian
     * bath at T = 0: a bilinear model, solved exactly by the pseudomode engine, and in Fock space (5 levels) by the
     * hierarchy. From mode 1 in a thermal state of occupation 0.05 (truncated at 4 quanta: a 2.5e-7 tail), the number
     * of quanta never grows, so the Fock truncation costs only that tail.
     */
    @Test
    void exchangeOscillatorsAgreeWithTheExactBilinearEngine() {
        int cutoff = 5; // levels 0..4
        double w1 = 1;
        double w2 = 1.2;
        double g = 0.15;
        Lorentzian j1 = new Lorentzian(1.0, 0.5, 0.2);
        Lorentzian j2 = new Lorentzian(1.3, 0.8, 0.3);
        // the truncated thermal state and its occupation matrix
        double x = 0.05 / 1.05;
        double[] p = new double[cutoff];
        double norm = 0;
        for (int k = 0; k < cutoff; k++) {
            p[k] = Math.pow(x, k);
            norm += p[k];
        }
        double n1 = 0;
        double[] diag = new double[cutoff * cutoff];
        for (int k = 0; k < cutoff; k++) {
            p[k] /= norm;
            n1 += k * p[k];
            diag[k * cutoff] = p[k]; // |k> (x) |0>
        }
        ComplexMatrix rho0 = ComplexMatrix.diagonal(diag);
        HilbertSpace space = HilbertSpace.of(Subsystem.oscillator("m1", cutoff - 1), Subsystem.oscillator("m2", cutoff - 1));
        ComplexMatrix a1 = Operators.embed(space, "m1", Operators.annihilation(cutoff - 1));
        ComplexMatrix a2 = Operators.embed(space, "m2", Operators.annihilation(cutoff - 1));
        ComplexMatrix h = a1.conjugateTranspose().times(a1).scale(w1).plus(a2.conjugateTranspose().times(a2).scale(w2))
                .plus(a1.conjugateTranspose().times(a2).plus(a2.conjugateTranspose().times(a1)).scale(g));
        List<Reservoir> baths = List.of(
                new Reservoir("1", ThermalOccupation.bose(0), List.of(new Channel(Channel.Kind.EXCHANGE, a1, j1))),
                new Reservoir("2", ThermalOccupation.bose(0), List.of(new Channel(Channel.Kind.EXCHANGE, a2, j2))));
        OpenSystem fock = new OpenSystem(space, h, baths, rho0, List.of(), List.of(), null);

        BilinearModel exact = new BilinearModel(ComplexMatrix.real(new double[][] {{w1, g}, {g, w2}}),
                List.of(new Bath("1", ComplexMatrix.real(new double[][] {{1, 0}}), j1, 0),
                        new Bath("2", ComplexMatrix.real(new double[][] {{0, 1}}), j2, 0)),
                ComplexMatrix.real(new double[][] {{n1, 0}, {0, 0}}), FrequencySupport.WHOLE_LINE);
        Generator reference = new ExactDynamics(exact, QuadratureTolerance.TRAJECTORY);

        HeomGenerator hierarchy = Heom.generator(fock, 6, 0, QutipHeomFixtureTest.fixed(6, 0, ExpansionScheme.PADE),
                HeomFixtures.BATH);
        var integrator = new DormandPrince853Integrator(1e-8, 1, 1e-11, 1e-11);
        double[] yh = hierarchy.initialState();
        double[] ye = reference.initialState();
        double t = 0;
        ComplexMatrix n1op = a1.conjugateTranspose().times(a1);
        ComplexMatrix n2op = a2.conjugateTranspose().times(a2);
        for (double next : new double[] {0.5, 1, 2, 4, 8, 12}) {
            yh = integrator.integrate(new GeneratorOde(hierarchy), new ODEState(t, yh), next).getPrimaryState();
            ye = integrator.integrate(new GeneratorOde(reference), new ODEState(t, ye), next).getPrimaryState();
            t = next;
            ComplexMatrix rho = hierarchy.densityMatrix(yh);
            var e = reference.observe(t, ye).values();
            assertEquals(e.get("n1").value(), rho.traceOfProductRe(n1op), 2e-6, "<n1> at t = " + t);
            assertEquals(e.get("n2").value(), rho.traceOfProductRe(n2op), 2e-6, "<n2> at t = " + t);
        }
    }
}
