package io.coherent.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.ThermalOccupation.Statistics;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.models.CoupledQubitsModel.Spectrum;
import io.coherent.core.models.CoupledQubitsModel.XState;
import io.coherent.core.open.OpenSystem;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The coupled-qubit paper's model (seed coupled-qubits-boson-fermion): closed forms against the paper and QuTiP. */
class CoupledQubitsModelTest {

    static CoupledQubitsModel model(Map<String, String> row) {
        return new CoupledQubitsModel(MasterFixtures.number(row, "omega1"), MasterFixtures.number(row, "omega2"),
                MasterFixtures.number(row, "lambda"), MasterFixtures.number(row, "J1"), MasterFixtures.number(row, "J2"),
                MasterFixtures.number(row, "T1"), MasterFixtures.number(row, "T2"), MasterFixtures.number(row, "mu1"),
                MasterFixtures.number(row, "mu2"), Statistics.valueOf(row.get("statistics").toUpperCase(Locale.ROOT)),
                Spectrum.valueOf(row.get("spectrum").toUpperCase(Locale.ROOT)));
    }

    private static CoupledQubitsModel symmetric(double omega, double lambda, double t, double mu, Statistics s) {
        return new CoupledQubitsModel(omega, omega, lambda, 1, 1, t, t, mu, mu, s, Spectrum.FLAT);
    }

    @ParameterizedTest
    @CsvSource({"6, 2", "6, 1", "2, 0.5", "6, 5", "19, 3"})
    void bosonEquilibriumIsThePapersEquations29To31(double lambda, double t) {
        XState s = symmetric(10, lambda, t, 0, Statistics.BOSE).equilibriumState();
        double sh = Math.sinh(lambda / (2 * t));
        double den = Math.cosh(10 / t) + Math.cosh(lambda / (2 * t));
        assertEquals(-sh / (2 * den), s.bareCoherence()[0], 1e-15, "w, Eq. 29");
        assertEquals(0, s.bareCoherence()[1], 0);
        assertEquals(Math.max(0, (sh - 1) / den), s.concurrence(), 1e-15, "C, Eqs. 30-31");
        assertEquals(0, s.coherence(), 0, "no eigenbasis coherence at equilibrium");
    }

    @ParameterizedTest
    @CsvSource({"6, 1.5, 4", "6, 1.5, 10", "2, 1.5, 10", "6, 0.7, 16", "6, 1.5, -3"})
    void fermionEquilibriumIsThePapersEquations36To38(double lambda, double t, double mu) {
        XState s = symmetric(10, lambda, t, mu, Statistics.FERMI).equilibriumState();
        double sh = Math.sinh(lambda / (2 * t));
        double den = Math.cosh((10 - mu) / t) + Math.cosh(lambda / (2 * t));
        assertEquals(-sh / (2 * den), s.bareCoherence()[0], 1e-15, "w, Eq. 36");
        assertEquals(Math.max(0, (sh - 1) / den), s.concurrence(), 1e-15, "C, Eqs. 37-38");
    }

    @ParameterizedTest
    @CsvSource({"10, 10, 6, 2, 0, BOSE", "11, 9, 6, 2, 0, BOSE", "9, 12, 4, 1.3, -1, BOSE",
                "10, 10, 6, 1.5, 4, FERMI", "11, 9, 6, 1.5, 12, FERMI", "8, 12, 3, 0.9, 9, FERMI"})
    void equilibriumStateIsThePapersRateProducts(double w1, double w2, double lambda, double t, double mu, Statistics stat) {
        // Eqs. 21-25 with gamma_i = J N_i, Gamma_i = J (1 +- N_i) (Eqs. 14-15), equal reservoirs
        var m = new CoupledQubitsModel(w1, w2, lambda, 1, 1, t, t, mu, mu, stat, Spectrum.FLAT);
        double np = m.occupation(1).occupation(m.upperTransition());
        double nm = m.occupation(1).occupation(m.lowerTransition());
        int sign = stat.sign();
        double gp = 2 * np;
        double gm = 2 * nm;
        double bp = 2 * (1 + sign * np);
        double bm = 2 * (1 + sign * nm);
        double z = (gm + bm) * (gp + bp);
        XState s = m.equilibriumState();
        assertEquals(gm * gp / z, s.rho11(), 1e-14, "Eq. 21");
        assertEquals(bm * bp / z, s.rho22(), 1e-14, "Eq. 22");
        assertEquals(bm * gp / z, s.rho33(), 1e-14, "Eq. 23");
        assertEquals(bp * gm / z, s.rho44(), 1e-14, "Eq. 24");
    }

    @Test
    void paperSteadyStateMatchesQutipRedfieldSteadyState() {
        int compared = 0;
        for (var row : MasterFixtures.read("coupled_qubits_steady.csv")) {
            var m = model(row);
            if (!row.get("method").equals("redfield") || m.spectrum() != Spectrum.FLAT || m.J1() != m.J2()) {
                continue;
            }
            XState s = m.paperSteadyState();
            ComplexMatrix rho = MasterFixtures.densityMatrix(row);
            double diff = MasterFixtures.maxDifference(s.densityMatrix(), rho);
            assertTrue(diff < 1e-10, m + ": |d rho| = " + diff);
            double[] rho34 = MasterFixtures.element(m.eigenstate(3), rho, m.eigenstate(4));
            assertEquals(rho34[0], s.reRho34(), 1e-10);
            assertEquals(rho34[1], s.imRho34(), 1e-10);
            assertTrue(s.coherence() > 1e-3, "non-equilibrium coherence survives: " + s.coherence());
            compared++;
        }
        assertEquals(4, compared);
    }

    @ParameterizedTest
    @CsvSource({"10, 10, 6, 2, 0, BOSE", "11, 9, 6, 2, -1, BOSE", "10, 10, 6, 1.5, 4, FERMI", "12, 9, 5, 1.5, 9, FERMI"})
    void paperSteadyStateReducesToTheGrandCanonicalStateAtEquilibrium(double w1, double w2, double lambda, double t,
                                                                       double mu, Statistics stat) {
        var m = new CoupledQubitsModel(w1, w2, lambda, 1, 1, t, t, mu, mu, stat, Spectrum.FLAT);
        double diff = MasterFixtures.maxDifference(m.equilibriumState().densityMatrix(), m.paperSteadyState().densityMatrix());
        assertEquals(0, diff, 1e-15);
    }

    @Test
    void bareCoherenceAndDensityMatrixAgree() {
        // Eq. 18d against the bare-basis matrix the state builds: <eg|rho|ge>
        XState s = model(MasterFixtures.read("coupled_qubits_steady.csv").get(4)).paperSteadyState();
        ComplexMatrix rho = s.densityMatrix();
        assertEquals(rho.re(1, 2), s.bareCoherence()[0], 1e-15);
        assertEquals(rho.im(1, 2), s.bareCoherence()[1], 1e-15);
        double trace = 0;
        for (int i = 0; i < 4; i++) {
            trace += rho.re(i, i);
        }
        assertEquals(1, trace, 1e-14);
        assertEquals(0, rho.hermiticityDefect(), 1e-16);
    }

    @Test
    void ohmicSpectrumEqualsTheFlatLevelAtTheMeanFrequency() {
        var m = new CoupledQubitsModel(11, 9, 6, 1, 0.5, 2, 4, 0, 0, Statistics.BOSE, Spectrum.OHMIC);
        assertEquals(1 / Math.PI, m.spectralDensity(1).value(10), 1e-15);
        assertEquals(0.5 / Math.PI, m.spectralDensity(2).value(10), 1e-15);
        assertEquals(Math.PI * m.spectralDensity(1).value(13.7), m.paperSpectralDensity(1, 13.7), 1e-14);
        assertEquals(1 / Math.PI, new CoupledQubitsModel(11, 9, 6, 1, 0.5, 2, 4, 0, 0, Statistics.BOSE, Spectrum.FLAT)
                .spectralDensity(1).value(13.7), 1e-15);
        var e = assertThrows(InvalidModelException.class, m::paperSteadyState);
        assertEquals("spectrum", e.field());
    }

    @Test
    void invalidParametersNameThePaperParameter() {
        assertField("omega1", () -> new CoupledQubitsModel(0, 10, 6, 1, 1, 2, 4, 0, 0, Statistics.BOSE, Spectrum.FLAT));
        assertField("lambda", () -> new CoupledQubitsModel(10, 10, 20, 1, 1, 2, 4, 0, 0, Statistics.BOSE, Spectrum.FLAT));
        assertField("lambda", () -> new CoupledQubitsModel(10, 10, 0, 1, 1, 2, 4, 0, 0, Statistics.BOSE, Spectrum.FLAT));
        assertField("J2", () -> new CoupledQubitsModel(10, 10, 6, 1, -1, 2, 4, 0, 0, Statistics.BOSE, Spectrum.FLAT));
        assertField("T1", () -> new CoupledQubitsModel(10, 10, 6, 1, 1, 0, 4, 0, 0, Statistics.BOSE, Spectrum.FLAT));
        assertField("mu2", () -> new CoupledQubitsModel(10, 10, 6, 1, 1, 2, 4, 0, 8, Statistics.BOSE, Spectrum.FLAT));
        assertField("statistics", () -> new CoupledQubitsModel(10, 10, 6, 1, 1, 2, 4, 0, 0, null, Spectrum.FLAT));
        assertField("spectrum", () -> new CoupledQubitsModel(10, 10, 6, 1, 1, 2, 4, 0, 0, Statistics.BOSE, null));
        // fermion chemical potentials are unrestricted (Sec. VI)
        new CoupledQubitsModel(10, 10, 6, 1, 1, 1.5, 1.5, 30, -30, Statistics.FERMI, Spectrum.FLAT);
        assertField("T2", () -> CoupledQubitsModel.DEFAULTS.equilibriumState());
    }

    private static void assertField(String field, Executable construction) {
        var e = assertThrows(InvalidModelException.class, construction);
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void systemCarriesThePaperCouplingsAndElements() {
        OpenSystem s = CoupledQubitsModel.DEFAULTS.toSystem();
        assertEquals(java.util.List.of("1", "2"), s.bathNames());
        assertEquals(1 / Math.PI, s.reservoirs().get(1).channels().get(0).spectralDensity().value(7), 1e-15);
        assertEquals(4, s.reservoirs().get(1).occupation().temperature());
        assertTrue(s.elements().stream().anyMatch(e -> e.name().equals("rho_34")));
        assertTrue(s.elements().stream().anyMatch(e -> e.name().equals("w")));
        assertEquals(2, s.particleNumber().re(0, 0));
    }
}
