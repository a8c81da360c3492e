package io.coherent.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.models.TwoAtomsModel.Case;
import io.coherent.core.open.Channel;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Reservoir;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two-atom paper's model (seed two-atoms-nonequilibrium): labels, closed forms, its slips. */
class TwoAtomsModelTest {

    private static TwoAtomsModel model(Map<String, String> row) {
        return new TwoAtomsModel(MasterFixtures.number(row, "Omega"), MasterFixtures.number(row, "Delta"),
                MasterFixtures.number(row, "xi"), MasterFixtures.number(row, "gamma"), MasterFixtures.number(row, "Ta"),
                MasterFixtures.number(row, "Tb"), Case.valueOf(row.get("case")));
    }

    @ParameterizedTest
    @CsvSource({"0, 2", "-10, 2", "10, 2", "-1, 2", "3, -1.5", "-3, -1.5", "0, -1.5", "-25, 0.5"})
    void paperLabelsAreEigenstatesWithThePaperEigenvalues(double delta, double xi) {
        // with theta = atan(2 xi/Delta) (the paper's cot theta = Delta/2xi on the principal branch), the
        // Delta < 0 rows would put the lower eigenvalue on |l2>
        var m = new TwoAtomsModel(30, delta, xi, 1, 10, 60, Case.A);
        ComplexMatrix h = m.hamiltonian();
        double r = Math.sqrt(delta * delta + 4 * xi * xi);
        double[] expected = {30, r / 2, -r / 2, -30};
        for (int l = 1; l <= 4; l++) {
            ComplexMatrix v = m.eigenstate(l);
            ComplexMatrix hv = h.times(v);
            for (int i = 0; i < 4; i++) {
                assertEquals(expected[l - 1] * v.re(i, 0), hv.re(i, 0), 1e-12, "H|l" + l + "> component " + i);
            }
        }
        assertEquals(m.epsilon1(), expected[0] - expected[2], 1e-12);
        assertEquals(m.epsilon2(), expected[0] - expected[1], 1e-12);
    }

    @Test
    void invalidParametersNameThePaperParameter() {
        assertField("Omega", () -> new TwoAtomsModel(-1, 0, 2, 1, 10, 60, Case.A));
        assertField("Omega", () -> new TwoAtomsModel(1.5, 0, 2, 1, 10, 60, Case.A)); // |ee> below |l2>
        assertField("Delta", () -> new TwoAtomsModel(30, Double.NaN, 2, 1, 10, 60, Case.A));
        assertField("xi", () -> new TwoAtomsModel(30, 0, 0, 1, 10, 60, Case.A));
        assertField("gamma", () -> new TwoAtomsModel(30, 0, 2, 0, 10, 60, Case.A));
        assertField("Ta", () -> new TwoAtomsModel(30, 0, 2, 1, -1, 60, Case.A));
        assertField("Tb", () -> new TwoAtomsModel(30, 0, 2, 1, 10, Double.POSITIVE_INFINITY, Case.A));
        assertField("case", () -> new TwoAtomsModel(30, 0, 2, 1, 10, 60, null));
    }

    private static void assertField(String field, Executable construction) {
        var e = assertThrows(InvalidModelException.class, construction);
        assertEquals(field, e.field(), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"30, 0, 2, 1, 10, 60", "30, -7, 2, 1, 10, 60", "30, 12, 3, 0.5, 4, 25", "5, -3, 1, 1, 2, 0.5"})
    void caseASecularSteadyStateIsThePapersEquation9(double omega, double delta, double xi, double gamma, double ta, double tb) {
        var m = new TwoAtomsModel(omega, delta, xi, gamma, ta, tb, Case.A);
        // Eq. 8 with cos^2(theta/2), sin^2(theta/2) from cot(theta) = Delta/2xi on the atan2 branch
        double c2 = (1 + delta / Math.hypot(delta, 2 * xi)) / 2;
        double s2 = 1 - c2;
        double r = Math.hypot(delta, 2 * xi);
        double e1 = omega + r / 2;
        double e2 = omega - r / 2;
        double g1 = c2 * gamma * (bose(e1, ta) + 1) + s2 * gamma * (bose(e1, tb) + 1);
        double g2 = c2 * gamma * bose(e1, ta) + s2 * gamma * bose(e1, tb);
        double g3 = s2 * gamma * (bose(e2, ta) + 1) + c2 * gamma * (bose(e2, tb) + 1);
        double g4 = s2 * gamma * bose(e2, ta) + c2 * gamma * bose(e2, tb);
        double big = (g1 + g2) * (g3 + g4);
        double[] paper = {g2 * g4 / big, g2 * g3 / big, g1 * g4 / big, g1 * g3 / big}; // Eq. 9
        double[] ours = m.secularPopulations();
        for (int l = 0; l < 4; l++) {
            assertEquals(paper[l], ours[l], 1e-14, "rho_" + (l + 1) + (l + 1));
        }
    }

    @ParameterizedTest
    @CsvSource({"30, 0, 2, 1, 10, 60", "30, -7, 2, 1, 10, 60", "20, 9, 3, 0.5, 4, 25"})
    void caseBSecularRatesAreThePapersAppendixB(double omega, double delta, double xi, double gamma, double ta, double tb) {
        // Appendix B, Eq. B1: Gamma'_1 L_tau31 + Gamma'_2 L_tau13 + ... with L_X = 2 X rho X^+ - {X^+X, rho}, so the
        // rate |u> -> |l> is 2 Gamma'. c = cos(theta/2), s = sin(theta/2) on the atan2 branch.
        var m = new TwoAtomsModel(omega, delta, xi, gamma, ta, tb, Case.B);
        double c = Math.cos(m.theta() / 2);
        double s = Math.sin(m.theta() / 2);
        double e1 = m.epsilon1();
        double e2 = m.epsilon2();
        double a1e1 = gamma * (bose(e1, ta) + 1);
        double a2e1 = gamma * bose(e1, ta);
        double b1e1 = gamma * (bose(e1, tb) + 1);
        double b2e1 = gamma * bose(e1, tb);
        double a1e2 = gamma * (bose(e2, ta) + 1);
        double a2e2 = gamma * bose(e2, ta);
        double b1e2 = gamma * (bose(e2, tb) + 1);
        double b2e2 = gamma * bose(e2, tb);
        double minus = (c - s) * (c - s);
        double plus = (c + s) * (c + s);
        double[][] k = m.secularRates();
        assertEquals(2 * (minus * a1e1 + s * s * b1e1), k[0][2], 1e-12, "Gamma'_1: 1 -> 3");
        assertEquals(2 * (minus * a2e1 + s * s * b2e1), k[2][0], 1e-12, "Gamma'_2: 3 -> 1");
        assertEquals(2 * (plus * a1e2 + c * c * b1e2), k[0][1], 1e-12, "Gamma'_3: 1 -> 2");
        assertEquals(2 * (plus * a2e2 + c * c * b2e2), k[1][0], 1e-12, "Gamma'_4: 2 -> 1");
        assertEquals(2 * (plus * a1e1 + s * s * b1e1), k[1][3], 1e-12, "Gamma'_5: 2 -> 4");
        assertEquals(2 * (plus * a2e1 + s * s * b2e1), k[3][1], 1e-12, "Gamma'_6: 4 -> 2");
        assertEquals(2 * (minus * a1e2 + c * c * b1e2), k[2][3], 1e-12, "Gamma'_7: 3 -> 4");
        assertEquals(2 * (minus * a2e2 + c * c * b2e2), k[3][2], 1e-12, "Gamma'_8: 4 -> 3");
        assertEquals(0, k[0][3] + k[3][0] + k[1][2] + k[2][1], 0, "no two-photon or 2 <-> 3 transitions");
    }

    private static double bose(double w, double t) {
        return 1 / Math.expm1(w / t);
    }

    @Test
    void secularClosedFormMatchesQutipDaviesSteadyStateInEveryCase() {
        int compared = 0;
        for (var row : MasterFixtures.read("two_atoms_steady.csv")) {
            if (!row.get("method").equals("secular")) {
                continue;
            }
            var m = model(row);
            double diff = MasterFixtures.maxDifference(m.secularSteadyState(), MasterFixtures.densityMatrix(row));
            assertTrue(diff < 1e-10, "case " + m.configuration() + ", Delta = " + m.Delta() + ": |d rho| = " + diff);
            compared++;
        }
        assertEquals(7, compared);
    }

    @Test
    void papersEquation11MatrixGivesTheQutipRedfieldSteadyStateInCaseA() {
        int compared = 0;
        for (var row : MasterFixtures.read("two_atoms_steady.csv")) {
            var m = model(row);
            if (!row.get("method").equals("redfield") || m.configuration() != Case.A) {
                continue;
            }
            double diff = MasterFixtures.maxDifference(m.paperCaseASteadyState(), MasterFixtures.densityMatrix(row));
            assertTrue(diff < 1e-10, "Delta = " + m.Delta() + ": |d rho| = " + diff);
            compared++;
        }
        assertEquals(3, compared);
        var e = assertThrows(InvalidModelException.class,
                () -> new TwoAtomsModel(30, 0, 2, 1, 10, 60, Case.B).paperCaseASteadyState());
        assertEquals("case", e.field());
    }

    @Test
    void caseDKeepsNoCoherenceAsThePaperSays() {
        // Sec. IV: "the residual coherence terms completely vanish" in case D; QuTiP Redfield, detuned (unique)
        int compared = 0;
        for (var row : MasterFixtures.read("two_atoms_steady.csv")) {
            var m = model(row);
            if (m.configuration() == Case.D && row.get("method").equals("redfield")) {
                double[] rho32 = MasterFixtures.element(m.eigenstate(3), MasterFixtures.densityMatrix(row), m.eigenstate(2));
                assertEquals(0, Math.hypot(rho32[0], rho32[1]), 1e-12);
                compared++;
            }
        }
        assertEquals(1, compared);
    }

    @Test
    void equalTemperaturesGiveTheGibbsStateInEveryCase() {
        for (Case c : Case.values()) {
            var m = new TwoAtomsModel(30, 5, 2, 1, 12, 12, c);
            double[] lambda = m.eigenvalues();
            double z = 0;
            for (double e : lambda) {
                z += Math.exp(-e / 12);
            }
            double[] p = m.secularPopulations();
            for (int l = 0; l < 4; l++) {
                assertEquals(Math.exp(-lambda[l] / 12) / z, p[l], 1e-14, "case " + c + " rho_" + (l + 1) + (l + 1));
            }
        }
    }

    @Test
    void interAtomicFluxIsPlusFourXiImRho32AndFlowsFromTheHotSide() {
        for (var row : MasterFixtures.read("two_atoms_steady.csv")) {
            if (!row.get("method").equals("redfield")) {
                continue;
            }
            var m = model(row);
            ComplexMatrix rho = MasterFixtures.densityMatrix(row);
            double flux = MasterFixtures.expectation(rho, m.interAtomicFlux());
            double imRho32 = MasterFixtures.element(m.eigenstate(3), rho, m.eigenstate(2))[1];
            // Eq. 13 prints -4 xi Im(rho_32); -i<[sigma_z1, H_S]> is +4 xi Im(rho_32)
            assertEquals(4 * m.xi() * imRho32, flux, 1e-12, "case " + m.configuration() + " Delta " + m.Delta());
            double intoFromB = MasterFixtures.number(row, "current_b");
            double intoFromA = MasterFixtures.number(row, "current_a");
            assertEquals(0, intoFromA + intoFromB, 1e-9 * Math.abs(intoFromB) + 1e-12, "energy conservation");
            if (m.Tb() > m.Ta()) {
                assertTrue(intoFromB > 0, "heat enters from the hot bath b");
                if (m.configuration() == Case.A) {
                    // atom 2 sits on the hot bath: excitation flows from atom 2 into atom 1, J_12 > 0
                    assertTrue(flux > 0, "J_12 = " + flux);
                    assertTrue(-4 * m.xi() * imRho32 < 0, "the printed sign gives a flux from cold to hot");
                }
            } else {
                assertEquals(0, flux, 1e-12, "no flux at equal temperatures");
            }
        }
    }

    @Test
    void defaultsPinTheCoherenceAndFluxOfFigure3() {
        // QuTiP fixture (Redfield, real rates): the paper's Fig. 3 at Ta = 10, Delta_T = 50
        var row = MasterFixtures.read("two_atoms_steady.csv").get(0);
        var m = model(row);
        assertEquals(TwoAtomsModel.DEFAULTS, m);
        ComplexMatrix rho = MasterFixtures.densityMatrix(row);
        double[] rho32 = MasterFixtures.element(m.eigenstate(3), rho, m.eigenstate(2));
        assertEquals(0.11023609706595555, Math.hypot(rho32[0], rho32[1]), 1e-9);
        assertEquals(0.5371723718274856, MasterFixtures.expectation(rho, m.interAtomicFlux()), 1e-9);
    }

    @Test
    void oppositeDetuningsDoNotGiveTheSameCoherence() {
        // Fig. 2(a) shows overlapping curves for +-Delta. With theta = atan2(2 xi, Delta) they differ (atom 1 sits
        // on the cold bath, so Delta -> -Delta is no symmetry); the overlap follows from the principal-branch
        // theta = atan(2 xi/Delta), which flips the sign of sin(theta/2) cos(theta/2) only. QuTiP Redfield values:
        double plus = Double.NaN;
        double minus = Double.NaN;
        for (var row : MasterFixtures.read("two_atoms_steady.csv")) {
            var m = model(row);
            if (row.get("method").equals("redfield") && m.configuration() == Case.A && Math.abs(m.Delta()) == 10) {
                double[] rho32 = MasterFixtures.element(m.eigenstate(3), MasterFixtures.densityMatrix(row), m.eigenstate(2));
                if (m.Delta() > 0) {
                    plus = Math.hypot(rho32[0], rho32[1]);
                } else {
                    minus = Math.hypot(rho32[0], rho32[1]);
                }
            }
        }
        assertEquals(0.028412306259654806, minus, 1e-9, "|rho_32| at Delta = -10");
        assertTrue(minus - plus > 0.005, "|rho_32|: Delta = -10 gives " + minus + ", Delta = +10 gives " + plus);
    }

    @Test
    void caseDAtResonanceHasADarkStateAndNoUniqueSteadyState() {
        var d = new TwoAtomsModel(30, 0, 2, 1, 10, 60, Case.D);
        assertEquals(3, d.darkState().getAsInt());
        assertEquals(2, new TwoAtomsModel(30, 0, -2, 1, 10, 60, Case.D).darkState().getAsInt());
        var e = assertThrows(InvalidModelException.class, d::secularPopulations);
        assertEquals("case", e.field());
        // independent of the record's own amplitudes: both jump operators annihilate (|ge> - |eg>)/sqrt 2,
        // their adjoints do not feed it, and it is an eigenstate of H_S
        OpenSystem system = d.toSystem();
        ComplexMatrix antisymmetric = ComplexMatrix.real(new double[][] {{0}, {-Math.sqrt(0.5)}, {Math.sqrt(0.5)}, {0}});
        for (Reservoir r : system.reservoirs()) {
            for (Channel c : r.channels()) {
                assertEquals(0, c.operator().times(antisymmetric).maxAbs(), 1e-15);
                assertEquals(0, antisymmetric.conjugateTranspose().times(c.operator()).maxAbs(), 1e-15);
            }
        }
        assertEquals(0, MasterFixtures.maxDifference(antisymmetric, d.eigenstate(3)), 1e-15, "|l3> is the dark state");
        assertFalse(new TwoAtomsModel(30, 6, 2, 1, 10, 60, Case.D).darkState().isPresent());
        for (Case c : new Case[] {Case.A, Case.B, Case.C}) {
            assertFalse(new TwoAtomsModel(30, 0, 2, 1, 10, 60, c).darkState().isPresent(), c.name());
        }
    }

    @Test
    void systemCarriesThePaperCouplingsAndElements() {
        OpenSystem s = TwoAtomsModel.DEFAULTS.toSystem();
        assertEquals(java.util.List.of("a", "b"), s.bathNames());
        assertEquals(1 / Math.PI, s.reservoirs().get(0).channels().get(0).spectralDensity().value(30), 1e-15);
        assertTrue(s.elements().stream().anyMatch(e -> e.name().equals("rho_32")));
        assertEquals("J_12", s.observables().get(0).name());
        assertEquals(1, s.initialState().re(3, 3));
    }
}
