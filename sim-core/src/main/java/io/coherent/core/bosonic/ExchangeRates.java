package io.coherent.core.bosonic;

import io.coherent.core.bath.BoseEinstein;
import io.coherent.core.bath.Flat;
import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.SpectralDensity;
import io.coherent.core.quadrature.GaussKronrod;
import io.coherent.core.quadrature.Panel;
import io.coherent.core.quadrature.QuadratureResult;
import io.coherent.core.quadrature.QuadratureTolerance;
import io.coherent.core.quadrature.VectorIntegrand;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One-sided correlation spectra of an exchange (rotating-wave) bath at one-body frequencies e, in the
 * shared conventions (docs/master-equations.md): with A_1 = L, B_1 = sum_a g_a b_a^+, A_2 = L^+,
 * B_2 = sum_a g_a b_a,
 * <pre>
 *   absorption  alpha(e) = Gamma_12(-e) = pi J(e) n(e)       - i P int dx J(x) n(x) / (e - x)
 *   emission    beta(e)  = Gamma_21(e)  = pi J(e) (1 + n(e)) + i P int dx J(x) (1 + n(x)) / (e - x)
 * </pre>
 * (gamma_12(w) = 2 pi J(-w) n(-w), gamma_21(w) = 2 pi J(w)(1 + n(w)), S_ab(w) = (1/2pi) P int gamma_ab(w')/(w - w');
 * substituting x = -w' in S_12(-e) gives the first line). n is the bath's Bose function on the model's
 * {@link FrequencySupport}: on the whole line it has a 1/x pole at x = 0, a second principal value.
 *
 * <p>The principal values are computed with {@link GaussKronrod} on FOLDED panels about every pole (e and,
 * for a whole-line thermal bath, 0), finite panels between break points (0 and the support cut-off, where
 * J n may jump) and tail panels, with the quadrature's error estimate. A flat density has no convergent
 * principal value and is refused when the Lamb shift is on.
 *
 * @param absorptionRe   Re alpha at each frequency
 * @param absorptionIm   Im alpha
 * @param emissionRe     Re beta
 * @param emissionIm     Im beta
 * @param lambShiftError quadrature error estimate of each imaginary part (same for alpha and beta; 0 when off)
 * @param converged      whether every principal value met its tolerance
 */
public record ExchangeRates(double[] absorptionRe, double[] absorptionIm, double[] emissionRe, double[] emissionIm,
                            double[] lambShiftError, boolean converged) {

    /** Relative distance below which two singular points of a principal-value integrand coincide. */
    private static final double COINCIDENCE = 1e-10;

    public static ExchangeRates of(Bath bath, FrequencySupport support, double[] frequencies, boolean lambShift,
                                   QuadratureTolerance tolerance) {
        SpectralDensity j = bath.spectralDensity();
        BoseEinstein n = bath.occupation(support);
        int m = frequencies.length;
        double[] aRe = new double[m];
        double[] aIm = new double[m];
        double[] bRe = new double[m];
        double[] bIm = new double[m];
        double[] err = new double[m];
        boolean converged = true;
        if (lambShift && j instanceof Flat) {
            throw new InvalidModelException("baths." + bath.name() + ".lamb_shift", "the principal value of a flat "
                    + "spectral density diverges; switch the Lamb shift off (real rates only) or use a decaying density");
        }
        PrincipalValues pv = lambShift ? new PrincipalValues(j, n) : null;
        for (int k = 0; k < m; k++) {
            double e = frequencies[k];
            double occ = n.occupation(e);
            aRe[k] = Math.PI * j.value(e) * occ;
            bRe[k] = Math.PI * j.value(e) * (1 + occ);
            if (pv != null) {
                QuadratureResult r = pv.at(e, bath, support, tolerance);
                // r = [P int J n/(e - x), P int J/(e - x)]
                aIm[k] = -r.values()[0];
                bIm[k] = r.values()[0] + r.values()[1];
                err[k] = r.errors()[0] + r.errors()[1];
                converged &= r.converged();
            }
        }
        return new ExchangeRates(aRe, aIm, bRe, bIm, err, converged);
    }

    /** The integrand [J(x) n(x)/(e - x), J(x)/(e - x)]; one instance per bath, re-anchored per frequency. */
    private static final class PrincipalValues implements VectorIntegrand {
        private final SpectralDensity j;
        private final BoseEinstein n;
        private final GaussKronrod rule;
        private double e;

        PrincipalValues(SpectralDensity j, BoseEinstein n) {
            this.j = j;
            this.n = n;
            this.rule = new GaussKronrod(this);
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public void evaluate(double x, double[] out) {
            double jx = j.value(x);
            double d = e - x;
            out[0] = jx == 0 ? 0 : jx * n.occupation(x) / d;
            out[1] = jx / d;
        }

        QuadratureResult at(double frequency, Bath bath, FrequencySupport support, QuadratureTolerance tol) {
            this.e = frequency;
            double scale = Math.max(1, Math.abs(frequency));
            boolean thermal = bath.temperature() > 0;
            boolean poleAtZero = thermal && support.kind() == FrequencySupport.Kind.WHOLE_LINE;
            // break points: value = true if a principal value (odd pole) sits there
            TreeMap<Double, Boolean> points = new TreeMap<>();
            points.put(0.0, poleAtZero);
            if (thermal && support.kind() == FrequencySupport.Kind.POSITIVE && support.cutoff() > 0) {
                if (Math.abs(frequency - support.cutoff()) <= COINCIDENCE * scale && j.value(frequency) > 0) {
                    throw new InvalidModelException("frequency_cutoff", "equals the one-body frequency " + frequency
                            + " of bath " + bath.name() + ": J n jumps there and its Lamb shift diverges");
                }
                points.put(support.cutoff(), false);
            }
            if (Math.abs(frequency) <= COINCIDENCE * scale) {
                if (poleAtZero && j.value(0) > 0) {
                    throw new InvalidModelException("baths." + bath.name() + ".lamb_shift", "a one-body frequency 0 meets"
                            + " the Bose pole at w = 0 (double pole, no principal value); switch the Lamb shift off");
                }
                points.put(0.0, true);
            } else {
                points.put(frequency, true);
            }
            List<Double> xs = new ArrayList<>(points.keySet());
            double[] half = new double[xs.size()];
            for (int i = 0; i < xs.size(); i++) {
                if (!points.get(xs.get(i))) {
                    continue;
                }
                double gap = Double.POSITIVE_INFINITY;
                if (i > 0) {
                    gap = xs.get(i) - xs.get(i - 1);
                }
                if (i + 1 < xs.size()) {
                    gap = Math.min(gap, xs.get(i + 1) - xs.get(i));
                }
                half[i] = Double.isInfinite(gap) ? scale : 0.5 * gap;
            }
            List<Panel> panels = new ArrayList<>();
            panels.add(Panel.lowerTail(xs.get(0) - half[0]));
            for (int i = 0; i < xs.size(); i++) {
                if (half[i] > 0) {
                    panels.add(Panel.folded(xs.get(i), half[i]));
                }
                if (i + 1 < xs.size()) {
                    double lo = xs.get(i) + half[i];
                    double hi = xs.get(i + 1) - half[i + 1];
                    if (hi > lo) {
                        panels.add(Panel.finite(lo, hi));
                    }
                }
            }
            int last = xs.size() - 1;
            panels.add(Panel.upperTail(xs.get(last) + half[last]));
            return rule.integrate(panels, tol.absolute(), tol.relative(), tol.maxEvaluations());
        }
    }
}
