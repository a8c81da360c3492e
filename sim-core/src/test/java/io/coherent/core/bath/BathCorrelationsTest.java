package io.coherent.core.bath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** Pole expansions of bath correlation functions against direct quadrature of their defining integrals. */
class BathCorrelationsTest {

    private static final ExpansionOptions MATSUBARA_4 = new ExpansionOptions(ExpansionScheme.MATSUBARA, 4, false);
    private static final ExpansionOptions PADE_4 = new ExpansionOptions(ExpansionScheme.PADE, 4, false);

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    /** Fails unless the deviation is within the reported error and (for the report to mean something) the error is finite. */
    private static void assertWithinError(double[] reference, CorrelationExpansion e, double t, String what) {
        double d = distance(reference, e.valueAt(t));
        double quadrature = reference.length > 2 ? reference[2] : 0;
        assertTrue(d <= e.error() + quadrature + 1e-9, what + " t=" + t + ": deviation " + d + " exceeds reported error " + e.error());
    }

    @Test
    void lorentzianOnAHermitianCouplingIsTheAntisymmetrisedDensity() {
        Lorentzian l = new Lorentzian(1.0, 0.2, 0.5);
        DoubleUnaryOperator odd = w -> l.value(w) - l.value(-w);
        for (double temperature : new double[] {0.1, 2}) {
            for (ExpansionOptions o : List.of(MATSUBARA_4, PADE_4)) {
                CorrelationExpansion e = BathCorrelations.hermitian(l, temperature, o);
                assertTrue(e.error() > 0 && e.error() < 0.05, "error " + e.error());
                for (double t : new double[] {0, 0.4, 2, 7}) {
                    double[] ref = CorrelationQuadrature.hermitian(l, odd, temperature, t, 1);
                    assertWithinError(ref, e, t, o.scheme() + " T=" + temperature);
                }
            }
            CorrelationExpansion many = BathCorrelations.hermitian(l, temperature, new ExpansionOptions(ExpansionScheme.PADE, 30, false));
            for (double t : new double[] {0, 1.3}) {
                double[] ref = CorrelationQuadrature.hermitian(l, odd, temperature, t, 1);
                assertWithinError(ref, many, t, "Pade 30 T=" + temperature);
                assertTrue(many.error() < 1e-7, "Pade 30 error " + many.error());
            }
        }
    }

    @Test
    void drudeLorentzHermitianConvergesToTheQuadratureAndBoundsItsIntegratedError() {
        DrudeLorentz dl = new DrudeLorentz(0.1, 1.0);
        for (double temperature : new double[] {0.2, 3}) {
            CorrelationExpansion truth = BathCorrelations.hermitian(dl, temperature, new ExpansionOptions(ExpansionScheme.PADE, 40, false));
            for (double t : new double[] {0.3, 1, 4}) {
                double[] ref = CorrelationQuadrature.hermitian(dl, dl::value, temperature, t, 1);
                assertEquals(0, distance(ref, truth.valueAt(t)), 1e-8 + 1e-4 * Math.exp(-2 * Math.PI * temperature * t),
                        "T=" + temperature + " t=" + t);
            }
            // the leading pole term is lambda gamma (cot(gamma/2T) - i) e^{-gamma t} (QuTiP's c_0 with our J)
            CorrelationTerm c0 = truth.terms().get(0);
            assertEquals(1.0, c0.rateRe(), 1e-15);
            assertEquals(0.1 / Math.tan(1 / (2 * temperature)), c0.etaRe(), 1e-13);
            assertEquals(-0.1, c0.etaIm(), 1e-15);
            for (ExpansionOptions o : List.of(MATSUBARA_4, PADE_4)) {
                CorrelationExpansion e = BathCorrelations.hermitian(dl, temperature, o);
                assertEquals(Double.POSITIVE_INFINITY, e.error(), "C(t) ~ log t at t = 0: no finite sup bound");
                double measured = integratedDeviation(truth, e, temperature);
                assertTrue(measured <= e.integratedError(), o.scheme() + " T=" + temperature + ": int |C - sum| = "
                        + measured + " > reported " + e.integratedError());
                assertTrue(e.integratedError() < 20 * measured + 1e-6, "bound not grossly pessimistic: "
                        + e.integratedError() + " vs " + measured);
            }
        }
    }

    /** int_0^inf |a - b| dt on a geometric grid (both are sums of exponentials with rates >= 2 pi T). */
    private static double integratedDeviation(CorrelationExpansion a, CorrelationExpansion b, double temperature) {
        double sum = 0;
        double prevT = 0;
        double prev = distance(a.valueAt(0), b.valueAt(0));
        for (double t = 1e-6; t < 80 / temperature; t *= 1.01) {
            double d = distance(a.valueAt(t), b.valueAt(t));
            sum += 0.5 * (d + prev) * (t - prevT);
            prev = d;
            prevT = t;
        }
        return sum;
    }

    @Test
    void padeBeatsMatsubaraAtLowTemperatureWithEqualTerms() {
        Lorentzian l = new Lorentzian(1.0, 0.3, 1.0);
        DoubleUnaryOperator odd = w -> l.value(w) - l.value(-w);
        double temperature = 0.05;
        for (int n : new int[] {2, 4, 6}) {
            CorrelationExpansion m = BathCorrelations.hermitian(l, temperature, new ExpansionOptions(ExpansionScheme.MATSUBARA, n, false));
            CorrelationExpansion p = BathCorrelations.hermitian(l, temperature, new ExpansionOptions(ExpansionScheme.PADE, n, false));
            double[] ref = CorrelationQuadrature.hermitian(l, odd, temperature, 0, 1);
            double dm = distance(ref, m.valueAt(0));
            double dp = distance(ref, p.valueAt(0));
            assertTrue(dp < 0.5 * dm, "n=" + n + ": Pade " + dp + " vs Matsubara " + dm);
            assertTrue(p.error() < 0.5 * m.error(), "reported: Pade " + p.error() + " vs Matsubara " + m.error());
        }
    }

    @Test
    void spectrumRebuiltFromTheTermsIsTwoPiJTimesOnePlusN() {
        DrudeLorentz dl = new DrudeLorentz(0.05, 0.5);
        double temperature = 0.3;
        CorrelationExpansion e = BathCorrelations.hermitian(dl, temperature, new ExpansionOptions(ExpansionScheme.PADE, 6, true));
        for (double w : new double[] {-1.5, -0.2, 0.05, 0.4, 1}) {
            // gamma(w) = int e^{iwt} C(t) dt = sum eta/(gamma - iw) + etaBar/(gamma + iw) + 2 Re Delta
            double s = 2 * e.terminatorRe();
            for (CorrelationTerm c : e.terms()) {
                s += ratio(c.etaRe(), c.etaIm(), c.rateRe(), c.rateIm() - w) + ratio(c.etaBarRe(), c.etaBarIm(), c.rateRe(), c.rateIm() + w);
            }
            double exact = 2 * Math.PI * dl.value(w) * (1 / Math.expm1(w / temperature) + 1);
            assertEquals(exact, s, 1e-6 * Math.abs(exact) + 1e-9, "w=" + w);
        }
    }

    /** Re (a + ib)/(c + id). */
    private static double ratio(double a, double b, double c, double d) {
        return (a * c + b * d) / (c * c + d * d);
    }

    @Test
    void etaBarGivesTheConjugateAtNegativeTimes() {
        ThermalOccupation occ = new ThermalOccupation(ThermalOccupation.Statistics.FERMI, 0.4, 0.3);
        ExchangeCorrelation x = BathCorrelations.exchange(new Lorentzian(0.5, 0.7, 1), occ, PADE_4);
        CorrelationExpansion h = BathCorrelations.hermitian(new DrudeLorentz(0.1, 2), 0.5, MATSUBARA_4);
        for (CorrelationExpansion e : List.of(x.emission(), x.absorption(), h)) {
            for (double t : new double[] {0.1, 1.7}) {
                double[] plus = e.valueAt(t);
                double[] minus = e.valueAt(-t);
                assertEquals(plus[0], minus[0], 1e-14);
                assertEquals(-plus[1], minus[1], 1e-14);
            }
        }
    }

    @Test
    void bosonicExchangeWithChemicalPotentialMatchesTheQuadrature() {
        Lorentzian l = new Lorentzian(1.0, 0.3, 0.8);
        for (double temperature : new double[] {0.1, 1.5}) {
            double mu = -0.4;
            ThermalOccupation occ = new ThermalOccupation(ThermalOccupation.Statistics.BOSE, temperature, mu);
            double[] times = {0, 0.5, 3};
            double[][] out = new double[times.length][];
            double[][] in = new double[times.length][];
            for (int i = 0; i < times.length; i++) {
                out[i] = CorrelationQuadrature.fourier(w -> l.value(w) * (1 + occ.occupation(w)), times[i], 1,
                        CorrelationQuadrature.line(mu, 1, 1.0, temperature));
                in[i] = CorrelationQuadrature.fourier(w -> l.value(w) * occ.occupation(w), times[i], -1,
                        CorrelationQuadrature.line(mu, 1, 1.0, temperature));
            }
            for (ExpansionOptions o : List.of(MATSUBARA_4, PADE_4)) {
                ExchangeCorrelation x = BathCorrelations.exchange(l, occ, o);
                for (int i = 0; i < times.length; i++) {
                    assertWithinError(out[i], x.emission(), times[i], "emission " + o.scheme() + " T=" + temperature);
                    assertWithinError(in[i], x.absorption(), times[i], "absorption " + o.scheme() + " T=" + temperature);
                }
            }
        }
    }

    @Test
    void fermionicExchangeMatchesTheQuadrature() {
        LorentzianSum j = new LorentzianSum(List.of(new Lorentzian(0.5, 1.0, 1.0), new Lorentzian(-1.0, 0.5, 0.3)));
        for (double temperature : new double[] {0.05, 1}) {
            ThermalOccupation occ = new ThermalOccupation(ThermalOccupation.Statistics.FERMI, temperature, 0.3);
            double[] times = {0, 0.5, 3};
            double[][] out = new double[times.length][];
            double[][] in = new double[times.length][];
            for (int i = 0; i < times.length; i++) {
                out[i] = CorrelationQuadrature.fourier(w -> j.value(w) * (1 - occ.occupation(w)), times[i], 1,
                        CorrelationQuadrature.line(Double.NaN, 1, 0.3, 0.5, -1));
                in[i] = CorrelationQuadrature.fourier(w -> j.value(w) * occ.occupation(w), times[i], -1,
                        CorrelationQuadrature.line(Double.NaN, 1, 0.3, 0.5, -1));
            }
            for (ExpansionOptions o : List.of(MATSUBARA_4, PADE_4, new ExpansionOptions(ExpansionScheme.PADE, 20, false))) {
                ExchangeCorrelation x = BathCorrelations.exchange(j, occ, o);
                for (int i = 0; i < times.length; i++) {
                    assertWithinError(out[i], x.emission(), times[i], "emission " + o + " T=" + temperature);
                    assertWithinError(in[i], x.absorption(), times[i], "absorption " + o + " T=" + temperature);
                }
            }
        }
    }

    @Test
    void drudeLorentzExchangeMatchesTheQuadrature() {
        DrudeLorentz dl = new DrudeLorentz(0.2, 1.0);
        double temperature = 0.7;
        ThermalOccupation occ = ThermalOccupation.bose(temperature);
        ExchangeCorrelation x = BathCorrelations.exchange(dl, occ, new ExpansionOptions(ExpansionScheme.PADE, 40, false));
        // n + theta(-w) decays exponentially on both sides; the 1/w tail sits in the one-sided vacuum integral Q(t)
        DoubleUnaryOperator shifted = w -> dl.value(w) * (occ.occupation(w) + (w < 0 ? 1 : 0));
        for (double t : new double[] {0.4, 2}) {
            double[] q = CorrelationQuadrature.drudeVacuumHalfLine(dl, t);
            double[] a = CorrelationQuadrature.fourier(shifted, t, 1, CorrelationQuadrature.line(0, 1, temperature));
            double[] b = CorrelationQuadrature.fourier(shifted, t, -1, CorrelationQuadrature.line(0, 1, temperature));
            double[] out = {q[0] + a[0], q[1] + a[1]};
            double[] in = {q[0] + b[0], q[1] + b[1]}; // - int_{-inf}^0 J e^{iwt} = + Q(t) for odd J
            assertEquals(0, distance(out, x.emission().valueAt(t)), 1e-8, "emission t=" + t);
            assertEquals(0, distance(in, x.absorption().valueAt(t)), 1e-8, "absorption t=" + t);
        }
    }

    @Test
    void vacuumBosonicExchangeIsTheExactKernel() {
        Lorentzian l = new Lorentzian(1.2, 0.4, 0.9);
        ExchangeCorrelation x = BathCorrelations.exchange(l, ThermalOccupation.bose(0), PADE_4);
        assertTrue(x.emission().isExact());
        assertTrue(x.absorption().terms().isEmpty());
        ExponentialTerm k = l.kernel().get(0);
        CorrelationTerm c = x.emission().terms().get(0);
        assertEquals(k.rateRe(), c.rateRe(), 1e-15);
        assertEquals(k.rateIm(), c.rateIm(), 1e-15);
        assertEquals(k.amplitudeRe(), c.etaRe(), 1e-15);
        assertEquals(k.amplitudeIm(), c.etaIm(), 1e-15);
    }

    /**
     * The exact engine's thermal part weighs each mode by J(w) n(w) with {@link BoseEinstein} on the whole line
     * (principal value at w = 0): its time-domain kernel int J n e^{iwt} dw is the absorption correlation, with
     * the undamped principal-value term i pi T J(0) (the partial-collective Lorentzian has J(0) > 0).
     */
    @Test
    void absorptionIsTheExactEnginesThermalKernel() {
        Lorentzian l = new Lorentzian(1.0, 0.5, 1.0);
        double temperature = 0.8;
        BoseEinstein engine = new BoseEinstein(temperature, FrequencySupport.WHOLE_LINE);
        CorrelationExpansion in = BathCorrelations.exchange(l, ThermalOccupation.bose(temperature), PADE_4).absorption();
        boolean undamped = false;
        for (CorrelationTerm c : in.terms()) {
            if (c.rateRe() == 0 && c.etaIm() != 0) {
                undamped = true;
                assertEquals(Math.PI * temperature * l.value(0), c.etaIm(), 1e-14);
            }
        }
        assertTrue(undamped, "the principal value leaves an undamped term");
        for (double t : new double[] {0, 0.8, 4}) {
            double[] ref = CorrelationQuadrature.fourier(w -> l.value(w) * engine.occupation(w), t, -1,
                    CorrelationQuadrature.line(0, 1, 1.0, temperature));
            assertWithinError(ref, in, t, "absorption");
        }
    }

    @Test
    void terminatorIsTheIntegralOfTheDroppedPart() {
        DrudeLorentz l = new DrudeLorentz(0.1, 1);
        double temperature = 1;
        CorrelationExpansion truth = BathCorrelations.hermitian(l, temperature, new ExpansionOptions(ExpansionScheme.PADE, 80, false));
        for (ExpansionScheme s : List.of(ExpansionScheme.MATSUBARA, ExpansionScheme.PADE)) {
            CorrelationExpansion e = BathCorrelations.hermitian(l, temperature, new ExpansionOptions(s, 1, true));
            double re = 0;
            double im = 0;
            double prevT = 0;
            double[] prev = {truth.valueAt(0)[0] - e.valueAt(0)[0], truth.valueAt(0)[1] - e.valueAt(0)[1]};
            for (double t = 1e-7; t < 60 / temperature; t *= 1.002) {
                double[] d = {truth.valueAt(t)[0] - e.valueAt(t)[0], truth.valueAt(t)[1] - e.valueAt(t)[1]};
                re += 0.5 * (d[0] + prev[0]) * (t - prevT);
                im += 0.5 * (d[1] + prev[1]) * (t - prevT);
                prev = d;
                prevT = t;
            }
            assertEquals(re, e.terminatorRe(), 1e-6, s + " Re Delta");
            assertEquals(im, e.terminatorIm(), 1e-6, s + " Im Delta");
            if (s == ExpansionScheme.MATSUBARA) {
                assertTrue(Math.abs(re) > 1e-3, "a terminator worth testing: " + re);
            }
        }
    }

    @Test
    void whatHasNoExpansionIsRefusedWithTheKeyToChange() {
        var flat = assertThrows(InvalidModelException.class, () -> BathCorrelations.hermitian(new Flat(1), 1, PADE_4));
        assertEquals("spectral_density", flat.field());
        assertTrue(flat.getMessage().contains("no finite correlation time") && flat.getMessage().contains("lorentzian")
                && flat.getMessage().contains("drude-lorentz"), flat.getMessage());
        var cold = assertThrows(InvalidModelException.class, () -> BathCorrelations.hermitian(new DrudeLorentz(0.1, 1), 0, PADE_4));
        assertEquals("temperature", cold.field());
        assertTrue(cold.getMessage().contains("fit"), cold.getMessage());
        var ohmic = assertThrows(InvalidModelException.class, () -> BathCorrelations.hermitian(new OhmicFamily(0.1, 1, 5), 1, MATSUBARA_4));
        assertTrue(ohmic.getMessage().contains("fit"), ohmic.getMessage());
        var centred = assertThrows(InvalidModelException.class, () -> BathCorrelations.hermitian(new Lorentzian(0, 1, 1), 1, PADE_4));
        assertEquals("center", centred.field());
        var coincident = assertThrows(InvalidModelException.class,
                () -> BathCorrelations.hermitian(new DrudeLorentz(0.1, 2 * Math.PI * 0.5), 0.5, MATSUBARA_4));
        assertEquals("temperature", coincident.field());
    }
}
