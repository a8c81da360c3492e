package io.coherent.core.bath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipparchus.complex.Complex;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * The fit expansion against closed forms. For the Ohmic family J = lambda w^s Omega^(1-s) e^{-w/Omega} (w > 0),
 * expanding coth(w/2T) = 1 + 2 sum_{m>=1} e^{-mw/T} gives, term by term,
 * C(t) = lambda Omega^(1-s) Gamma(s+1) [sum_{m>=0} (1/Omega + m/T + it)^-(s+1) + sum_{m>=1} (1/Omega + m/T - it)^-(s+1)]
 * (a Hurwitz-zeta form; at T = 0 only the m = 0 term), summed here to 2000 terms plus the integral of the rest (midpoint rule, relative error ~ 1e-10).
 */
class CorrelationFitTest {

    static double[] ohmic(OhmicFamily j, double temperature, double t) {
        double pre = j.lambda() * Math.pow(j.cutoff(), 1 - j.exponent()) * Gamma.gamma(j.exponent() + 1);
        double p = -(j.exponent() + 1);
        Complex sum = new Complex(1 / j.cutoff(), t).pow(p);
        if (temperature > 0) {
            int terms = 2_000;
            for (int m = 1; m <= terms; m++) {
                double x = 1 / j.cutoff() + m / temperature;
                sum = sum.add(new Complex(x, t).pow(p)).add(new Complex(x, -t).pow(p));
            }
            // sum_{m > M} f(m) ~ int_{M+1/2}^inf f: T/s (1/Omega + (M+1/2)/T +- it)^-s
            double x = 1 / j.cutoff() + (terms + 0.5) / temperature;
            double s = j.exponent();
            sum = sum.add(new Complex(x, t).pow(-s).add(new Complex(x, -t).pow(-s)).multiply(temperature / s));
        }
        return new double[] {pre * sum.getReal(), pre * sum.getImaginary()};
    }

    @Test
    void ohmicFitsReachTheirStatedAccuracyAndTheErrorBoundsTheDeviation() {
        // s, T, relative accuracy reached with 8 exponents (measured against |C(0)|)
        // (at T = 0 the bound on sum |eta| costs accuracy: s = 0.5 and 2 reached 2e-3 and 1e-3 without it)
        double[][] cases = {{0.5, 0, 1e-2}, {1, 0, 1e-3}, {2, 0, 3e-3}, {0.5, 0.5, 0.08}, {1, 0.5, 1e-3}, {2, 0.5, 2e-3}};
        for (double[] c : cases) {
            OhmicFamily j = new OhmicFamily(0.1, c[0], 1.0);
            double temperature = c[1];
            CorrelationExpansion e = BathCorrelations.hermitian(j, temperature, new ExpansionOptions(ExpansionScheme.FIT, 8, false));
            double[] c0 = ohmic(j, temperature, 0);
            double scale = Math.hypot(c0[0], c0[1]);
            assertTrue(e.error() <= c[2] * scale, "s=" + c[0] + " T=" + temperature + ": error " + e.error() / scale + " of |C(0)|");
            double worst = 0;
            for (double t = 0; t < 300; t = t < 1 ? t + 0.05 : t * 1.1) {
                double[] ref = ohmic(j, temperature, t);
                double[] fit = e.valueAt(t);
                worst = Math.max(worst, Math.hypot(ref[0] - fit[0], ref[1] - fit[1]));
            }
            assertTrue(worst <= e.error(), "s=" + c[0] + " T=" + temperature + ": deviation " + worst + " > reported " + e.error());
            // the error is measured, not a loose bound; the sub-Ohmic t^-s tail at T = 0 is bounded by |C| at the
            // end of the window, an over-estimate of the deviation further out
            // end of the window, an over-estimate of the deviation further out; at T > 0 the bound int |J - J_N| coth dw
            // (SpectralFit) adds the errors of all frequencies, which partly cancel in C(t); the super-Ohmic vacuum fit
            // under the amplitude bound measures its largest error where C has not decayed
            double looseness = temperature > 0 ? 20 : c[0] == 1 ? 5 : 10;
            assertTrue(e.error() < looseness * worst, "s=" + c[0] + " T=" + temperature + ": " + e.error() + " vs " + worst);
            for (CorrelationTerm term : e.terms()) {
                assertTrue(term.rateRe() > 0, "every fitted term decays");
            }
            if (c[0] == 1 && temperature > 0) {
                double e4 = BathCorrelations.hermitian(j, temperature, new ExpansionOptions(ExpansionScheme.FIT, 4, false)).error();
                assertTrue(e.error() < 0.3 * e4, "8 exponents " + e.error() + " vs 4: " + e4);
            }
        }
    }

    @Test
    void aLorentzianExchangeBathIsFittedWithFewerExponentsAndAnHonestError() {
        Lorentzian l = new Lorentzian(0.5, 1.0, 1.0);
        double mu = -0.3;
        ThermalOccupation occ = new ThermalOccupation(ThermalOccupation.Statistics.BOSE, 0.05, mu);
        ExchangeCorrelation x = BathCorrelations.exchange(l, occ, new ExpansionOptions(ExpansionScheme.FIT, 6, true));
        for (double t : new double[] {0, 0.3, 1, 2.5, 6}) {
            double[] out = CorrelationQuadrature.fourier(w -> l.value(w) * (1 + occ.occupation(w)), t, 1,
                    CorrelationQuadrature.line(mu, 1, 0.05));
            double[] in = CorrelationQuadrature.fourier(w -> l.value(w) * occ.occupation(w), t, -1,
                    CorrelationQuadrature.line(mu, 1, 0.05));
            double[] fo = x.emission().valueAt(t);
            double[] fi = x.absorption().valueAt(t);
            assertTrue(Math.hypot(out[0] - fo[0], out[1] - fo[1]) <= x.emission().error() + out[2], "emission t=" + t);
            assertTrue(Math.hypot(in[0] - fi[0], in[1] - fi[1]) <= x.absorption().error() + in[2], "absorption t=" + t);
        }
        // six fitted exponents (plus the undamped principal-value term and its partner)
        assertTrue(x.emission().terms().size() <= 8, "terms " + x.emission().terms().size());
        double c0 = Math.hypot(x.emission().valueAt(0)[0], x.emission().valueAt(0)[1]);
        assertTrue(x.emission().error() < 0.01 * c0, "error " + x.emission().error() + " of |C(0)| = " + c0);
    }

    @Test
    void vacuumOhmicExchangeHasNoAbsorption() {
        ExchangeCorrelation x = BathCorrelations.exchange(new OhmicFamily(0.1, 1, 1), ThermalOccupation.bose(0),
                new ExpansionOptions(ExpansionScheme.FIT, 6, false));
        assertTrue(x.absorption().terms().isEmpty());
        double[] ref = ohmic(new OhmicFamily(0.1, 1, 1), 0, 0.7);
        double[] fit = x.emission().valueAt(0.7);
        assertEquals(0, Math.hypot(ref[0] - fit[0], ref[1] - fit[1]), x.emission().error());
    }

    @Test
    void ohmicExchangeWithAChemicalPotentialKeepsItsUndampedTermExactly() {
        OhmicFamily j = new OhmicFamily(0.1, 2, 1);
        double mu = 0.5;
        ThermalOccupation occ = new ThermalOccupation(ThermalOccupation.Statistics.BOSE, 0.4, mu);
        ExchangeCorrelation x = BathCorrelations.exchange(j, occ, new ExpansionOptions(ExpansionScheme.FIT, 6, false));
        double pv = Math.PI * 0.4 * j.value(mu);
        assertTrue(x.emission().terms().stream().anyMatch(c -> c.rateRe() == 0 && Math.abs(c.etaIm() + pv) < 1e-15));
        assertTrue(x.absorption().terms().stream().anyMatch(c -> c.rateRe() == 0 && Math.abs(c.etaIm() - pv) < 1e-15));
        for (double t : new double[] {0, 1.5, 8}) {
            double[] out = CorrelationQuadrature.fourier(w -> w > 0 ? j.value(w) * (1 + occ.occupation(w)) : 0, t, 1,
                    CorrelationQuadrature.line(mu, 1, 0.4));
            double[] in = CorrelationQuadrature.fourier(w -> w > 0 ? j.value(w) * occ.occupation(w) : 0, t, -1,
                    CorrelationQuadrature.line(mu, 1, 0.4));
            double[] fo = x.emission().valueAt(t);
            double[] fi = x.absorption().valueAt(t);
            assertTrue(Math.hypot(out[0] - fo[0], out[1] - fo[1]) <= x.emission().error() + out[2], "emission t=" + t);
            assertTrue(Math.hypot(in[0] - fi[0], in[1] - fi[1]) <= x.absorption().error() + in[2], "absorption t=" + t);
        }
        double c0 = Math.hypot(x.emission().valueAt(0)[0], x.emission().valueAt(0)[1]);
        assertTrue(x.emission().error() < 0.01 * c0, "error " + x.emission().error() + " of " + c0);
    }

    @Test
    void whatAFitCannotRepresentIsRefused() {
        ExpansionOptions fit = new ExpansionOptions(ExpansionScheme.FIT, 6, false);
        var flat = assertThrows(InvalidModelException.class, () -> BathCorrelations.exchange(new Flat(0.2), ThermalOccupation.bose(1), fit));
        assertEquals("spectral_density", flat.field());
        assertTrue(flat.getMessage().contains("no finite correlation time"), flat.getMessage());
        var drude = assertThrows(InvalidModelException.class, () -> BathCorrelations.hermitian(new DrudeLorentz(0.1, 1), 1, fit));
        assertTrue(drude.getMessage().contains("pade"), drude.getMessage());
        var restricted = assertThrows(InvalidModelException.class, () -> BathCorrelations.hermitian(new Lorentzian(1, 0.2, 1), 1, fit));
        assertEquals("temperature", restricted.field());
        var edge = assertThrows(InvalidModelException.class, () -> BathCorrelations.exchange(new Lorentzian(1, 0.2, 1),
                new ThermalOccupation(ThermalOccupation.Statistics.FERMI, 0, 0.1), fit));
        assertEquals("temperature", edge.field());
        var none = assertThrows(InvalidModelException.class,
                () -> BathCorrelations.hermitian(new OhmicFamily(0.1, 1, 1), 1, new ExpansionOptions(ExpansionScheme.FIT, 0, false)));
        assertEquals("heom.exponents", none.field());
        assertTrue(List.of(flat, drude, restricted, edge, none).stream().noneMatch(e -> e.getMessage().contains("\n")));
    }
}
