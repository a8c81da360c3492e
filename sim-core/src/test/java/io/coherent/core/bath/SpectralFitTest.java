package io.coherent.core.bath;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The fit of J(w) by Brownian terms (Ohmic family, Hermitian coupling, T &gt; 0) against the Hurwitz-zeta closed form
 * of C(t) ({@link CorrelationFitTest#ohmic}): for every count the reported error bounds the deviation, every term
 * decays, the amplitudes do not cancel, and the error never grows with the count (sub-Ohmic s = 0.5: J ~ w^0.5 at
 * w -> 0, which terms linear in w follow slowly: 8% of C(0) with 6 terms, against 0.4% for s = 1).
 */
class SpectralFitTest {

    @Test
    void everyCountIsStableAndItsErrorBoundsTheDeviationAndNeverGrows() {
        for (double s : new double[] {0.5, 1, 2}) {
            OhmicFamily j = new OhmicFamily(0.01, s, 5);
            double temperature = 0.5;
            double[] c0 = CorrelationFitTest.ohmic(j, temperature, 0);
            double scale = Math.hypot(c0[0], c0[1]);
            double previous = Double.POSITIVE_INFINITY;
            for (int n : new int[] {1, 3, 6}) {
                CorrelationExpansion e = BathCorrelations.hermitian(j, temperature, new ExpansionOptions(ExpansionScheme.FIT, n, true));
                String at = "s = " + s + ", " + n + " terms";
                assertTrue(e.error() <= previous, at + ": error " + e.error() + " grew from " + previous);
                previous = e.error();
                double amplitudes = 0;
                for (CorrelationTerm c : e.terms()) {
                    assertTrue(c.rateRe() > 1e-3, at + ": rate " + c.rateRe() + " does not decay by a margin");
                    amplitudes += Math.hypot(c.etaRe(), c.etaIm());
                }
                assertTrue(amplitudes <= CorrelationFit.AMPLITUDE_BOUND * scale, at + ": sum |eta| " + amplitudes / scale + " C(0)");
                double worst = 0;
                for (double t = 0; t < 100; t = t < 2 ? t + 0.02 : t * 1.05) {
                    double[] ref = CorrelationFitTest.ohmic(j, temperature, t);
                    double[] fit = e.valueAt(t);
                    worst = Math.max(worst, Math.hypot(ref[0] - fit[0], ref[1] - fit[1]));
                }
                assertTrue(worst <= e.error(), at + ": deviation " + worst + " > reported " + e.error());
            }
            assertTrue(previous < (s == 0.5 ? 0.1 : 0.01) * scale, "s = " + s + ": 6 terms reach " + previous / scale + " of C(0)");
        }
    }
}
