package io.coherent.core.bath;

import io.coherent.core.bath.ThermalOccupation.Statistics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.complex.Complex;
import org.hipparchus.exception.MathIllegalArgumentException;
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
 * conjugation because the pencil is real) gives K rates and linear least squares (over the window's samples
 * and a fine grid of the first 4/scale, where C varies fastest) the complex amplitudes. The rates are then
 * refined by Levenberg-Marquardt on the variable-projection residual ({@link RateRefinement}) in the best
 * window and in longer ones, each kept if its measured error is smaller. The error is measured, not assumed: max |C - fit| over a grid twice as fine that extends the
 * window by a quarter, plus the tail max |C| over its last sixth (where C has not decayed, the truncation of the
 * window is the error). Windows t_w = 2^j / scale (j = 2 .. 10) are tried in turn, until the error has grown
 * twice or C has decayed well inside the window, and the one with the smallest measured error is kept, among the fits
 * whose amplitudes do not cancel (sum |eta_k| &lt;= {@link #AMPLITUDE_BOUND} |C(0)|); with none, the fit of K - 1.
 * Used at T = 0 and for exchange couplings; a Hermitian coupling at T &gt; 0 fits J(w) instead ({@link SpectralFit}). Deterministic: no random start, no iteration whose result depends on timing.
 */
final class CorrelationFit {
    private static final int SAMPLES = 240;
    /** Samples of the early fine grid, 1/50 of the spectral time apart (fitted and checked in every window). */
    private static final int EARLY = 200;
    private static final int FIRST_WINDOW = 2;
    private static final int LAST_WINDOW = 10;
    /**
     * sum_k |eta_k| at most this multiple of max |C| = |C(0)|: larger amplitudes cancel each other (two nearly equal
     * rates), and the hierarchy built on them is ill-conditioned (GMRES stalls, observables jump by O(1)).
     */
    static final double AMPLITUDE_BOUND = 10;

    private CorrelationFit() {
    }

    /** Samples {Re C(t0 + m dt), Im C(t0 + m dt)}, m = 0 .. count-1, interleaved, with a bound on their error appended. */
    @FunctionalInterface
    interface Samples {
        double[] uniform(double t0, double dt, int count);
    }

    /** Samples of an expansion (a Pade series with many terms), its error bound appended. */
    private static Samples of(CorrelationExpansion e) {
        return (t0, dt, count) -> {
            double[] y = new double[2 * count + 1];
            for (int m = 0; m < count; m++) {
                double[] v = e.valueAt(t0 + m * dt);
                y[2 * m] = v[0];
                y[2 * m + 1] = v[1];
            }
            y[2 * count] = e.error();
            return y;
        };
    }

    static CorrelationExpansion hermitian(SpectralDensity j, double temperature, ExpansionOptions options) {
        refuseSlowTail(j);
        if (RationalDensity.of(j) != null) {
            // restricted to w > 0 a Lorentzian has J(0+) > 0: at T > 0, J coth(w/2T) ~ 2T J(0)/w is not integrable;
            // at T = 0 its one-sided transform has a slow oscillating tail that the quadrature cannot sample
            throw new InvalidModelException("temperature", "T = " + temperature + " with " + j.describe()
                    + " on a hermitian coupling has no fit expansion (J(0) > 0 on the half line); use the pade expansion "
                    + "at T > 0, which describes J(w) - J(-w)");
        }
        double scale = scale(j, temperature, 0);
        if (temperature > 0) {
            return SpectralFit.hermitian(j, temperature, scale, options); // detailed balance kept exactly (see there)
        }
        DoubleUnaryOperator a = temperature == 0 ? w -> w > 0 ? j.value(w) : 0
                : w -> w > 0 ? j.value(w) / Math.tanh(w / (2 * temperature)) : 0;
        DoubleUnaryOperator b = w -> w > 0 ? j.value(w) : 0;
        return fit(new CorrelationSampler(a, b, Double.NaN, scale, temperature), scale, options);
    }

    static ExchangeCorrelation exchange(SpectralDensity j, ThermalOccupation occupation, ExpansionOptions options) {
        refuseSlowTail(j);
        double t = occupation.temperature();
        double mu = occupation.chemicalPotential();
        int sign = occupation.statistics().sign();
        double scale = scale(j, t, mu);
        boolean bose = occupation.statistics() == Statistics.BOSE;
        double pv = bose && t > 0 ? mu : Double.NaN;
        if (RationalDensity.of(j) != null) {
            // a rational density on the whole line: sample the pole expansion (Pade, 20 poles, error bound included),
            // not a quadrature whose 1/w^2 tails oscillate without end
            if (t == 0 && !bose) {
                throw new InvalidModelException("temperature", "T = 0 with " + j.describe() + " on a fermionic reservoir "
                        + "has no fit expansion (the Fermi edge leaves a 1/t tail); use the pade expansion at T > 0");
            }
            ExchangeCorrelation series = BathCorrelations.exchange(j, occupation, new ExpansionOptions(ExpansionScheme.PADE, 20, false));
            if (t == 0) {
                return series; // the vacuum kernel, exact
            }
            return new ExchangeCorrelation(refit(series.emission(), scale, options), refit(series.absorption(), scale, options));
        }
        DoubleUnaryOperator out = w -> {
            double v = j.value(w);
            return v == 0 ? 0 : v * (1 + sign * occupation.occupation(w));
        };
        DoubleUnaryOperator in = w -> {
            double v = j.value(w);
            return v == 0 ? 0 : v * occupation.occupation(w);
        };
        // the principal value at mu > 0 leaves an undamped term -+ i pi T J(mu) e^{-+ i mu t} (as for rational
        // densities): kept exactly, and only the damped rest fitted
        double weight = pv > 0 ? Math.PI * t * j.value(mu) : 0;
        CorrelationExpansion emission = withUndamped(fit(withoutUndamped(new CorrelationSampler(out, out, pv, scale, t, mu),
                -weight, -mu), scale, options), -weight, -mu);
        if (bose && t == 0) {
            return new ExchangeCorrelation(emission, new CorrelationExpansion(List.of(), 0, 0, 0, 0, "exact"));
        }
        CorrelationExpansion absorption = withUndamped(fit(withoutUndamped(new CorrelationSampler(in,
                w -> -in.applyAsDouble(w), pv, scale, t, mu), weight, mu), scale, options), weight, mu);
        return new ExchangeCorrelation(emission, absorption);
    }

    /**
     * The absorption correlation C_in(t) = int J n e^{iwt} dw alone (the exact engine's thermal part needs no C_out), for a
     * density without a pole expansion on a Bose reservoir at T &gt; 0 with mu = 0 (J(0) = 0 there: no principal value).
     */
    static CorrelationExpansion absorption(SpectralDensity j, ThermalOccupation occupation, ExpansionOptions options) {
        refuseSlowTail(j);
        double t = occupation.temperature();
        if (RationalDensity.of(j) != null || occupation.statistics() != Statistics.BOSE || !(t > 0)
                || occupation.chemicalPotential() != 0) {
            return exchange(j, occupation, options).absorption();
        }
        DoubleUnaryOperator in = w -> {
            double v = j.value(w);
            return v == 0 ? 0 : v * occupation.occupation(w);
        };
        return fit(new CorrelationSampler(in, w -> -in.applyAsDouble(w), Double.NaN, scale(j, t, 0), t, 0),
                scale(j, t, 0), options);
    }

    /** Samples of C(t) - i a e^{i f t}. */
    private static Samples withoutUndamped(Samples c, double a, double f) {
        if (a == 0) {
            return c;
        }
        return (t0, dt, count) -> {
            double[] y = c.uniform(t0, dt, count);
            for (int m = 0; m < count; m++) {
                double t = t0 + m * dt;
                y[2 * m] += a * Math.sin(f * t);
                y[2 * m + 1] -= a * Math.cos(f * t);
            }
            return y;
        };
    }

    /** The expansion with the term i a e^{i f t} (rate -i f) added. */
    private static CorrelationExpansion withUndamped(CorrelationExpansion e, double a, double f) {
        if (a == 0) {
            return e;
        }
        TermCollector c = new TermCollector();
        c.add(new Complex(0, -f), new Complex(0, a));
        List<CorrelationTerm> terms = new ArrayList<>(e.terms());
        terms.addAll(c.terms());
        return new CorrelationExpansion(terms, e.terminatorRe(), e.terminatorIm(), e.error(), e.integratedError(), e.scheme());
    }

    /**
     * The fit of a pole series: its undamped terms (the Bose principal value at w = mu, Re gamma = 0) are kept as
     * they are, since no decaying exponential follows them; the damped rest is fitted by K exponentials.
     */
    private static CorrelationExpansion refit(CorrelationExpansion series, double scale, ExpansionOptions options) {
        List<CorrelationTerm> undamped = series.terms().stream().filter(c -> c.rateRe() == 0).toList();
        CorrelationExpansion damped = new CorrelationExpansion(series.terms().stream().filter(c -> c.rateRe() > 0).toList(),
                0, 0, series.error(), series.integratedError(), series.scheme());
        CorrelationExpansion f = fit(of(damped), scale, options);
        List<CorrelationTerm> terms = new ArrayList<>(f.terms());
        terms.addAll(undamped);
        return new CorrelationExpansion(terms, f.terminatorRe(), f.terminatorIm(), f.error(), f.integratedError(), "fit");
    }

    /** Drude-Lorentz: J ~ 1/w makes C(t) ~ log t at t = 0, which no finite sum of exponentials follows. */
    private static void refuseSlowTail(SpectralDensity j) {
        if (j instanceof DrudeLorentz) {
            throw new InvalidModelException("spectral_density", j.describe() + " has C(t) ~ log t at t = 0 (J ~ 1/w), "
                    + "which a fit cannot follow; use the pade or matsubara expansion (T > 0), exact in its pole term");
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

    /** One window's fit: the residual on its own samples, |C| over the window's last sixth, the sampling error. */
    private record Candidate(double window, Complex[] rates, Complex[] eta, double[] samples, double residual, double tail,
                             double quadratureError) {
    }

    private static CorrelationExpansion fit(Samples sampler, double scale, ExpansionOptions options) {
        int k = options.exponents();
        if (k == 0) {
            throw new InvalidModelException("heom.exponents", 0, "at least 1 for the fit expansion");
        }
        if (k > SAMPLES / 4) {
            throw new InvalidModelException("heom.exponents", k, "at most " + SAMPLES / 4 + " for the fit expansion");
        }
        Samples memo = memoised(sampler);
        double earlyStep = 0.02 / scale;
        double[] early = memo.uniform(0, earlyStep, EARLY);
        double bound = AMPLITUDE_BOUND * Math.hypot(early[0], early[1]); // |C(t)| <= C(0) for a positive spectrum
        CorrelationExpansion best = null;
        Candidate bestCandidate = null;
        int worse = 0;
        for (int jw = FIRST_WINDOW; jw <= LAST_WINDOW && worse < 2; jw++) {
            Candidate candidate;
            CorrelationExpansion c;
            try {
                candidate = fitWindow(memo, early, earlyStep, Math.pow(2, jw) / scale, k, false);
                c = verify(memo, candidate, early, earlyStep, options.terminator());
            } catch (MathIllegalArgumentException singular) {
                worse++; // two rates merged (a singular least-squares basis), e.g. a slow t^-s tail: try the next window
                continue;
            }
            if (amplitudes(c) > bound) {
                worse++; // near-cancelling amplitudes: a hierarchy built on them is ill-conditioned
                continue;
            }
            if (best == null || c.error() < best.error()) {
                best = c;
                bestCandidate = candidate;
                worse = 0;
            } else {
                worse++;
            }
            if (candidate.quadratureError > 0.5 * best.error() || candidate.tail < 0.1 * candidate.residual) {
                break; // longer windows would oscillate beyond the quadrature budget, or C has decayed inside this one
            }
        }
        // rates refined (Levenberg-Marquardt) in the chosen window and in longer ones while that lowers the measured
        // error: the refined fit follows the early decay better, so a longer window (a smaller tail) pays off
        if (best == null) {
            if (k == 1) {
                throw new InvalidModelException("heom.exponents", k, "more: no stable fit with " + k + " exponent");
            }
            return fit(memo, scale, new ExpansionOptions(options.scheme(), k - 1, options.terminator()));
        }
        double window = bestCandidate.window;
        for (int i = 0; i < 3; i++, window *= 2) {
            CorrelationExpansion r;
            try {
                r = verify(memo, fitWindow(memo, early, earlyStep, window, k, true), early, earlyStep, options.terminator());
            } catch (MathIllegalArgumentException singular) {
                break;
            }
            if (r.error() < best.error() && amplitudes(r) <= bound) {
                best = r;
            } else if (i > 0) {
                break;
            }
        }
        return best;
    }

    /** sum_k |eta_k|. */
    private static double amplitudes(CorrelationExpansion e) {
        return e.terms().stream().mapToDouble(c -> Math.hypot(c.etaRe(), c.etaIm())).sum();
    }

    /** The sampler with each grid sampled once (the windows and their refinements ask for the same grids again). */
    private static Samples memoised(Samples sampler) {
        java.util.Map<java.util.List<Double>, double[]> seen = new java.util.HashMap<>();
        return (t0, dt, count) -> seen.computeIfAbsent(java.util.List.of(t0, dt, (double) count),
                key -> sampler.uniform(t0, dt, count)).clone();
    }

    private static Candidate fitWindow(Samples sampler, double[] early, double earlyStep, double window, int k, boolean refine) {
        double dt = window / (SAMPLES - 1);
        double[] y = sampler.uniform(0, dt, SAMPLES);
        // least squares over the window's samples and the early fine grid (where C varies fastest)
        int ne = EARLY;
        double[] times = new double[SAMPLES + ne];
        double[] values = new double[2 * (SAMPLES + ne)];
        for (int m = 0; m < SAMPLES; m++) {
            times[m] = m * dt;
            values[2 * m] = y[2 * m];
            values[2 * m + 1] = y[2 * m + 1];
        }
        for (int m = 0; m < ne; m++) {
            times[SAMPLES + m] = m * earlyStep;
            values[2 * (SAMPLES + m)] = early[2 * m];
            values[2 * (SAMPLES + m) + 1] = early[2 * m + 1];
        }
        Complex[] start = pencil(y, SAMPLES, k, dt, window);
        Complex[] rates = refine ? RateRefinement.refine(start, g -> residual(times, values, g)) : start;
        for (int i = 0; i < rates.length; i++) {
            // a rate the window cannot tell from zero would not decay: at least 1/window, as in the pencil
            rates[i] = new Complex(Math.max(rates[i].getReal(), 1 / window), rates[i].getImaginary());
        }
        Complex[] eta = amplitudes(times, values, rates);
        double residual = 0;
        double tail = 0;
        for (int m = 0; m < SAMPLES; m++) {
            double[] f = sum(rates, eta, m * dt);
            residual = Math.max(residual, Math.hypot(y[2 * m] - f[0], y[2 * m + 1] - f[1]));
            if (m >= SAMPLES - SAMPLES / 6) {
                tail = Math.max(tail, Math.hypot(y[2 * m], y[2 * m + 1]));
            }
        }
        return new Candidate(window, rates, eta, y, residual, tail, y[2 * SAMPLES]);
    }

    /**
     * The measured error of a window's fit: max |C - fit| over its samples, the midpoints between them and a
     * quarter beyond (fresh samples), and a grid of 200 points with 1/50 of the spectral time over the first
     * 4/scale (where C varies fastest); raised by 20% for the maxima between grid points; beyond the grid
     * |C - fit| &lt;= |C| + |fit| with |C| taken as its maximum over the grid's last sixth (C has decayed to its
     * tail there) and |fit| bounded term by term.
     */
    private static CorrelationExpansion verify(Samples sampler, Candidate c, double[] early, double earlyStep,
                                               boolean terminator) {
        Complex[] rates = c.rates;
        Complex[] eta = c.eta;
        double dt = c.window / (SAMPLES - 1);
        int count = (SAMPLES - 1) * 5 / 4;
        double[] odd = sampler.uniform(dt / 2, dt, count);
        int fine = 2 * count + 1;
        double fdt = dt / 2;
        double[] z = new double[2 * fine];
        for (int m = 0; m < fine; m++) {
            int i = m / 2;
            boolean even = m % 2 == 0;
            double[] src = even ? (i < SAMPLES ? c.samples : null) : odd;
            if (src == null) {
                z[2 * m] = Double.NaN; // an even point past the window: not sampled, only the midpoints are
                continue;
            }
            z[2 * m] = src[2 * i];
            z[2 * m + 1] = src[2 * i + 1];
        }
        double sup = 0;
        for (int m = 0; m < EARLY; m++) {
            double[] s = sum(rates, eta, m * earlyStep);
            sup = Math.max(sup, Math.hypot(early[2 * m] - s[0], early[2 * m + 1] - s[1]));
        }
        double l1 = 0;
        double deltaRe = 0;
        double deltaIm = 0;
        double tail = 0;
        double before = 0;
        double prevRe = 0;
        double prevIm = 0;
        double prevT = 0;
        boolean first = true;
        for (int m = 0; m < fine; m++) {
            if (Double.isNaN(z[2 * m])) {
                continue;
            }
            double t = m * fdt;
            double[] s = sum(rates, eta, t);
            double dr = z[2 * m] - s[0];
            double di = z[2 * m + 1] - s[1];
            double d = Math.hypot(dr, di);
            sup = Math.max(sup, d);
            if (!first) {
                l1 += 0.5 * (t - prevT) * (d + Math.hypot(prevRe, prevIm));
                deltaRe += 0.5 * (t - prevT) * (dr + prevRe);
                deltaIm += 0.5 * (t - prevT) * (di + prevIm);
            }
            first = false;
            prevRe = dr;
            prevIm = di;
            prevT = t;
            if (m >= fine - fine / 6) {
                tail = Math.max(tail, Math.hypot(z[2 * m], z[2 * m + 1]));
            } else if (m >= fine - fine / 3) {
                before = Math.max(before, Math.hypot(z[2 * m], z[2 * m + 1]));
            }
        }
        double fitTail = 0;
        double slowest = Double.POSITIVE_INFINITY;
        double end = (fine - 1) * fdt;
        for (int i = 0; i < rates.length; i++) {
            fitTail += eta[i].norm() * Math.exp(-rates[i].getReal() * end);
            slowest = Math.min(slowest, rates[i].getReal());
        }
        double quadrature = Math.max(Math.max(c.quadratureError, odd[2 * count]), early[2 * EARLY]);
        // 20% above the grid maximum for what falls between its points (checked against closed forms in the tests)
        double error = Math.max(1.2 * sup, tail + fitTail) + quadrature;
        // beyond the grid |C| is read as a power law t^-p through its maxima over the last two sixths; p <= 1 (the
        // sub-Ohmic tail at T > 0) is not integrable and leaves no finite bound
        double p = Math.log(before / tail) / Math.log(1.25); // a decaying |C| peaks at each segment's start
        double tailIntegral = tail == 0 ? fitTail / slowest
                : p > 1.05 ? tail * end / (p - 1) + fitTail / slowest : Double.POSITIVE_INFINITY;
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
        // the right singular vectors of the tall H are those of its square factor R (H = QR): the SVD of the
        // (l + 1) x (l + 1) R costs a fraction of the tall one's (measured 3-7x, the fit's dominant cost); the rates are
        // eigenvalues of V1^+ V2, unchanged by the sign or rotation the two factorisations may give V_k
        RealMatrix r = new QRDecomposition(new Array2DRowRealMatrix(h, false)).getR().getSubMatrix(0, l, 0, l);
        RealMatrix v = new SingularValueDecomposition(r).getV();
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

    /** The residual y - E(rates) eta of the least-squares amplitudes at the given times (interleaved Re, Im). */
    private static double[] residual(double[] times, double[] y, Complex[] rates) {
        double[][] a = design(times, rates);
        double[] r = new double[2 * times.length];
        double[] x;
        try {
            x = solve(a, y);
        } catch (MathIllegalArgumentException singular) {
            java.util.Arrays.fill(r, Double.POSITIVE_INFINITY); // two rates merged: not a step to take
            return r;
        }
        for (int row = 0; row < r.length; row++) {
            double f = 0;
            for (int c = 0; c < x.length; c++) {
                f += a[row][c] * x[c];
            }
            r[row] = y[row] - f;
        }
        return r;
    }

    /** Complex amplitudes by least squares (real embedding, QR) on samples y at the given times. */
    private static Complex[] amplitudes(double[] times, double[] y, Complex[] rates) {
        double[] x = solve(design(times, rates), y);
        Complex[] eta = new Complex[rates.length];
        for (int i = 0; i < rates.length; i++) {
            eta[i] = new Complex(x[2 * i], x[2 * i + 1]);
        }
        return eta;
    }

    /** Rows (Re, Im) of e^{-gamma_i t_m} acting on (Re eta_i, Im eta_i). */
    private static double[][] design(double[] times, Complex[] rates) {
        int k = rates.length;
        double[][] a = new double[2 * times.length][2 * k];
        for (int m = 0; m < times.length; m++) {
            for (int i = 0; i < k; i++) {
                double mag = Math.exp(-rates[i].getReal() * times[m]);
                double er = mag * Math.cos(rates[i].getImaginary() * times[m]);
                double ei = -mag * Math.sin(rates[i].getImaginary() * times[m]);
                a[2 * m][2 * i] = er;
                a[2 * m][2 * i + 1] = -ei;
                a[2 * m + 1][2 * i] = ei;
                a[2 * m + 1][2 * i + 1] = er;
            }
        }
        return a;
    }

    private static double[] solve(double[][] a, double[] y) {
        double[] rhs = java.util.Arrays.copyOf(y, a.length);
        return new QRDecomposition(new Array2DRowRealMatrix(a, false), 1e-14).getSolver()
                .solve(new org.hipparchus.linear.ArrayRealVector(rhs, false)).toArray();
    }
}
