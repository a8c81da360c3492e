package io.coherent.core.bosonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.dynamics.Generator;
import io.coherent.core.dynamics.GeneratorOde;
import io.coherent.core.dynamics.Method;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.master.MasterEquationOptions;
import io.coherent.core.master.MasterEquations;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The second-moment master equations against the finite-system engine (io.coherent.core.master) run on the
 * same model in Fock space ({@link FockSpaceModel}): two different codes, one in n x n one-body space and one
 * on the d^2 density matrix with its own Redfield tensor, correlation spectra and principal values. They must
 * agree for every method, with and without Lamb shift.
 *
 * <p>Truncation: baths at T = 0.3 and 0.2 against one-body frequencies near 1 keep occupations below 0.04, and
 * the initial state has N(0) eigenvalues 0.03 and 0.01. The Fock form is exact in the sectors with at most
 * cutoff quanta; what leaks beyond (and meets the truncated top level, where [c, c^+] != 1) is of order
 * n^(cutoff + 1) ~ 1e-7 for cutoff 4 (steady state), ~ 1e-9 for cutoff 5 (trajectories, whose initial
 * state's dropped tail also enters). Both codes compute principal values to ~1e-8 (QuadratureTolerance.TRAJECTORY). Tolerance 2e-6 on
 * occupations and coherences (a relative 5e-5), 4e-8 on the currents (rate 0.02 times that).
 */
class FockSpaceAgreementTest {
    /** Steady state: the finite engine's dense null space is limited to d <= 30, so 5 levels per oscillator. */
    private static final int CUTOFF = 4;
    /** Trajectories: 6 levels per oscillator (d = 36). */
    private static final int TRAJECTORY_CUTOFF = 5;
    private static final double TOLERANCE = 2e-6;
    /** Rates ~ 2 pi J(1) ~ 0.02 times frequencies ~ 1 times the occupation tolerance. */
    private static final double CURRENT_TOLERANCE = 0.02 * TOLERANCE;

    /**
     * Detuned modes with complex hopping, two super-Ohmic baths (s = 2: J = lambda w^2 e^{-w/Omega}/Omega, no
     * modes at w <= 0 and J n ~ w near 0, so every rate and principal value is finite even at w = 0, which the
     * finite-system engine evaluates) at different temperatures.
     */
    private static BilinearModel model() {
        BilinearModel base = SecondMomentMasterEquationTest.twoBathModel(2e-2, 0.3, 0.2);
        List<Bath> baths = List.of(
                new Bath("hot", ComplexMatrix.real(new double[][] {{0.9, 0.2}}), new OhmicFamily(1.5e-2, 2, 3), 0.3),
                new Bath("cold", ComplexMatrix.real(new double[][] {{0.1, 0.8}}), new OhmicFamily(1.6e-2, 2, 2), 0.2));
        ComplexMatrix n0 = ComplexMatrix.fromParts(new double[][] {{0.025, 0.0075}, {0.0075, 0.015}},
                new double[][] {{0, 0.005}, {-0.005, 0}});
        return new BilinearModel(base.hamiltonian(), baths, n0, base.support());
    }

    private static MasterEquationOptions options(boolean lamb) {
        return new MasterEquationOptions(lamb, QuadratureTolerance.TRAJECTORY, 1e-9);
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"REDFIELD", "SECULAR", "LOCAL_LINDBLAD"})
    void steadyStatesAgree(Method method) {
        BilinearModel model = model();
        FockSpaceModel fock = FockSpaceModel.of(model, CUTOFF);
        for (boolean lamb : new boolean[] {false, true}) {
            var moments = SecondMomentMasterEquation.steadyState(model, method, options(lamb));
            var finite = MasterEquations.steadyState(fock.system(), method, options(lamb));
            assertTrue(finite.unique());
            compare(moments.observables(), finite.observables(), method + " lamb=" + lamb);
        }
    }

    /**
     * One relaxation time for both codes: the second-moment engine's slowest amplitude decay (eigenvalues of the
     * drift A) is the gap of the Fock-space Liouvillian, which the finite-system engine takes from its own
     * spectrum. Truncation shifts the Fock gap: relative 7.8e-4 at cutoff 3, 5.1e-5 at cutoff 4 (Redfield; the
     * other methods alike), a geometric convergence to the second-moment value. The sum-of-two-rates time of the
     * second moments would be half of it.
     */
    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"REDFIELD", "SECULAR", "LOCAL_LINDBLAD"})
    void relaxationTimesAgree(Method method) {
        BilinearModel model = model();
        var moments = SecondMomentMasterEquation.steadyState(model, method, options(false));
        var finite = MasterEquations.steadyState(FockSpaceModel.of(model, CUTOFF).system(), method, options(false));
        assertEquals(finite.relaxationTime().orElseThrow(), moments.relaxationTime(),
                1e-4 * moments.relaxationTime(), method.id());
    }

    /**
     * The exact engine's kind of bath: whole-line Lorentzians (J(0) > 0, n(w) ~ T/w). Real rates only: with the
     * Lamb shift on, the finite-system engine refuses this model (its principal value does not fold the Bose
     * pole at w = 0; the second-moment engine does, see ExchangeRates).
     */
    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"REDFIELD", "SECULAR", "LOCAL_LINDBLAD"})
    void lorentzianSteadyStatesAgreeWithRealRates(Method method) {
        BilinearModel base = SecondMomentMasterEquationTest.twoBathModel(2e-2, 0.3, 0.2);
        BilinearModel model = new BilinearModel(base.hamiltonian(), base.baths(), model().initialOccupation(), base.support());
        var moments = SecondMomentMasterEquation.steadyState(model, method, options(false));
        var finite = MasterEquations.steadyState(FockSpaceModel.of(model, CUTOFF).system(), method, options(false));
        compare(moments.observables(), finite.observables(), method + " lorentzian");
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"REDFIELD", "SECULAR", "LOCAL_LINDBLAD"})
    void trajectoriesAgree(Method method) {
        BilinearModel model = model();
        FockSpaceModel fock = FockSpaceModel.of(model, TRAJECTORY_CUTOFF);
        assertTrue(fock.truncatedWeight() < 1e-9, "initial state fits: " + fock.truncatedWeight());
        Generator moments = SecondMomentMasterEquation.generator(model, method, options(true));
        Generator finite = MasterEquations.generator(fock.system(), method, options(true));
        var integratorM = new DormandPrince853Integrator(1e-9, 60, 1e-12, 1e-12);
        var integratorF = new DormandPrince853Integrator(1e-9, 60, 1e-12, 1e-12);
        ODEState m = new ODEState(0, moments.initialState());
        ODEState f = new ODEState(0, finite.initialState());
        for (double t : new double[] {3, 20, 60}) {
            m = integratorM.integrate(new GeneratorOde(moments), m, t);
            f = integratorF.integrate(new GeneratorOde(finite), f, t);
            compare(moments.observe(t, m.getPrimaryState()), finite.observe(t, f.getPrimaryState()), method + " t=" + t);
        }
    }

    private static void compare(ObservableSet moments, ObservableSet finite, String label) {
        for (String name : List.of("n1", "n2", "Jx", "Jy", "Jz")) {
            assertEquals(finite.value(name), moments.value(name), TOLERANCE, label + " " + name);
        }
        for (String bath : List.of("hot", "cold")) {
            String name = "energy_current." + bath;
            assertEquals(finite.value(name), moments.value(name), CURRENT_TOLERANCE, label + " " + name);
        }
    }
}
