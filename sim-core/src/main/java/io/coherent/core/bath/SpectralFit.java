package io.coherent.core.bath;

import io.coherent.core.bath.ThermalOccupation.Statistics;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;

/**
 * C(t) of a Hermitian coupling at T &gt; 0 for a spectral density without a rational form (the Ohmic family): J(w),
 * w &gt; 0, is fitted by N underdamped Brownian terms, J_N(w) = sum_k a_k [L_k(w) - L_k(-w)] with Lorentzians
 * L_k(w) = g_k^2 / ((w - w_k)^2 + g_k^2) (the antisymmetrised Lorentzians of {@link BathCorrelations#hermitian}),
 * and C_N(t) = int_0^inf J_N(w) [coth(w/2T) cos wt - i sin wt] dw is expanded by {@link PoleExpansion}: the four
 * poles of each term exactly, the Bose function by Pade poles (QuTiP 5's and HierarchicalEOM.jl's approach).
 *
 * <p>Why the spectrum and not C(t) (as {@link CorrelationFit} does at T = 0): C_N is the correlation function of a
 * thermal bath with density J_N, so it satisfies detailed balance S(-w) = e^{-w/T} S(w) exactly (to the Pade
 * error). A time-domain fit of relative error eps breaks it by eps C(0)/S(-w0), which moves a weakly coupled
 * steady state's populations by O(eps) times a large factor whatever the coupling; the error of J_N only moves
 * them by O(coupling).
 *
 * <p>Error, a bound (up to the quadrature of a smooth integrand): |C(t) - C_N(t)| &lt;= int_0^inf |J - J_N|
 * coth(w/2T) dw (|coth cos - i sin| &lt;= coth), measured on a fine grid, plus the Pade error. The fit: variable
 * projection (amplitudes a_k by linear least squares, widths and centres by Levenberg-Marquardt, {@link
 * RateRefinement}) of the residual weighted by coth(w/2T) dw, N = 1, 2, ... each seeded with the previous
 * terms and a new one where the residual is largest; a count whose fit is not better by a factor
 * {@link #IMPROVEMENT}, or whose amplitudes cancel (sum |eta| above {@link CorrelationFit#AMPLITUDE_BOUND} max |C|), keeps the
 * previous count's fit, so the error never grows with N. Deterministic.
 */
final class SpectralFit {
    /** Grid of the least squares. */
    private static final int POINTS = 320;
    /** Grid of the measured error. */
    private static final int FINE = 20_000;
    /** A new term must lower the error by this factor to be kept. */
    static final double IMPROVEMENT = 0.7;
    /** Most Brownian terms. */
    private static final int MAX_TERMS = 24;
    /** Most Pade poles of the Bose function. */
    private static final int MAX_PADE = 12;

    private final SpectralDensity j;
    private final double temperature;
    private final double scale;
    private final double top;
    private final double[] w;
    private final double[] weight;
    private final double[] target;

    private SpectralFit(SpectralDensity j, double temperature, double scale) {
        this.j = j;
        this.temperature = temperature;
        this.scale = scale;
        // J e^{...} is below 1e-14 of its peak beyond top (exponential cut-off: about 40 scales)
        double t = 40 * scale;
        this.top = t;
        this.w = grid(POINTS, t);
        this.weight = new double[POINTS];
        this.target = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            double dw = (i + 1 < POINTS ? w[i + 1] : w[i]) - (i > 0 ? w[i - 1] : 0);
            weight[i] = Math.sqrt(0.5 * dw * coth(w[i]));
            target[i] = weight[i] * j.value(w[i]);
        }
    }

    /** Points dense near w = 0 (where coth ~ 2T/w and J ~ w^s) and spread to top: w = top (e^{8x} - 1)/(e^8 - 1). */
    private static double[] grid(int n, double top) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            double x = (i + 1.0) / n;
            g[i] = top * Math.expm1(8 * x) / Math.expm1(8);
        }
        return g;
    }

    private double coth(double x) {
        return 1 / Math.tanh(x / (2 * temperature));
    }

    /** The fit with at most n Brownian terms, its Pade poles chosen so their error is below 0.3 of the fit's. */
    static CorrelationExpansion hermitian(SpectralDensity j, double temperature, double scale, ExpansionOptions options) {
        if (options.exponents() < 1 || options.exponents() > MAX_TERMS) {
            throw new InvalidModelException("heom.exponents", options.exponents(), "1 .. " + MAX_TERMS + " Brownian terms"
                    + " for the fit of J(w) at T > 0");
        }
        SpectralFit f = new SpectralFit(j, temperature, scale);
        Terms best = f.ladder(options.exponents());
        RationalDensity odd = best.density().antisymmetrised();
        CorrelationExpansion expansion = null;
        for (int p = 1; p <= MAX_PADE; p++) {
            expansion = new PoleExpansion(odd, Statistics.BOSE, temperature, 0, 1, "temperature")
                    .expand(new ExpansionOptions(ExpansionScheme.PADE, p, options.terminator()));
            if (expansion.error() <= 0.3 * best.error) {
                break;
            }
        }
        // J_N is odd, J_N(0) = 0: a principal-value term at w = 0 (rate 0) is rounding, and would not decay
        List<CorrelationTerm> terms = expansion.terms().stream().filter(c -> c.rateRe() > 0).toList();
        return new CorrelationExpansion(terms, expansion.terminatorRe(), expansion.terminatorIm(),
                best.error + expansion.error(), best.integrated + expansion.integratedError(), "fit");
    }

    /** Fitted terms: centres, widths, amplitudes; the measured error bounds. */
    private record Terms(double[] center, double[] width, double[] amplitude, double error, double integrated) {
        int size() {
            return center.length;
        }

        /** sum_k a_k L_k(w) (before the antisymmetrisation): poles w_k -+ i g_k with residues -+ i a_k g_k/2. */
        RationalDensity density() {
            List<Complex> p = new ArrayList<>();
            List<Complex> r = new ArrayList<>();
            for (int k = 0; k < center.length; k++) {
                double res = amplitude[k] * width[k] / 2;
                p.add(new Complex(center[k], -width[k]));
                r.add(new Complex(0, res));
                p.add(new Complex(center[k], width[k]));
                r.add(new Complex(0, -res));
            }
            return new RationalDensity(p, r);
        }
    }

    private Terms ladder(int n) {
        Terms best = null;
        Terms seed = null;
        for (int k = 1; k <= n; k++) {
            Terms next = fit(seed);
            if (next == null) {
                continue;
            }
            if (seed == null || next.error < seed.error) {
                seed = next; // the next count starts from the best fit so far, kept or not
            }
            if (best == null || next.error < IMPROVEMENT * best.error) {
                best = next;
            }
        }
        if (best == null) {
            throw new InvalidModelException("spectral_density", j.describe() + " at T = " + temperature + ": no stable fit"
                    + " of J(w) by Brownian terms was found; use T = 0 or another spectral density");
        }
        return best;
    }

    /** The basis function L(w) - L(-w) of one term. */
    private static double basis(double w, double center, double width) {
        double g2 = width * width;
        double dm = w - center;
        double dp = w + center;
        return g2 / (dm * dm + g2) - g2 / (dp * dp + g2);
    }

    /** The fit with one term more than previous (null: none yet), or null if it is unstable. */
    private Terms fit(Terms previous) {
        int m = previous == null ? 1 : previous.size() + 1;
        double[] center = new double[m];
        double[] width = new double[m];
        if (previous == null) {
            center[0] = scale;
            width[0] = scale;
        } else {
            System.arraycopy(previous.center, 0, center, 0, m - 1);
            System.arraycopy(previous.width, 0, width, 0, m - 1);
            // the new term where the weighted residual is largest, as wide as its distance to the nearest centre
            double[] r = residual(previous.center, previous.width);
            int at = 0;
            for (int i = 0; i < POINTS; i++) {
                if (Math.abs(r[i]) > Math.abs(r[at])) {
                    at = i;
                }
            }
            double c = w[at];
            double nearest = Double.POSITIVE_INFINITY;
            for (double x : previous.center) {
                nearest = Math.min(nearest, Math.abs(x - c));
            }
            center[m - 1] = c;
            width[m - 1] = Math.max(Math.min(nearest, c), 1e-3 * scale);
        }
        // LM on (ln g_k, u_k) through the rates g_k +- i u_k of RateRefinement (the upper member of each pair read),
        // w_k = sqrt(g_k^2/4 + u_k^2) >= g_k/2: the poles -+w_k - i g_k of a term stay apart, else the amplitudes
        // would grow without bound and cancel (a single term otherwise runs to w_k -> 0, an overdamped mode)
        Complex[] rates = new Complex[2 * m];
        for (int k = 0; k < m; k++) {
            double u = Math.max(Math.sqrt(Math.max(center[k] * center[k] - width[k] * width[k] / 4, 0)), 1e-3 * scale);
            rates[2 * k] = new Complex(width[k], u);
            rates[2 * k + 1] = new Complex(width[k], -u);
        }
        Complex[] refined = RateRefinement.refine(rates, g -> residual(centers(g), widths(g)));
        double[] c = centers(refined);
        double[] g = widths(refined);
        double[] a = amplitudes(c, g);
        if (a == null) {
            return null;
        }
        return measure(c, g, a);
    }

    private static double[] centers(Complex[] rates) {
        double[] c = new double[rates.length / 2];
        for (int k = 0; k < c.length; k++) {
            c[k] = Math.hypot(rates[2 * k].getReal() / 2, rates[2 * k].getImaginary());
        }
        return c;
    }

    private static double[] widths(Complex[] rates) {
        double[] g = new double[rates.length / 2];
        for (int k = 0; k < g.length; k++) {
            g[k] = rates[2 * k].getReal();
        }
        return g;
    }

    /** Weighted least-squares amplitudes, or null if the basis is singular (two terms merged). */
    private double[] amplitudes(double[] center, double[] width) {
        int m = center.length;
        double[][] a = new double[POINTS][m];
        for (int i = 0; i < POINTS; i++) {
            for (int k = 0; k < m; k++) {
                a[i][k] = weight[i] * basis(w[i], center[k], width[k]);
            }
        }
        try {
            return new QRDecomposition(new Array2DRowRealMatrix(a, false), 1e-13).getSolver()
                    .solve(new ArrayRealVector(target, false)).toArray();
        } catch (MathIllegalArgumentException singular) {
            return null;
        }
    }

    /** The weighted residual of the least-squares amplitudes (infinite where the basis is singular). */
    private double[] residual(double[] center, double[] width) {
        double[] r = new double[POINTS];
        double[] a = amplitudes(center, width);
        if (a == null) {
            java.util.Arrays.fill(r, Double.POSITIVE_INFINITY);
            return r;
        }
        for (int i = 0; i < POINTS; i++) {
            double f = 0;
            for (int k = 0; k < center.length; k++) {
                f += a[k] * basis(w[i], center[k], width[k]);
            }
            r[i] = target[i] - weight[i] * f;
        }
        return r;
    }

    /**
     * The measured bounds: sup_t |C - C_N| &lt;= int_0^inf |J - J_N| coth dw (trapezoid on a fine grid, plus
     * int_0^w1 by the power law w^(s-1) of the integrand below the first point, plus the tail of J_N beyond the grid,
     * where J_N ~ w^-3), raised by 2% for the quadrature; the integrated error estimated from it ({@link #integrated}). Null
     * when the amplitudes cancel: sum_k |eta_k| (each term's two poles, pi |a_k| g_k |coth((w_k - i g_k)/2T)|) above
     * {@link CorrelationFit#AMPLITUDE_BOUND} times max |C| = C(0) = int J coth dw.
     */
    private Terms measure(double[] center, double[] width, double[] a) {
        double[] fine = grid(FINE, top);
        double sum = 0;
        double previous = 0;
        double previousW = 0;
        double jc = 0;
        for (int i = 0; i < FINE; i++) {
            double x = fine[i];
            double jn = 0;
            for (int k = 0; k < center.length; k++) {
                jn += a[k] * basis(x, center[k], width[k]);
            }
            double v = Math.abs(j.value(x) - jn) * coth(x);
            if (i == 0) {
                // below the first point the integrand goes like w^(s-1) (s > 0) or w^0: at most v w1 / min(s, 1)
                double s = j instanceof OhmicFamily o ? Math.min(o.exponent(), 1) : 1;
                sum += v * x / s;
            } else {
                sum += 0.5 * (v + previous) * (x - previousW);
            }
            jc += i == 0 ? 0 : 0.5 * (j.value(x) * coth(x) + j.value(previousW) * coth(previousW)) * (x - previousW);
            previous = v;
            previousW = x;
        }
        // beyond the grid J ~ 0 and J_N ~ A/w^3: int_top^inf = J_N(top) top / 2
        sum += previous * top / 2;
        double amplitudes = 0;
        for (int k = 0; k < center.length; k++) {
            amplitudes += Math.PI * Math.abs(a[k]) * width[k] * Math.abs(cothComplex(center[k], width[k]));
        }
        if (amplitudes > CorrelationFit.AMPLITUDE_BOUND * jc) {
            return null;
        }
        return new Terms(center, width, a, 1.02 * sum, integrated(sum, width));
    }

    /** |coth((w - i g)/2T)|, the Bose weight of a pole below the axis. */
    private double cothComplex(double center, double width) {
        Complex z = new Complex(center, -width).divide(2 * temperature);
        return z.cosh().divide(z.sinh()).norm();
    }

    /**
     * int_0^inf |C - C_N| dt, an estimate: the error's spectrum is J - J_N, smooth on the scale of the narrowest term;
     * its C decays on the time 1/min(g_k, 2 pi T), so the sup times twice that time. +infinity for a sub-Ohmic
     * density (s &lt; 1), whose C(t) ~ t^-s at T &gt; 0 is not integrable while C_N is.
     */
    private double integrated(double sup, double[] width) {
        if (j instanceof OhmicFamily o && o.exponent() < 1) {
            return Double.POSITIVE_INFINITY;
        }
        double slow = 2 * Math.PI * temperature;
        for (double g : width) {
            slow = Math.min(slow, g);
        }
        return 2 * sup / slow;
    }
}
