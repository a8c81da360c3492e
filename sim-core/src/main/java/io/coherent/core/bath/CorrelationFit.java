package io.coherent.core.bath;

import io.coherent.core.bath.ThermalOccupation.Statistics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * C(t) fitted by a sum of K complex exponentials, for any spectral density (the Ohmic family in particular)
 * and any T >= 0.
 *
 * <p>Method: C is sampled on a uniform grid of a window [0, t_w] by quadrature of its defining integral
 * ({@link CorrelationSampler}); the matrix pencil method (Hua and Sarkar, IEEE Trans. ASSP 38, 814 (1990))
 * applied to Re C and Im C together (their Hankel matrices stacked, so both share one set of rates, closed under
 * conjugation because the pencil is real) gives the K rates; the complex amplitudes follow by linear least
 * squares. The error is measured, not assumed: max |C - fit| over a grid twice as fine that extends the
 * window by a quarter, plus the tail max |C| over its last sixth (where C has not decayed, the truncation of the
 * window is the error). Windows t_w = 2^j / scale (j = 2 .. 10) are tried in turn, until the error has grown
 * twice, and the one with the smallest measured error is kept. Deterministic: no random start, no iteration whose result depends on timing.
 */
final class CorrelationFit {
    private static final int SAMPLES = 240;
    private static final int FIRST_WINDOW = 2;
    private static final int LAST_WINDOW = 10;

    private CorrelationFit() {
    }

    static CorrelationExpansion hermitian(SpectralDensity j, double temperature, ExpansionOptions options) {
        refuseSlowTail(j);
        if (temperature > 0 && j.value(0) > 0) {
            // a Lorentzian restricted to w > 0 has J(0+) > 0: J coth(w/2T) ~ 2T J(0)/w is not integrable
            throw new InvalidModelException("temperature", "T = " + temperature + " with " + j.describe()
                    + " on a hermitian coupling: J(0) > 0 makes C(t) = int J coth(w/2T) ... dw diverge at w = 0; "
                    + "use the pade expansion (which describes J(w) - J(-w)) or a spectrum with J(0) = 0");
        }
        double scale = scale(j, temperature, 0);
        DoubleUnaryOperator a = temperature == 0 ? w -> w > 0 ? j.value(w) : 0
                : w -> w > 0 ? j.value(w) / Math.tanh(w / (2 * temperature)) : 0;
        DoubleUnaryOperator b = w -> w > 0 ? j.value(w) : 0;
        return fit(new CorrelationSampler(a, b, true, Double.NaN, scale, temperature), scale, options);
    }

    static ExchangeCorrelation exchange(SpectralDensity j, ThermalOccupation occupation, ExpansionOptions options) {
        refuseSlowTail(j);
        double t = occupation.temperature();
        double mu = occupation.chemicalPotential();
        int sign = occupation.statistics().sign();
        boolean halfLine = j instanceof OhmicFamily;
        double scale = scale(j, t, mu);
        boolean bose = occupation.statistics() == Statistics.BOSE;
        double pv = bose && t > 0 ? mu : Double.NaN;
        DoubleUnaryOperator out = w -> {
            double v = j.value(w);
            return v == 0 ? 0 : v * (1 + sign * occupation.occupation(w));
        };
        DoubleUnaryOperator in = w -> {
            double v = j.value(w);
            return v == 0 ? 0 : v * occupation.occupation(w);
        };
        CorrelationExpansion emission = fit(new CorrelationSampler(out, out, halfLine, pv, scale, t, mu), scale, options);
        if (bose && t == 0) {
            return new ExchangeCorrelation(emission, new CorrelationExpansion(List.of(), 0, 0, 0, 0, "exact"));
        }
        CorrelationExpansion absorption = fit(new CorrelationSampler(in, w -> -in.applyAsDouble(w), halfLine, pv, scale, t,
                mu), scale, options);
        return new ExchangeCorrelation(emission, absorption);
    }

    /** Drude-Lorentz: J ~ 1/w makes C(t) ~ log t at t = 0, which no finite sum of exponentials follows. */
    private static void refuseSlowTail(SpectralDensity j) {
        if (j instanceof DrudeLorentz) {
            throw new InvalidModelException("spectral_density", j.describe() + " has C(t) ~ log t at t = 0 (J ~ 1/w), "
                    + "which a fit cannot follow; use the pade or matsubara expansion, exact in its pole term");
        }
    }

    private static double scale(SpectralDensity j, double temperature, double mu) {
        double s;
        if (j instanceof OhmicFamily o) {
            s = o.cutoff() * Math.max(1, o.exponent());
        } else if (j instanceof Lorentzian l) {
            s = Math.abs(l.center()) + l.width();
        } else if (j instanceof LorentzianSum sum) {
            s = sum.peaks().stream().mapToDouble(l -> Math.abs(l.center()) + l.width()).max().orElse(1);
        } else {
            s = 1;
        }
        return Math.max(s, Math.max(temperature, Math.abs(mu)));
    }

    /** One window's fit with its error on its own samples (residual, and |C| over the window's last sixth). */
    private record Candidate(double window, Complex[] rates, Complex[] eta, double error) {
    }

    private static CorrelationExpansion fit(CorrelationSampler sampler, double scale, ExpansionOptions options) {
        int k = options.exponents();
        if (k == 0) {
            throw new InvalidModelException("heom.exponents", 0, "at least 1 for the fit expansion");
        }
        if (k > SAMPLES / 4) {
            throw new InvalidModelException("heom.exponents", k, "at most " + SAMPLES / 4 + " for the fit expansion");
        }
        CorrelationExpansion best = null;
        int worse = 0;
        for (int jw = FIRST_WINDOW; jw <= LAST_WINDOW && worse < 2; jw++) {
            CorrelationExpansion c = verify(sampler, fitWindow(sampler, Math.pow(2, jw) / scale, k), options.terminator());
            if (best == null || c.error() < best.error()) {
                best = c;
                worse = 0;
            } else {
                worse++;
            }
        }
        return best;
    }

    private static Candidate fitWindow(CorrelationSampler sampler, double window, int k) {
        double dt = window / (SAMPLES - 1);
        double[] y = sampler.uniform(dt, SAMPLES);
        Complex[] rates = pencil(y, SAMPLES, k, dt, window);
        Complex[] eta = amplitudes(y, SAMPLES, rates, dt);
        double residual = 0;
        double tail = 0;
        for (int m = 0; m < SAMPLES; m++) {
            double[] f = sum(rates, eta, m * dt);
            residual = Math.max(residual, Math.hypot(y[2 * m] - f[0], y[2 * m + 1] - f[1]));
            if (m >= SAMPLES - SAMPLES / 6) {
                tail = Math.max(tail, Math.hypot(y[2 * m], y[2 * m + 1]));
            }
        }
        return new Candidate(window, rates, eta, Math.max(residual, tail));
    }

    /**
     * The measured error of the chosen fit: max |C - fit| on a grid twice as fine as the fit's and a quarter
     * longer (fresh quadrature samples), and beyond it |C - fit| &lt;= |C| + |fit| with |C| taken as its maximum
     * over the grid's last sixth (C has decayed to its tail there) and |fit| bounded term by term.
     */
    private static CorrelationExpansion verify(CorrelationSampler sampler, Candidate c, boolean terminator) {
        Complex[] rates = c.rates;
        Complex[] eta = c.eta;
        int fine = 2 * (SAMPLES - 1) * 5 / 4 + 1;
        double fdt = c.window / (SAMPLES - 1) / 2;
        double[] z = sampler.uniform(fdt, fine);
        double sup = 0;
        double l1 = 0;
        double deltaRe = 0;
        double deltaIm = 0;
        double tail = 0;
        double prevRe = 0;
        double prevIm = 0;
        for (int m = 0; m < fine; m++) {
            double[] s = sum(rates, eta, m * fdt);
            double dr = z[2 * m] - s[0];
            double di = z[2 * m + 1] - s[1];
            double d = Math.hypot(dr, di);
            sup = Math.max(sup, d);
            if (m > 0) {
                l1 += 0.5 * fdt * (d + Math.hypot(prevRe, prevIm));
                deltaRe += 0.5 * fdt * (dr + prevRe);
                deltaIm += 0.5 * fdt * (di + prevIm);
            }
            prevRe = dr;
            prevIm = di;
            if (m >= fine - fine / 6) {
                tail = Math.max(tail, Math.hypot(z[2 * m], z[2 * m + 1]));
            }
        }
        double fitTail = 0;
        double slowest = Double.POSITIVE_INFINITY;
        double end = (fine - 1) * fdt;
        for (int i = 0; i < rates.length; i++) {
            fitTail += eta[i].norm() * Math.exp(-rates[i].getReal() * end);
            slowest = Math.min(slowest, rates[i].getReal());
        }
        double quadrature = z[2 * fine];
        double error = Math.max(sup, tail + fitTail) + quadrature;
        // beyond the grid the tail of C is read as not decaying faster than over the last sixth: |C| ~ tail up to
        // the end again, then (integrable tails only) as the fit's own slowest rate
        double tailIntegral = tail * end + fitTail / slowest;
        TermCollector collector = new TermCollector();
        for (int i = 0; i < rates.length; i++) {
            collector.add(rates[i], eta[i]);
        }
        return new CorrelationExpansion(collector.terms(), terminator ? deltaRe : 0, terminator ? deltaIm : 0,
                error, l1 + tailIntegral + quadrature * end, "fit");
    }

    private static double[] sum(Complex[] rates, Complex[] eta, double t) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < rates.length; i++) {
            Complex v = eta[i].multiply(rates[i].multiply(-t).exp());
            re += v.getReal();
            im += v.getImaginary();
        }
        return new double[] {re, im};
    }

    /**
     * Matrix pencil: the Hankel matrices of Re y and Im y (rows y_{i .. i+L}) stacked; the K dominant right singular
     * vectors V; the eigenvalues z_k of pinv(V[0:L]) V[1:L+1]; gamma_k = -log(z_k)/dt, with Re gamma_k raised to
     * at least 1/window (a rate the window cannot tell from zero would not decay).
     */
    private static Complex[] pencil(double[] y, int n, int k, double dt, double window) {
        int l = n / 3;
        int rows = n - l;
        double[][] h = new double[2 * rows][l + 1];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j <= l; j++) {
                h[i][j] = y[2 * (i + j)];
                h[rows + i][j] = y[2 * (i + j) + 1];
            }
        }
        RealMatrix v = new SingularValueDecomposition(new Array2DRowRealMatrix(h, false)).getV();
        RealMatrix v1 = v.getSubMatrix(0, l - 1, 0, k - 1);
        RealMatrix v2 = v.getSubMatrix(1, l, 0, k - 1);
        RealMatrix phi = new QRDecomposition(v1).getSolver().solve(v2);
        Complex[] z = new EigenDecompositionNonSymmetric(phi).getEigenvalues();
        Complex[] rates = new Complex[k];
        for (int i = 0; i < k; i++) {
            Complex g = z[i].log().divide(-dt);
            rates[i] = new Complex(Math.max(g.getReal(), 1 / window), g.getImaginary());
        }
        return rates;
    }

    /** Complex amplitudes by least squares (real embedding, QR) on the samples. */
    private static Complex[] amplitudes(double[] y, int n, Complex[] rates, double dt) {
        int k = rates.length;
        double[][] a = new double[2 * n][2 * k];
        double[][] rhs = new double[2 * n][1];
        for (int m = 0; m < n; m++) {
            for (int i = 0; i < k; i++) {
                Complex e = rates[i].multiply(-m * dt).exp();
                a[2 * m][2 * i] = e.getReal();
                a[2 * m][2 * i + 1] = -e.getImaginary();
                a[2 * m + 1][2 * i] = e.getImaginary();
                a[2 * m + 1][2 * i + 1] = e.getReal();
            }
            rhs[2 * m][0] = y[2 * m];
            rhs[2 * m + 1][0] = y[2 * m + 1];
        }
        RealMatrix x = new QRDecomposition(new Array2DRowRealMatrix(a, false), 1e-14).getSolver()
                .solve(new Array2DRowRealMatrix(rhs, false));
        Complex[] eta = new Complex[k];
        for (int i = 0; i < k; i++) {
            eta[i] = new Complex(x.getEntry(2 * i, 0), x.getEntry(2 * i + 1, 0));
        }
        return eta;
    }
}
