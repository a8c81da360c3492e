package io.coherent.core.bosonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.Flat;
import io.coherent.core.dynamics.GeneratorOde;
import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.Lorentzian;
import io.coherent.core.dynamics.Method;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.linalg.HermitianEigen;
import io.coherent.core.master.MasterEquationOptions;
import io.coherent.core.dynamics.GeneratorOde;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

/**
 * The second-moment master equations against independent references: the Gibbs state of the one-body
 * Hamiltonian (equilibrium), the closed-form Hilbert transform of a Lorentzian (Lamb shift), propagation
 * against the direct steady state, and the exact engine in the weak-coupling Markov regime.
 */
class SecondMomentMasterEquationTest {
    static final MasterEquationOptions OPTIONS = new MasterEquationOptions(true, QuadratureTolerance.STEADY_STATE, 1e-9);

    /** Detuned modes with complex hopping and two Lorentzian baths: nothing symmetric to hide behind. */
    static BilinearModel twoBathModel(double strength, double hotT, double coldT) {
        ComplexMatrix h = ComplexMatrix.fromParts(new double[][] {{1.0, 0.1}, {0.1, 1.3}},
                new double[][] {{0, 0.05}, {-0.05, 0}});
        List<Bath> baths = List.of(
                new Bath("hot", ComplexMatrix.real(new double[][] {{0.9, 0.2}}), new Lorentzian(1.1, 0.6, strength), hotT),
                new Bath("cold", ComplexMatrix.real(new double[][] {{0.1, 0.8}}), new Lorentzian(1.2, 0.4, strength), coldT));
        return new BilinearModel(h, baths, PartialCollectiveModel.initialOccupation(0.3), FrequencySupport.WHOLE_LINE);
    }

    /** N = n(H)^T: rho1 = N^T is the Bose function of the one-body matrix. */
    static ComplexMatrix boseOfH(ComplexMatrix h, double temperature) {
        HermitianEigen eig = HermitianEigen.of(h);
        double[] occ = new double[eig.values().length];
        for (int m = 0; m < occ.length; m++) {
            occ[m] = 1 / Math.expm1(eig.values()[m] / temperature);
        }
        return eig.vectors().times(ComplexMatrix.diagonal(occ)).times(eig.vectors().conjugateTranspose()).transpose();
    }

    static double[] propagate(SecondMomentMasterEquation g, double until) {
        var integrator = new DormandPrince853Integrator(1e-9, until, 1e-12, 1e-12);
        return integrator.integrate(new GeneratorOde(g), new ODEState(0, g.initialState()), until).getPrimaryState();
    }

    @Test
    void secularRelaxesExactlyToTheBoseFunctionOfTheOneBodyHamiltonian() {
        BilinearModel model = twoBathModel(1e-2, 0.7, 0.7);
        ComplexMatrix gibbs = boseOfH(model.hamiltonian(), 0.7);
        for (boolean lamb : new boolean[] {true, false}) {
            var ss = SecondMomentMasterEquation.steadyState(model, Method.SECULAR, OPTIONS.withLambShift(lamb));
            assertTrue(ss.unique());
            assertTrue(ss.occupation().distance(gibbs) < 1e-12, "lamb=" + lamb + ": " + ss.occupation().distance(gibbs));
            assertEquals(0, ss.observables().value("energy_current.hot"), 1e-14);
        }
        // and the propagated generator gets there too (checks the right-hand side against the direct solve)
        SecondMomentMasterEquation g = SecondMomentMasterEquation.generator(model, Method.SECULAR, OPTIONS);
        double tau = g.slowestRelaxationTime().orElseThrow();
        ComplexMatrix late = g.occupation(propagate(g, 40 * tau));
        assertTrue(late.distance(gibbs) < 1e-9, "propagated: " + late.distance(gibbs));
    }

    /**
     * Non-secular Redfield is exact to second order in the coupling only: its equilibrium state differs
     * from n(H) by O(Gamma) (the rates are evaluated at different one-body frequencies), so the deviation
     * is nonzero and halves with the coupling strength; the spurious heat current it drives between two baths
     * at one temperature is O(Gamma^2) (a quarter when Gamma halves), against O(Gamma) for real currents.
     */
    @Test
    void redfieldEquilibriumDeviatesAtFirstOrderInTheCouplingStrength() {
        double[] deviation = new double[2];
        double[] current = new double[2];
        double[] strengths = {2e-3, 1e-3};
        for (int k = 0; k < 2; k++) {
            BilinearModel model = twoBathModel(strengths[k], 0.7, 0.7);
            var ss = SecondMomentMasterEquation.steadyState(model, Method.REDFIELD, OPTIONS);
            deviation[k] = ss.occupation().distance(boseOfH(model.hamiltonian(), 0.7));
            current[k] = ss.observables().value("energy_current.hot");
            assertTrue(Math.abs(current[k]) < 0.1 * strengths[k] * strengths[k], "current " + current[k]);
        }
        assertEquals(4, current[0] / current[1], 0.1, "spurious current quadratic in Gamma");
        assertTrue(deviation[0] > 1e-7, "non-secular terms matter: " + deviation[0]);
        assertEquals(2, deviation[0] / deviation[1], 0.02, "deviation linear in Gamma");
    }

    @Test
    void localLindbladThermalisesUncoupledModesAndMissesTheHoppingOtherwise() {
        ComplexMatrix h = ComplexMatrix.real(new double[][] {{1.0, 0}, {0, 1.3}});
        List<Bath> baths = twoBathModel(1e-2, 0.7, 0.7).baths();
        BilinearModel uncoupled = new BilinearModel(h, baths, ComplexMatrix.zeros(2, 2), FrequencySupport.WHOLE_LINE);
        var local = SecondMomentMasterEquation.steadyState(uncoupled, Method.LOCAL_LINDBLAD, OPTIONS);
        assertTrue(local.occupation().distance(boseOfH(h, 0.7)) < 1e-12);
        BilinearModel hopping = twoBathModel(1e-2, 0.7, 0.7);
        var wrong = SecondMomentMasterEquation.steadyState(hopping, Method.LOCAL_LINDBLAD, OPTIONS);
        assertTrue(wrong.occupation().distance(boseOfH(hopping.hamiltonian(), 0.7)) > 1e-3,
                "local dissipators ignore the hopping: the known failure of the local approach");
    }

    /** At T = 0, Im beta(e) = P int J/(e - x) = (Gamma gamma/2)(e - w0)/((e - w0)^2 + gamma^2) for a Lorentzian. */
    @Test
    void lambShiftMatchesTheHilbertTransformOfALorentzian() {
        double w0 = 1.1;
        double width = 0.6;
        double strength = 0.5;
        Bath bath = new Bath("b", ComplexMatrix.real(new double[][] {{1}}), new Lorentzian(w0, width, strength), 0);
        double[] e = {0.3, 1.0, 1.1, 2.5, -0.7};
        var rates = ExchangeRates.of(bath, FrequencySupport.WHOLE_LINE, e, true, QuadratureTolerance.STEADY_STATE);
        for (int k = 0; k < e.length; k++) {
            double d = e[k] - w0;
            double closed = strength * width / 2 * d / (d * d + width * width);
            assertEquals(closed, rates.emissionIm()[k], 1e-9, "e=" + e[k]);
            assertEquals(0, rates.absorptionIm()[k], 0, "no thermal part at T = 0");
            assertTrue(rates.lambShiftError()[k] < 1e-9);
        }
        // finite T: the temperature-independent total shift Im(beta) + Im(alpha)... = P int J/(e - x) survives
        Bath hot = new Bath("b", bath.coupling(), bath.spectralDensity(), 0.8);
        var thermal = ExchangeRates.of(hot, FrequencySupport.WHOLE_LINE, e, true, QuadratureTolerance.STEADY_STATE);
        for (int k = 0; k < e.length; k++) {
            assertEquals(rates.emissionIm()[k], thermal.emissionIm()[k] + thermal.absorptionIm()[k], 1e-9);
            assertTrue(Math.abs(thermal.absorptionIm()[k]) > 1e-4, "the thermal principal value is not trivial");
        }
    }

    @Test
    void redfieldPropagationReachesTheDirectSteadyStateAwayFromEquilibrium() {
        BilinearModel model = twoBathModel(2e-2, 2.0, 0.3);
        var ss = SecondMomentMasterEquation.steadyState(model, Method.REDFIELD, OPTIONS);
        SecondMomentMasterEquation g = SecondMomentMasterEquation.generator(model, Method.REDFIELD, OPTIONS);
        double until = 40 * ss.relaxationTime();
        ObservableSet late = g.observe(until, propagate(g, until));
        for (String name : List.of("Jx", "Jy", "Jz", "n1", "n2", "energy_current.hot", "energy_current.cold")) {
            assertEquals(ss.observables().value(name), late.value(name), 1e-9, name);
        }
        assertTrue(ss.residual() < 1e-14);
        double hot = ss.observables().value("energy_current.hot");
        assertTrue(hot > 1e-4, "heat flows in from the hot bath: " + hot);
        assertEquals(0, hot + ss.observables().value("energy_current.cold"), 1e-14);
    }

    /**
     * Weak coupling against the exact engine, two baths at different temperatures, detuned modes with
     * hopping. Redfield is the second-order (Born-Markov) truncation: its steady state differs from the exact
     * one by O(Gamma) (bath-induced corrections of order Gamma/gamma with gamma >= 0.4 the bath widths), so
     * the difference must be below Gamma (1 + 2 max n), and it must halve when Gamma halves.
     */
    @Test
    void weakCouplingSteadyStateAgreesWithTheExactEngine() {
        double[] strengths = {1e-3, 5e-4};
        double[][] diff = new double[2][];
        List<String> names = List.of("Jx", "Jy", "Jz", "n1", "n2");
        for (int k = 0; k < 2; k++) {
            BilinearModel model = twoBathModel(strengths[k], 2.0, 0.3);
            var red = SecondMomentMasterEquation.steadyState(model, Method.REDFIELD, OPTIONS).observables();
            var exact = new SteadyStateSolver(QuadratureTolerance.STEADY_STATE).solve(model).observables();
            diff[k] = new double[names.size() + 1];
            for (int i = 0; i < names.size(); i++) {
                diff[k][i] = Math.abs(red.value(names.get(i)) - exact.value(names.get(i)));
                assertTrue(diff[k][i] < strengths[k] * (1 + 2 * 1.5), names.get(i) + ": " + diff[k][i]);
            }
            double jr = red.value("energy_current.hot");
            double je = exact.value("energy_current.hot");
            diff[k][names.size()] = Math.abs(jr / je - 1);
            assertTrue(diff[k][names.size()] < 2 * strengths[k], "relative current difference " + diff[k][names.size()]);
        }
        for (int i = 0; i <= names.size(); i++) {
            assertEquals(2, diff[0][i] / diff[1][i], 0.2, "difference linear in Gamma, component " + i);
        }
    }

    /**
     * Trajectories of the partial-collective model (the paper's single-photon initial state, theta = pi/4,
     * Gamma = 1e-3, gamma = 1: Markov regime Gamma << gamma). Off-resonant bath modes (the whole-line
     * Lorentzian's tail, the Bose pole at w = 0) add O(Gamma) oscillations to the exact trajectory that no
     * Markovian equation has, so the bound is Gamma (1 + 2 n(omega0)) on the second moments, over a time span
     * in which the coherence decays from -1 to -0.38.
     */
    @Test
    void weakCouplingTrajectoryAgreesWithTheExactEngine() {
        var pc = new PartialCollectiveModel(1, 1, 1, 1e-3, 1, Math.PI / 4, 1, -Math.PI / 4);
        BilinearModel model = pc.toModel();
        SecondMomentMasterEquation red = SecondMomentMasterEquation.generator(model, Method.REDFIELD, OPTIONS);
        ExactDynamics exact = new ExactDynamics(model, QuadratureTolerance.TRAJECTORY);
        double bound = pc.Gamma() * (1 + 2 / Math.expm1(1.0));
        for (double t : new double[] {50, 500, 2000}) {
            ObservableSet r = red.observe(t, propagate(red, t));
            var integrator = new DormandPrince853Integrator(1e-9, t, 1e-12, 1e-12);
            double[] y = integrator.integrate(new GeneratorOde(exact), new ODEState(0, exact.initialState()), t).getPrimaryState();
            ObservableSet e = exact.observe(t, y);
            for (String name : List.of("Jx", "Jx_vacuum", "Jx_thermal", "n1", "n2")) {
                assertEquals(e.value(name), r.value(name), bound, name + " at t=" + t);
            }
        }
    }

    /**
     * theta = 0: the antisymmetric mode is decoherence-free. Its stationary part is the exact engine's
     * (same initial-state dependence); the symmetric mode thermalises: Jx_thermal = n(omega).
     */
    @Test
    void decoherenceFreeModeIsReportedAndKeepsItsInitialStateDependence() {
        var pc = new PartialCollectiveModel(1, 1, 1, 1e-3, 1, 0, 1, -Math.PI / 4);
        BilinearModel model = pc.toModel();
        var ss = SecondMomentMasterEquation.steadyState(model, Method.REDFIELD, OPTIONS);
        assertEquals(1, ss.decoherenceFreeModes());
        assertTrue(!ss.unique());
        var exact = new SteadyStateSolver(QuadratureTolerance.STEADY_STATE).solve(model);
        assertEquals(exact.observables().value("Jx_vacuum"), ss.observables().value("Jx_vacuum"), 1e-12);
        assertEquals(-1, ss.observables().value("Jx_vacuum"), 1e-12, "the dark mode holds the whole photon");
        assertEquals(1 / Math.expm1(1.0), ss.observables().value("Jx_thermal"), 1e-12);
        assertTrue(Double.isFinite(ss.relaxationTime()), "the bright mode still relaxes");
    }

    /**
     * A bath coupled to one eigenmode of H = [[1, g], [g, 1.2]]: the other eigenmode is decoherence-free under
     * Redfield and secular. The local dissipator (site frequencies 1 and 1.2 differ, so the jump operators are
     * the separate site parts of L) reaches that mode: there the steady state is unique, and it is what
     * propagation reaches.
     */
    @Test
    void localDissipatorCanBreakADecoherenceFreeSubspace() {
        ComplexMatrix h = ComplexMatrix.real(new double[][] {{1.0, 0.15}, {0.15, 1.2}});
        HermitianEigen eig = HermitianEigen.of(h);
        // L = sum_j v_j c_j with conj(v) = the upper eigenvector: the bath sees one eigenmode only
        ComplexMatrix v = ComplexMatrix.real(new double[][] {{eig.vectors().re(0, 1), eig.vectors().re(1, 1)}});
        BilinearModel model = new BilinearModel(h, List.of(new Bath("b", v, new Lorentzian(1.1, 0.5, 0.05), 0.6)),
                PartialCollectiveModel.initialOccupation(0.2), FrequencySupport.WHOLE_LINE);
        for (Method m : List.of(Method.REDFIELD, Method.SECULAR)) {
            var ss = SecondMomentMasterEquation.steadyState(model, m, OPTIONS);
            assertEquals(1, ss.decoherenceFreeModes(), m.id());
            assertTrue(ss.residual() < 1e-14, m.id());
        }
        var local = SecondMomentMasterEquation.steadyState(model, Method.LOCAL_LINDBLAD, OPTIONS);
        assertTrue(local.unique());
        assertTrue(local.residual() < 1e-14);
        SecondMomentMasterEquation g = SecondMomentMasterEquation.generator(model, Method.LOCAL_LINDBLAD, OPTIONS);
        double until = 40 * local.relaxationTime();
        assertTrue(g.occupation(propagate(g, until)).distance(local.occupation()) < 1e-9);
    }

    @Test
    void refusesWhatItCannotDo() {
        BilinearModel flat = new BilinearModel(ComplexMatrix.real(new double[][] {{1}}),
                List.of(new Bath("lead", ComplexMatrix.real(new double[][] {{1}}), new Flat(0.01), 0.5)),
                ComplexMatrix.zeros(1, 1), FrequencySupport.WHOLE_LINE);
        var e = assertThrows(InvalidModelException.class,
                () -> SecondMomentMasterEquation.generator(flat, Method.REDFIELD, OPTIONS));
        assertTrue(e.getMessage().contains("lamb_shift"), e.getMessage());
        // real rates only: fine, and one mode relaxes to n(e); its occupation decays at the golden-rule rate
        // 2 pi J, its amplitude (the relaxation time reported) at half that
        var ss = SecondMomentMasterEquation.steadyState(flat, Method.REDFIELD, OPTIONS.withLambShift(false));
        assertEquals(1 / Math.expm1(2.0), ss.observables().value("n1"), 1e-14);
        assertEquals(1 / (Math.PI * 0.01), ss.relaxationTime(), 1e-9);
        assertThrows(InvalidModelException.class,
                () -> SecondMomentMasterEquation.generator(flat, Method.EXACT, OPTIONS));
    }
}
