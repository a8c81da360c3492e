package io.coherent.core.bath;

import io.coherent.core.special.ComplexDigamma;
import org.hipparchus.complex.Complex;

/**
 * What a Matsubara expansion of a Bose reservoir's absorption correlation drops, summed exactly: the Laplace
 * transform of the remainder, Q(s) = int_0^inf e^{-s tau} (C_in(tau) - sum_{k &lt;= N} ...) dtau restricted to the
 * Matsubara part, Q(s) = sum_{k &gt; N} eta_k / (nu_k + s), with eta_k = 2 pi i T J(i nu_k) and nu_k = 2 pi k T the
 * terms {@link BathCorrelations#exchange} produces for C_in (whole line, mu = 0). Q(0) is the Ishizaki-Tanimura
 * terminator of the dropped terms; the exact bilinear engine needs Q at the poles of the dynamics (added for
 * issue 13). With J = sum_q r_q/(w - p_q) and a = 2 pi T,
 * <pre>
 *   Q(s) = (1/a) sum_q r_q sum_{k &gt; N} 1/((k + i p_q/a)(k + s/a)) = (1/a) sum_q r_q psi[N + 1 + i p_q/a, N + 1 + s/a]
 * </pre>
 * (psi[x, y] the digamma divided difference, {@link ComplexDigamma#dividedDifference}); terms with k &lt; K are
 * summed directly where an argument would leave the right half plane.
 */
public final class MatsubaraRemainder {

    private MatsubaraRemainder() {
    }

    /**
     * Q(s) for the absorption correlation of j at temperature T &gt; 0 after the first {@code kept} Matsubara terms,
     * written to out as {Re, Im}; Re s must exceed -nu_(kept+1).
     */
    public static void absorption(SpectralDensity j, double temperature, int kept, double sRe, double sIm, double[] out) {
        RationalDensity r = RationalDensity.of(j);
        if (r == null) {
            throw new InvalidModelException("spectral_density", j.describe() + " is not rational in w: no Matsubara remainder");
        }
        if (!(temperature > 0)) {
            throw new InvalidModelException("temperature", temperature, "> 0 for a Matsubara remainder");
        }
        double a = 2 * Math.PI * temperature;
        double[] dd = new double[2];
        double qr = 0;
        double qi = 0;
        for (int q = 0; q < r.poles().size(); q++) {
            Complex p = r.poles().get(q);
            Complex res = r.residues().get(q);
            // x = N + 1 + i p/a, y = N + 1 + s/a
            double xr = kept + 1 - p.getImaginary() / a;
            double xi = p.getReal() / a;
            double yr = kept + 1 + sRe / a;
            double yi = sIm / a;
            double sr = 0;
            double si = 0;
            while (xr <= 1 || yr <= 1) { // direct terms until both arguments are well inside Re > 0
                double pr = xr * yr - xi * yi;
                double pi = xr * yi + xi * yr;
                double p2 = pr * pr + pi * pi;
                sr += pr / p2;
                si -= pi / p2;
                xr += 1;
                yr += 1;
            }
            ComplexDigamma.dividedDifference(xr, xi, yr, yi, dd);
            sr += dd[0];
            si += dd[1];
            qr += res.getReal() * sr - res.getImaginary() * si;
            qi += res.getReal() * si + res.getImaginary() * sr;
        }
        out[0] = qr / a;
        out[1] = qi / a;
    }
}
