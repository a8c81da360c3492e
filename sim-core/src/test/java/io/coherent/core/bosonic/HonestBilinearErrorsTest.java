package io.coherent.core.bosonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.Lorentzian;
import io.coherent.core.dynamics.Generator;
import io.coherent.core.dynamics.GeneratorOde;
import io.coherent.core.dynamics.Method;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.master.MasterEquationOptions;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

/**
 * Printed accuracy of the bilinear engines in the corners issue 13 found: baths that reach no mode (Gamma = 0: the
 * modes evolve freely, the steady state is the initial state's time average and never reached), baths that reach
 * them almost not at all (Gamma = 1e-12: a relaxation time of 1e14), and the second-moment master equations' Lamb
 * shift, whose principal values carry a quadrature error that the observables' estimates must bound.
 */
class HonestBilinearErrorsTest {
    private static final List<Method> MASTER = List.of(Method.REDFIELD, Method.SECULAR, Method.LOCAL_LINDBLAD);
    private static final MasterEquationOptions OPTIONS =
            new MasterEquationOptions(true, QuadratureTolerance.STEADY_STATE, 1e-9);

    private static BilinearModel partialCollective(double omega2, double gammaBig) {
        return new PartialCollectiveModel(1, omega2, 1, gammaBig, 0.1, Math.PI / 8, 1, -Math.PI / 4).toModel();
    }

    private static double[] propagate(Generator g, double until) {
        var integrator = new DormandPrince853Integrator(1e-9, Math.max(until, 1e-9), 1e-12, 1e-12);
        return integrator.integrate(new GeneratorOde(g), new ODEState(0, g.initialState()), until).getPrimaryState();
    }

    /** Mean of an observable over one period of the free motion, from uniform samples (exact for a trigonometric polynomial). */
    private static double periodAverage(Generator g, String name, double period, int samples) {
        double sum = 0;
        for (int k = 0; k < samples; k++) {
            double t = 10 + period * k / samples;
            sum += g.observe(t, propagate(g, t)).value(name);
        }
        return sum / samples;
    }

    /**
     * Gamma = 0: c_j(t) = exp(-i omega_j t) c_j(0), so N_12(t) = N_12(0) exp(i (omega_1 - omega_2) t). The steady state
     * is its time average: n_j = N_jj(0) = cos^2 kappa, sin^2 kappa; Jx = 2 Re N_12(0) = sin 2 kappa = -1 for equal
     * frequencies and 0 for different ones. Not unique, both modes undamped, relaxation time infinite; and the
     * dynamics (exact and each master equation) agrees.
     */
    @Test
    void uncoupledBathsGiveTheInitialStatesTimeAverageAndNoRelaxation() {
        double kappa = -Math.PI / 4;
        for (double omega2 : new double[] {1, 1.3}) {
            BilinearModel model = partialCollective(omega2, 0);
            double jx = omega2 == 1 ? Math.sin(2 * kappa) : 0;
            SteadyState exact = new SteadyStateSolver(QuadratureTolerance.STEADY_STATE).solve(model);
            assertEquals(2, exact.decoherenceFreeModes());
            assertEquals(Double.POSITIVE_INFINITY, exact.relaxationTime(), "not 1/gamma = 10");
            assertEquals(omega2 != 1, exact.timeAveraged());
            assertEquals(jx, exact.observables().value("Jx"), 1e-14);
            assertEquals(Math.cos(kappa) * Math.cos(kappa), exact.observables().value("n1"), 1e-14);
            for (Method m : MASTER) {
                SecondMomentSteadyState s = SecondMomentMasterEquation.steadyState(model, m, OPTIONS);
                assertTrue(!s.unique(), m.id());
                assertEquals(2, s.decoherenceFreeModes(), m.id());
                assertEquals(Double.POSITIVE_INFINITY, s.relaxationTime(), m.id() + ": not 0");
                for (String name : List.of("Jx", "Jy", "Jz", "n1", "n2")) {
                    double v = exact.observables().value(name);
                    assertEquals(v, s.observables().value(name), 1e-14, m.id() + " " + name);
                    assertTrue(Math.abs(v - s.observables().value(name)) <= s.observables().values().get(name).error());
                }
                SecondMomentMasterEquation g = SecondMomentMasterEquation.generator(model, m, OPTIONS);
                assertEquals(Double.POSITIVE_INFINITY, g.slowestRelaxationTime().orElseThrow(), m.id());
            }
            // the dynamics: the free motion's average over its period 2 pi / 0.3 (or anything for equal frequencies)
            double period = 2 * Math.PI / (omega2 == 1 ? 1 : omega2 - 1);
            Generator run = new ExactDynamics(model, QuadratureTolerance.TRAJECTORY);
            assertEquals(jx, periodAverage(run, "Jx", period, 16), 1e-8, "exact run, omega2 = " + omega2);
            Generator redfield = SecondMomentMasterEquation.generator(model, Method.REDFIELD, OPTIONS);
            assertEquals(jx, periodAverage(redfield, "Jx", period, 16), 1e-8, "redfield run, omega2 = " + omega2);
        }
    }

    /**
     * Gamma = 1e-12: the antisymmetric-ish slow mode decays at the golden-rule rate pi J(1) sin^4 theta = Gamma
     * sin^4 theta / 2 (J(1) = Gamma / 2 pi at the Lorentzian's centre), so tau = 2 / (Gamma sin^4 theta) = 9.3e13, not
     * 1/gamma = 10. The master equations report the same time and refuse a steady state they cannot resolve.
     */
    @Test
    void tinyCouplingGivesAHugeRelaxationTime() {
        double gammaBig = 1e-12;
        BilinearModel model = partialCollective(1, gammaBig);
        double sin2 = Math.sin(Math.PI / 8) * Math.sin(Math.PI / 8);
        double tau = 2 / (gammaBig * sin2 * sin2);
        assertEquals(tau, SteadyStateSolver.relaxationTime(new PseudoModeEmbedding(model)), 1e-3 * tau);
        for (Method m : MASTER) {
            SecondMomentMasterEquation g = SecondMomentMasterEquation.generator(model, m, OPTIONS);
            assertEquals(tau, g.slowestRelaxationTime().orElseThrow(), 1e-3 * tau, m.id());
            var e = assertThrows(InvalidModelException.class, () -> SecondMomentMasterEquation.steadyState(model, m, OPTIONS));
            assertTrue(e.getMessage().contains("too slowly"), e.getMessage());
        }
    }

    /**
     * At tiny Gamma the steady coherence is linear in Gamma (Jx = 0.0719 Gamma, converged at Gamma = 1e-6). At 1e-10
     * and 1e-12 the poles are nearly degenerate and neither scheme meets the tolerance: the value is marked not
     * converged and its estimate still bounds the error (the out-of-budget quadrature printed 6.2e-9 +- 4.9e-10 and
     * 6.4e-5 +- 4.6e-6 for 7.2e-12 and 7.2e-14).
     */
    @Test
    void nearlyDegeneratePolesAreMarkedAndStillBounded() {
        SteadyStateSolver solver = new SteadyStateSolver(QuadratureTolerance.STEADY_STATE);
        SteadyState linear = solver.solve(partialCollective(1, 1e-6));
        assertTrue(linear.converged());
        double slope = linear.observables().value("Jx") / 1e-6;
        for (double gammaBig : new double[] {1e-10, 1e-12}) {
            SteadyState s = solver.solve(partialCollective(1, gammaBig));
            double real = Math.abs(s.observables().value("Jx") - slope * gammaBig);
            assertTrue(real <= s.observables().values().get("Jx").error() + 1e-5 * slope * gammaBig,
                    gammaBig + ": " + real + " > " + s.observables().values().get("Jx").error());
            assertTrue(!s.converged() || real < 1e-10, "marked");
        }
    }

    /** A bath with J = 0 beside a real one: its pseudomode's rate (1/1000 here) is no pole of the modes. */
    @Test
    void anUncoupledBathsPseudoModeIsNoRelaxationTime() {
        ComplexMatrix h = ComplexMatrix.real(new double[][] {{1}});
        ComplexMatrix v = ComplexMatrix.real(new double[][] {{1}});
        Bath real = new Bath("real", v, new Lorentzian(1, 1, 0.2), 0.5);
        Bath none = new Bath("none", v, new Lorentzian(1, 1e-3, 0), 0.5);
        BilinearModel alone = new BilinearModel(h, List.of(real), ComplexMatrix.zeros(1, 1), FrequencySupport.WHOLE_LINE);
        BilinearModel both = new BilinearModel(h, List.of(real, none), ComplexMatrix.zeros(1, 1), FrequencySupport.WHOLE_LINE);
        double expected = new PseudoModeEmbedding(alone).slowestRelaxationTime();
        assertTrue(expected < 100, "the real bath relaxes the mode: " + expected);
        SteadyState s = new SteadyStateSolver(QuadratureTolerance.STEADY_STATE).solve(both);
        assertEquals(expected, s.relaxationTime(), 1e-9 * expected);
        assertEquals(0, s.decoherenceFreeModes());
    }

    /**
     * The Lamb shift's principal values computed loosely (relative 1e-4) against tightly (1e-13): the loose run's
     * error estimates, along the trajectory and in the steady state, bound the difference, for every method (the
     * integrator's own error, 1e-12 per step, is allowed for separately: it is not in the estimates); and a
     * run without the Lamb shift still carries the rounding floor, not 0.
     */
    @Test
    void lambShiftQuadratureErrorIsBoundedAlongTrajectoriesAndInTheSteadyState() {
        BilinearModel model = SecondMomentMasterEquationTest.twoBathModel(0.05, 1.5, 0.3);
        QuadratureTolerance loose = new QuadratureTolerance(1e-4, 1e-4, 400_000);
        QuadratureTolerance tight = new QuadratureTolerance(1e-13, 1e-13, 400_000);
        for (Method m : MASTER) {
            var gl = SecondMomentMasterEquation.generator(model, m, new MasterEquationOptions(true, loose, 1e-9));
            var gt = SecondMomentMasterEquation.generator(model, m, new MasterEquationOptions(true, tight, 1e-9));
            assertTrue(gl.lambShiftError() > 1e3 * gt.lambShiftError(), m.id() + ": a visibly looser quadrature");
            double worstRatio = 0;
            for (double t : new double[] {0.5, 3, 20, 80}) {
                ObservableSet l = gl.observe(t, propagate(gl, t));
                ObservableSet r = gt.observe(t, propagate(gt, t));
                for (var e : l.values().entrySet()) {
                    double real = Math.abs(e.getValue().value() - r.value(e.getKey()));
                    double integrator = 1e-9 * (1 + Math.abs(r.value(e.getKey())));
                    assertTrue(real <= e.getValue().error() + integrator, m.id() + " t=" + t + " " + e.getKey() + ": "
                            + real + " > " + e.getValue().error());
                    worstRatio = Math.max(worstRatio, real / e.getValue().error());
                }
            }
            if (m == Method.REDFIELD) {
                // Redfield's source carries the thermal principal value, the one whose error dominates the estimate
                // (secular and local keep only the temperature-independent one in the drift: far more accurate, so
                // their real error sits far below the quadrature's own estimate)
                assertTrue(worstRatio > 1e-4, m.id() + ": the bound should not be absurdly loose (" + worstRatio + ")");
            }
            var sl = SecondMomentMasterEquation.steadyState(model, m, new MasterEquationOptions(true, loose, 1e-9));
            var st = SecondMomentMasterEquation.steadyState(model, m, new MasterEquationOptions(true, tight, 1e-9));
            for (var e : sl.observables().values().entrySet()) {
                double real = Math.abs(e.getValue().value() - st.observables().value(e.getKey()));
                assertTrue(real <= e.getValue().error(), m.id() + " steady " + e.getKey() + ": " + real + " > "
                        + e.getValue().error());
            }
            var off = SecondMomentMasterEquation.generator(model, m, OPTIONS.withLambShift(false));
            assertTrue(off.observe(5, propagate(off, 5)).values().values().stream().allMatch(e -> e.error() > 0),
                    "the rounding floor");
        }
        // the partial-collective steady state: its coherence is exactly 0 by symmetry, its error the rounding floor or more
        var pc = SecondMomentMasterEquation.steadyState(partialCollective(1, 1), Method.REDFIELD, OPTIONS);
        assertTrue(pc.observables().values().values().stream().allMatch(e -> e.error() > 0));
    }
}
