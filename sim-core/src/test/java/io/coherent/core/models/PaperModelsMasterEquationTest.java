package io.coherent.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.ThermalOccupation.Statistics;
import io.coherent.core.dynamics.GeneratorOde;
import io.coherent.core.dynamics.Method;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.master.MasterEquationGenerator;
import io.coherent.core.master.MasterEquationOptions;
import io.coherent.core.master.MasterEquations;
import io.coherent.core.master.MasterSteadyState;
import io.coherent.core.models.CoupledQubitsModel.Spectrum;
import io.coherent.core.models.CoupledQubitsModel.XState;
import io.coherent.core.models.TwoAtomsModel.Case;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.open.Operators;
import java.util.Locale;
import java.util.Map;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The two paper models through the master-equation engine (io.coherent.core.master): equilibrium, the papers'
 * closed forms, the QuTiP fixtures (fixtures/master), the flux sign and the case-D dark state.
 */
class PaperModelsMasterEquationTest {
    private static final MasterEquationOptions REAL_RATES = MasterEquationOptions.DEFAULT;

    private static MasterSteadyState steady(io.coherent.core.open.OpenSystem s, Method m) {
        return MasterEquations.steadyState(s, m, REAL_RATES);
    }

    static TwoAtomsModel twoAtoms(Map<String, String> row) {
        return new TwoAtomsModel(MasterFixtures.number(row, "Omega"), MasterFixtures.number(row, "Delta"),
                MasterFixtures.number(row, "xi"), MasterFixtures.number(row, "gamma"), MasterFixtures.number(row, "Ta"),
                MasterFixtures.number(row, "Tb"), Case.valueOf(row.get("case")));
    }

    private static Method method(Map<String, String> row) {
        return Method.of(row.get("method"));
    }

    /** Populations and rho_32 (paper labels) of a bare-basis density matrix, as the engine names them. */
    static void assertTwoAtomElements(TwoAtomsModel m, ComplexMatrix rho, ObservableSet o, double tol, String where) {
        for (int l = 1; l <= 4; l++) {
            assertEquals(MasterFixtures.element(m.eigenstate(l), rho, m.eigenstate(l))[0], o.value("rho_" + l + l), tol,
                    "rho_" + l + l + " " + where);
        }
        double[] rho32 = MasterFixtures.element(m.eigenstate(3), rho, m.eigenstate(2));
        assertEquals(rho32[0], o.value("re_rho_32"), tol, "Re rho_32 " + where);
        assertEquals(rho32[1], o.value("im_rho_32"), tol, "Im rho_32 " + where);
        // the only coherence: l1 = 2 |rho_32|
        assertEquals(2 * Math.hypot(rho32[0], rho32[1]), o.value("coherence_l1"), 10 * tol, "coherence_l1 " + where);
    }

    @Test
    void twoAtomSteadyStatesMatchQutipForRedfieldAndSecular() {
        for (var row : MasterFixtures.read("two_atoms_steady.csv")) {
            TwoAtomsModel m = twoAtoms(row);
            Method method = method(row);
            MasterSteadyState ss = steady(m.toSystem(), method);
            String where = method.id() + " " + m;
            assertTrue(ss.unique(), where + ": " + ss.notes());
            assertTwoAtomElements(m, MasterFixtures.densityMatrix(row), ss.observables(), 1e-9, where);
            if (method == Method.REDFIELD) {
                assertEquals(MasterFixtures.number(row, "current_a"), ss.observables().value("energy_current.a"), 1e-8, where);
                assertEquals(MasterFixtures.number(row, "current_b"), ss.observables().value("energy_current.b"), 1e-8, where);
            }
        }
    }

    /** Compares one bare-basis fixture state with the engine's observables at the same time. */
    @FunctionalInterface
    interface StateCheck {
        void check(ComplexMatrix fixture, ObservableSet engine, String where);
    }

    /** Propagates a Redfield generator through a QuTiP trajectory fixture, checking every row. */
    private static void assertTrajectory(String file, io.coherent.core.open.OpenSystem system, StateCheck check) {
        assertTrajectory(file, MasterFixtures.read(file), system, Method.REDFIELD, check);
    }

    /** Propagates {@code method}'s generator through trajectory rows (column t, increasing), checking every row. */
    static void assertTrajectory(String file, java.util.List<Map<String, String>> rows, io.coherent.core.open.OpenSystem system,
                                 Method method, StateCheck check) {
        MasterEquationGenerator g = MasterEquations.build(system, method, REAL_RATES);
        var integrator = new DormandPrince853Integrator(1e-10, 1, 1e-12, 1e-12);
        var ode = new GeneratorOde(g);
        ODEState state = new ODEState(0, g.initialState());
        for (var row : rows) {
            double t = MasterFixtures.number(row, "t");
            if (t > state.getTime()) {
                ODEStateAndDerivative s = integrator.integrate(ode, state, t);
                state = new ODEState(s.getTime(), s.getPrimaryState());
            }
            check.check(MasterFixtures.densityMatrix(row), g.observe(t, state.getPrimaryState()), file + " t = " + t);
        }
    }

    @Test
    void twoAtomRedfieldTrajectoryMatchesQutip() {
        TwoAtomsModel m = TwoAtomsModel.DEFAULTS;
        assertTrajectory("two_atoms_trajectory.csv", m.toSystem(), (rho, o, where) -> assertTwoAtomElements(m, rho, o, 1e-8, where));
    }

    @Test
    void coupledQubitFermionTrajectoryMatchesQutip() {
        var m = new CoupledQubitsModel(11, 9, 6, 1, 1, 1.5, 1.5, 4, 8, Statistics.FERMI, Spectrum.FLAT);
        assertTrajectory("coupled_qubits_trajectory.csv", m.toSystem(), (rho, o, where) -> assertCoupledElements(m, rho, o, 1e-8, where));
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void twoAtomsAtOneTemperatureRelaxToGibbsWithoutCoherence(Case c) {
        // Delta = 5: case D then has a unique steady state
        TwoAtomsModel m = new TwoAtomsModel(30, 5, 2, 1, 12, 12, c);
        double[] lambda = m.eigenvalues();
        double z = 0;
        for (double e : lambda) {
            z += Math.exp(-e / 12);
        }
        for (Method method : new Method[] {Method.REDFIELD, Method.SECULAR}) {
            MasterSteadyState ss = steady(m.toSystem(), method);
            assertTrue(ss.unique(), ss.notes().toString());
            for (int l = 1; l <= 4; l++) {
                assertEquals(Math.exp(-lambda[l - 1] / 12) / z, ss.observables().value("rho_" + l + l), 1e-10,
                        method.id() + " case " + c + " rho_" + l + l);
            }
            assertEquals(0, ss.observables().value("coherence_l1"), 1e-10, method.id() + " case " + c);
            assertEquals(0, ss.observables().value("J_12"), 1e-10, method.id() + " case " + c);
            assertEquals(0, ss.observables().value("energy_current.a"), 1e-9, method.id() + " case " + c);
        }
        // local Lindblad: jump operators of the bare atoms, so it relaxes to the Gibbs state of the local
        // Hamiltonian (omega1/2) sz1 + (omega2/2) sz2 up to O(xi/Omega), not to that of H_S (engine docs)
        MasterSteadyState local = steady(m.toSystem(), Method.LOCAL_LINDBLAD);
        assertTrue(local.unique(), local.notes().toString());
        assertEquals(0, local.observables().value("energy_current.a") + local.observables().value("energy_current.b"), 1e-9);
    }

    @Test
    void localLindbladThermalisesOnlyWithoutTheDipoleCoupling() {
        // xi = 0: H_S is local, the local jump operators are the global ones, Gibbs exactly
        TwoAtomsModel uncoupled = new TwoAtomsModel(30, 5, 0, 1, 12, 12, Case.B);
        ObservableSet o = steady(uncoupled.toSystem(), Method.LOCAL_LINDBLAD).observables();
        ComplexMatrix gibbs = Operators.gibbs(uncoupled.hamiltonian(), 12);
        for (int l = 1; l <= 4; l++) {
            assertEquals(MasterFixtures.element(uncoupled.eigenstate(l), gibbs, uncoupled.eigenstate(l))[0],
                    o.value("rho_" + l + l), 1e-10);
        }
        assertEquals(0, o.value("coherence_l1"), 1e-10);
        // xi = 2, Ta = Tb: the local approach leaves eigenbasis coherence and a heat current between two baths at
        // the same temperature (the known inconsistency of local master equations; Redfield and secular give
        // none, see above). QuTiP gives the same numbers (fixtures/master/two_atoms_local_lindblad.csv, third row;
        // LocalLindbladFixtureTest).
        ObservableSet coupled = steady(new TwoAtomsModel(30, 5, 2, 1, 12, 12, Case.A).toSystem(), Method.LOCAL_LINDBLAD)
                .observables();
        assertEquals(-0.3585251278753717, coupled.value("energy_current.a"), 1e-8);
        assertEquals(0.0063525050600519595, coupled.value("coherence_l1"), 1e-9);
    }

    @Test
    void twoAtomClosedFormsEqualTheEngine() {
        for (Case c : new Case[] {Case.A, Case.B, Case.C}) {
            for (double delta : new double[] {-8, 0, 8}) {
                TwoAtomsModel m = new TwoAtomsModel(30, delta, 2, 1, 6, 40, c);
                assertTwoAtomElements(m, m.secularSteadyState(), steady(m.toSystem(), Method.SECULAR).observables(), 1e-10,
                        "secular " + m);
            }
        }
        for (double delta : new double[] {-8, 0, 8}) {
            TwoAtomsModel m = new TwoAtomsModel(30, delta, 2, 1, 6, 40, Case.A);
            assertTwoAtomElements(m, m.paperCaseASteadyState(), steady(m.toSystem(), Method.REDFIELD).observables(), 1e-10,
                    "redfield, Eq. 11 " + m);
        }
    }

    @Test
    void interAtomicFluxObservableIsPlusFourXiImRho32() {
        MasterSteadyState ss = steady(TwoAtomsModel.DEFAULTS.toSystem(), Method.REDFIELD);
        ObservableSet o = ss.observables();
        assertEquals(4 * 2 * o.value("im_rho_32"), o.value("J_12"), 1e-12);
        assertEquals(0.5371723718274856, o.value("J_12"), 1e-9); // QuTiP fixture value
        assertTrue(o.value("energy_current.b") > 0 && o.value("energy_current.a") < 0, "heat flows from b to a");
        // secular: no coherence, hence no inter-atomic flux, although heat still flows from b to a
        ObservableSet sec = steady(TwoAtomsModel.DEFAULTS.toSystem(), Method.SECULAR).observables();
        assertEquals(0, sec.value("J_12"), 1e-12);
        assertEquals(0, sec.value("rho_32"), 1e-12);
        assertTrue(sec.value("energy_current.b") > 0);
    }

    @Test
    void caseDAtResonanceIsReportedAsNonUniqueAndKeepsTheDarkPopulation() {
        TwoAtomsModel d = new TwoAtomsModel(30, 0, 2, 1, 10, 60, Case.D);
        for (Method method : new Method[] {Method.REDFIELD, Method.SECULAR}) {
            MasterSteadyState fromGround = steady(d.toSystem(), method);
            assertFalse(fromGround.unique(), method.id());
            assertEquals(2, fromGround.nullity(), method.id());
            assertEquals(0, fromGround.observables().value("rho_33"), 1e-10, method.id());
            // half the weight on the dark state |l3>: it stays there; rho_32 still decays
            ComplexMatrix mixed = Operators.projector(d.eigenstate(4)).plus(Operators.projector(d.eigenstate(3))).scale(0.5);
            MasterSteadyState fromMixed = steady(d.toSystem(mixed), method);
            assertFalse(fromMixed.unique());
            assertEquals(0.5, fromMixed.observables().value("rho_33"), 1e-10, method.id());
            assertEquals(0, fromMixed.observables().value("rho_32"), 1e-10, method.id());
            // the rest is the steady state of the bright levels 1, 2, 4, scaled by 1/2
            double bright = fromGround.observables().value("rho_22");
            assertEquals(bright / 2, fromMixed.observables().value("rho_22"), 1e-10, method.id());
        }
    }

    // ------------------------------------------------------------------ coupled qubits

    private static void assertCoupledElements(CoupledQubitsModel m, ComplexMatrix rho, ObservableSet o, double tol, String where) {
        for (int l = 1; l <= 4; l++) {
            assertEquals(MasterFixtures.element(m.eigenstate(l), rho, m.eigenstate(l))[0], o.value("rho_" + l + l), tol,
                    "rho_" + l + l + " " + where);
        }
        double[] rho34 = MasterFixtures.element(m.eigenstate(3), rho, m.eigenstate(4));
        assertEquals(rho34[0], o.value("re_rho_34"), tol, "Re rho_34 " + where);
        assertEquals(rho34[1], o.value("im_rho_34"), tol, "Im rho_34 " + where);
        assertEquals(rho.re(1, 2), o.value("re_w"), tol, "Re w " + where);
        assertEquals(rho.im(1, 2), o.value("im_w"), tol, "Im w " + where);
    }

    @Test
    void coupledQubitSteadyStatesMatchQutipForRedfieldAndSecular() {
        for (var row : MasterFixtures.read("coupled_qubits_steady.csv")) {
            CoupledQubitsModel m = CoupledQubitsModelTest.model(row);
            Method method = method(row);
            MasterSteadyState ss = steady(m.toSystem(), method);
            String where = method.id() + " " + m;
            assertTrue(ss.unique(), where);
            assertCoupledElements(m, MasterFixtures.densityMatrix(row), ss.observables(), 1e-9, where);
            if (method == Method.REDFIELD) {
                assertEquals(MasterFixtures.number(row, "current_1"), ss.observables().value("energy_current.1"), 1e-8, where);
                assertEquals(MasterFixtures.number(row, "current_2"), ss.observables().value("energy_current.2"), 1e-8, where);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"10, 10, 6, 1.5, 1.5, 4, 8, FERMI", "11, 9, 6, 1.5, 1.5, 2, 6, FERMI", "10, 10, 6, 2, 4, 0, 0, BOSE",
                "9, 11, 6, 3, 1.5, 0, 0, BOSE", "10, 10, 6, 1.5, 1.5, 12, -2, FERMI", "10, 10, 2, 1.2, 3, -1, -2, BOSE"})
    void papersAnalyticalSteadyStateIsTheEngineRedfieldSteadyState(double w1, double w2, double lambda, double t1, double t2,
                                                                   double mu1, double mu2, Statistics stat) {
        var m = new CoupledQubitsModel(w1, w2, lambda, 1, 1, t1, t2, mu1, mu2, stat, Spectrum.FLAT);
        XState paper = m.paperSteadyState();
        ObservableSet o = steady(m.toSystem(), Method.REDFIELD).observables();
        assertCoupledElements(m, paper.densityMatrix(), o, 1e-10, m.toString());
        // Eq. 19 (X state, real part of sqrt(ad)) is Wootters' concurrence where rho is positive
        if (o.value("min_eigenvalue") >= 0) {
            assertEquals(paper.concurrence(), o.value("concurrence"), 1e-9, "concurrence " + m);
        }
    }

    @ParameterizedTest
    @CsvSource({"10, 10, 6, 2, 0, BOSE, FLAT", "11, 9, 6, 2, -1, BOSE, OHMIC", "10, 10, 6, 1.5, 4, FERMI, FLAT",
                "12, 9, 5, 1.5, 9, FERMI, OHMIC", "10, 10, 6, 1.5, 10, FERMI, FLAT"})
    void coupledQubitsAtEquilibriumRelaxToTheGrandCanonicalState(double w1, double w2, double lambda, double t, double mu,
                                                                Statistics stat, Spectrum spectrum) {
        var m = new CoupledQubitsModel(w1, w2, lambda, 1, 0.4, t, t, mu, mu, stat, spectrum);
        XState eq = m.equilibriumState();
        for (Method method : new Method[] {Method.REDFIELD, Method.SECULAR}) {
            MasterSteadyState ss = steady(m.toSystem(), method);
            assertTrue(ss.unique());
            assertCoupledElements(m, eq.densityMatrix(), ss.observables(), 1e-10, method.id() + " " + m);
            assertEquals(0, ss.observables().value("coherence_l1"), 1e-10, method.id());
            assertEquals(eq.concurrence(), ss.observables().value("concurrence"), 1e-9, method.id() + " concurrence");
            assertEquals(0, ss.observables().value("particle_current.1"), 1e-10, method.id());
            assertEquals(0, ss.observables().value("energy_current.2"), 1e-9, method.id());
        }
        // the grand-canonical state of Operators agrees with the record's closed form
        ComplexMatrix grand = Operators.grandCanonical(m.hamiltonian(), m.toSystem().particleNumber(), t, mu);
        assertEquals(0, grand.distance(eq.densityMatrix()), 1e-13);
    }

    @Test
    void energyCurrentFlowsFromTheHotterOrHigherPotentialReservoir() {
        // Sec. VII B: I_2 > 0 when T2 > T1 (bosons) or mu2 > mu1 (fermions)
        ObservableSet bose = steady(CoupledQubitsModel.DEFAULTS.toSystem(), Method.REDFIELD).observables();
        assertTrue(bose.value("energy_current.2") > 0);
        var fermi = new CoupledQubitsModel(10, 10, 6, 1, 1, 1.5, 1.5, 4, 8, Statistics.FERMI, Spectrum.FLAT);
        ObservableSet f = steady(fermi.toSystem(), Method.REDFIELD).observables();
        assertTrue(f.value("energy_current.2") > 0 && f.value("particle_current.2") > 0);
        assertEquals(0, f.value("particle_current.1") + f.value("particle_current.2"), 1e-10);
        assertEquals(Statistics.FERMI.name(), fermi.statistics().name().toUpperCase(Locale.ROOT));
    }
}
