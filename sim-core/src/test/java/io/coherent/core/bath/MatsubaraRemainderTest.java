package io.coherent.core.bath;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The digamma sum of the dropped Matsubara terms against the expansion itself: Q(0) is the terminator that
 * {@link BathCorrelations#exchange} computes by explicit summation, and Q(s) after N terms equals the terms N+1..N+M
 * of a longer expansion summed explicitly plus Q(s) after N+M.
 */
class MatsubaraRemainderTest {

    @Test
    void matchesTheTerminatorAndTheExplicitTerms() {
        for (SpectralDensity j : List.of(new Lorentzian(1, 0.1, 1), new DrudeLorentz(0.05, 2),
                new LorentzianSum(List.of(new Lorentzian(0.5, 0.3, 0.2), new Lorentzian(2, 1, 0.5))))) {
            double t = j instanceof DrudeLorentz ? 0.2 : 0.7;
            int n = 16;
            CorrelationExpansion c = BathCorrelations.exchange(j, ThermalOccupation.bose(t),
                    new ExpansionOptions(ExpansionScheme.MATSUBARA, n, true)).absorption();
            double[] q = new double[2];
            MatsubaraRemainder.absorption(j, t, n, 0, 0, q);
            double scale = Math.hypot(c.terminatorRe(), c.terminatorIm());
            assertEquals(c.terminatorRe(), q[0], 1e-8 * scale, j.describe());
            assertEquals(c.terminatorIm(), q[1], 1e-8 * scale, j.describe());
            int more = 500;
            CorrelationExpansion longer = BathCorrelations.exchange(j, ThermalOccupation.bose(t),
                    new ExpansionOptions(ExpansionScheme.MATSUBARA, n + more, false)).absorption();
            double sr = 0.3;
            double si = -1.1;
            double er = 0;
            double ei = 0;
            for (CorrelationTerm term : longer.terms()) {
                boolean dropped = term.rateIm() == 0 && term.rateRe() > 2 * Math.PI * t * (n + 0.5);
                if (!dropped) {
                    continue;
                }
                double dr = term.rateRe() + sr;
                double di = term.rateIm() + si;
                double d2 = dr * dr + di * di;
                er += (term.etaRe() * dr + term.etaIm() * di) / d2;
                ei += (term.etaIm() * dr - term.etaRe() * di) / d2;
            }
            double[] rest = new double[2];
            MatsubaraRemainder.absorption(j, t, n + more, sr, si, rest);
            MatsubaraRemainder.absorption(j, t, n, sr, si, q);
            double size = Math.hypot(q[0], q[1]);
            assertEquals(er + rest[0], q[0], 1e-12 * size, j.describe());
            assertEquals(ei + rest[1], q[1], 1e-12 * size, j.describe());
        }
    }
}
