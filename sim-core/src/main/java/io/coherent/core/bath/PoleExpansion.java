package io.coherent.core.bath;

import io.coherent.core.bath.ThermalOccupation.Statistics;
import org.hipparchus.complex.Complex;

/**
 * C(t) = int R(w) sigma h((w - mu)/T) e^{-iwt} dw (t > 0) for a rational density R (whole line) and an emission
 * factor h = B (bosons, 1 + n) or F (fermions, 1 - f) of {@link OccupationPoles}, by closing the contour in the
 * lower half plane:
 *
 * <pre>
 *   poles p of R below the axis:  gamma = i p,               eta = -2 pi i sigma r_p h((p - mu)/T)   (h exact)
 *   poles of h, w = mu - i xi T:  gamma = xi T + i mu,       eta = -2 pi i sigma kappa T R(mu - i xi T)
 *   bosons, w = mu on the axis:   gamma = i mu,              eta = -i pi sigma T R(mu)   (principal value)
 * </pre>
 *
 * The pole terms of R are exact; only the poles of h are truncated (Matsubara) or approximated (Pade). The
 * dropped part is measured against the Matsubara series summed explicitly to K terms plus a bound on the rest.
 */
final class PoleExpansion {
    /** Matsubara terms summed explicitly beyond those kept (and beyond the poles of R). */
    private static final int REFERENCE_TERMS = 2_000;
    /** The most Matsubara terms the reference sum may need (T below ~1e-7 times the spectral scale). */
    private static final int MAX_REFERENCE_TERMS = 4_000_000;

    private final RationalDensity density;
    private final Statistics statistics;
    private final double temperature;
    private final double mu;
    private final double sigma;
    private final String temperatureKey;

    PoleExpansion(RationalDensity density, Statistics statistics, double temperature, double mu, double sigma,
                  String temperatureKey) {
        this.density = density;
        this.statistics = statistics;
        this.temperature = temperature;
        this.mu = mu;
        this.sigma = sigma;
        this.temperatureKey = temperatureKey;
    }

    /** The J-pole terms with the exact factor, and the principal-value term for bosons (the part no scheme truncates). */
    private void addExactTerms(TermCollector c) {
        for (int j = 0; j < density.poles().size(); j++) {
            Complex p = density.poles().get(j);
            if (p.getImaginary() >= 0) {
                continue;
            }
            Complex h = temperature == 0 ? Complex.ONE
                    : OccupationPoles.emissionFactor(statistics, p.subtract(mu).divide(temperature));
            c.add(p.multiply(Complex.I), density.residues().get(j).multiply(h).multiply(new Complex(0, -2 * Math.PI * sigma)));
        }
        if (temperature > 0 && statistics == Statistics.BOSE) {
            Complex r = density.value(new Complex(mu));
            if (r.norm() > 0) {
                c.add(new Complex(0, mu), r.multiply(new Complex(0, -Math.PI * sigma * temperature)));
            }
        }
    }

    /** T = 0 bosons: h = 1 (no thermal occupation), the kernel of R itself; exact. */
    CorrelationExpansion vacuum() {
        TermCollector c = new TermCollector();
        addExactTerms(c);
        return new CorrelationExpansion(c.terms(), 0, 0, 0, 0, "exact");
    }

    CorrelationExpansion expand(ExpansionOptions options) {
        int n = options.exponents();
        OccupationPoles poles = OccupationPoles.of(options.scheme(), statistics, n);
        checkSeparation(poles);
        TermCollector c = new TermCollector();
        addExactTerms(c);
        Complex[] rate = new Complex[n];
        Complex[] eta = new Complex[n];
        for (int k = 0; k < n; k++) {
            double x = poles.xi()[k] * temperature;
            rate[k] = new Complex(x, mu);
            eta[k] = density.value(new Complex(mu, -x)).multiply(new Complex(0, -2 * Math.PI * sigma * poles.kappa()[k] * temperature));
            c.add(rate[k], eta[k]);
        }
        Remainder rem = options.scheme() == ExpansionScheme.MATSUBARA ? matsubaraRemainder(n) : padeRemainder(rate, eta);
        return new CorrelationExpansion(c.terms(), options.terminator() ? rem.delta.getReal() : 0,
                options.terminator() ? rem.delta.getImaginary() : 0, rem.sup, rem.l1, options.scheme().id());
    }

    private record Remainder(double sup, double l1, Complex delta) {
    }

    /** The Matsubara series: xi_k = a k + b. */
    private double a() {
        return 2 * Math.PI;
    }

    private double xi(double k) {
        return OccupationPoles.matsubaraXi(statistics, k);
    }

    /** Eta of the k-th exact Matsubara term (rate xi_k T + i mu). */
    private Complex matsubaraEta(int k) {
        double x = xi(k) * temperature;
        return density.value(new Complex(mu, -x)).multiply(new Complex(0, -2 * Math.PI * sigma * temperature));
    }

    /** Number of Matsubara terms summed explicitly: beyond n and far enough that |R(mu - i xi T)| has its asymptotic bound. */
    private int referenceTerms(int n) {
        double needed = Math.ceil((2 * density.radius(mu) / temperature) / a()) + 1;
        if (needed > MAX_REFERENCE_TERMS) {
            throw new InvalidModelException(temperatureKey, String.format("T = %g is below 1e-7 of the spectral scale %g: "
                    + "the Bose/Fermi poles cannot be summed; use the fit expansion (heom.expansion = fit)",
                    temperature, density.radius(mu)));
        }
        return Math.max((int) needed, n) + REFERENCE_TERMS;
    }

    /**
     * Bounds on the Matsubara terms k > big: sup sum |eta_k|, sum |eta_k|/Re gamma_k, and the estimate of
     * sum eta_k/gamma_k. With q the order of the first non-vanishing moment m_q = sum_j r_j (p_j - mu)^q of the
     * poles, R(z) = sum_j r_j (p_j - mu)^q / ((z - mu)^q (z - p_j)), so |R(z)| <= 2 M_q/|z - mu|^{q+1} with
     * M_q = sum_j |r_j||p_j - mu|^q once |z - mu| >= 2 max_j |p_j - mu|; summed with
     * sum_{k > K} xi_k^{-s} <= 1/((s - 1) a xi_K^{s-1}).
     */
    private Remainder tailBeyond(int big) {
        int q = density.decayOrder(mu);
        double m = density.absoluteMoment(mu, q);
        double xiK = xi(big);
        double l1 = 4 * Math.PI * m / (Math.pow(temperature, q + 1) * (q + 1) * a() * Math.pow(xiK, q + 1));
        // eta_k / gamma_k = -2 pi i sigma T R(mu - i xi_k T) / (xi_k T + i mu) with R(z) = sum_j m_j/(z - mu)^{j+1} and
        // 1/(x + i mu) = sum_l (-i mu)^l / x^{l+1}: -2 pi i sigma T sum_{j,l} m_j i^{j+1} (-i mu)^l (xi_k T)^{-(j+l+2)},
        // three orders from j = q, each summed over k > K by the midpoint rule, sum xi_k^-s ~ 1/((s-1) a xi_{K+1/2}^{s-1})
        Complex delta = Complex.ZERO;
        double mid = xi(big + 0.5);
        for (int j = q; j <= q + 2; j++) {
            for (int l = 0; j + l <= q + 2; l++) {
                int order = j + l + 2;
                Complex c = density.moment(mu, j).multiply(Complex.I.pow(j + 1)).multiply(new Complex(0, -mu).pow(l))
                        .multiply(new Complex(0, -2 * Math.PI * sigma * temperature));
                delta = delta.add(c.divide(Math.pow(temperature, order) * (order - 1) * a() * Math.pow(mid, order - 1)));
            }
        }
        if (q == 0) {
            return new Remainder(Double.POSITIVE_INFINITY, l1, delta);
        }
        double sup = 4 * Math.PI * m / (Math.pow(temperature, q) * q * a() * Math.pow(xiK, q));
        return new Remainder(sup, l1, delta);
    }

    private Remainder matsubaraRemainder(int n) {
        int big = referenceTerms(n);
        double sup = 0;
        double l1 = 0;
        Complex delta = Complex.ZERO;
        for (int k = n + 1; k <= big; k++) {
            Complex e = matsubaraEta(k);
            Complex g = new Complex(xi(k) * temperature, mu);
            sup += e.norm();
            l1 += e.norm() / g.getReal();
            delta = delta.add(e.divide(g));
        }
        Remainder tail = tailBeyond(big);
        return new Remainder(sup + tail.sup, l1 + tail.l1, delta.add(tail.delta));
    }

    /**
     * Pade: D(t) = sum over all Matsubara terms - sum over the Pade terms, evaluated on a geometric time grid
     * that covers the rates of both (the J-pole terms are identical in both and cancel). Its maximum (times 1.05)
     * and trapezoidal L1 norm estimate the errors; the Matsubara terms beyond K add their bounds.
     */
    private Remainder padeRemainder(Complex[] rate, Complex[] eta) {
        int n = rate.length;
        int big = referenceTerms(n);
        Complex[] m = new Complex[big];
        Complex delta = Complex.ZERO;
        for (int k = 1; k <= big; k++) {
            m[k - 1] = matsubaraEta(k);
            delta = delta.add(m[k - 1].divide(new Complex(xi(k) * temperature, mu)));
        }
        for (int k = 0; k < n; k++) {
            delta = delta.subtract(eta[k].divide(rate[k]));
        }
        Remainder tail = tailBeyond(big);
        delta = delta.add(tail.delta);
        double slow = xi(1) * temperature;
        double fast = xi(n + 1) * temperature;
        for (Complex r : rate) {
            fast = Math.max(fast, r.getReal());
        }
        double t0 = 0.01 / fast;
        double t1 = 60 / slow;
        double sup = difference(0, m, rate, eta, big);
        double l1 = 0;
        double previousT = t0;
        double previous = difference(t0, m, rate, eta, big);
        sup = Math.max(sup, previous);
        l1 += t0 * Math.max(previous, sup); // [0, t0]
        for (double t = t0 * 1.04; t <= t1; t *= 1.04) {
            double d = difference(t, m, rate, eta, big);
            sup = Math.max(sup, d);
            l1 += 0.5 * (d + previous) * (t - previousT);
            previous = d;
            previousT = t;
        }
        l1 += previous / slow; // beyond t1 the slowest term decays with rate slow
        return new Remainder(tail.sup == Double.POSITIVE_INFINITY ? tail.sup : 1.05 * sup + tail.sup, 1.05 * l1 + tail.l1, delta);
    }

    /** |sum_{k <= K} eta_k^M e^{-gamma_k t} - sum_j eta_j^P e^{-gamma_j t}| (common phase e^{-i mu t} dropped). */
    private double difference(double t, Complex[] m, Complex[] rate, Complex[] eta, int big) {
        double re = 0;
        double im = 0;
        for (int k = 1; k <= big; k++) {
            double x = xi(k) * temperature * t;
            if (x > 60) {
                break;
            }
            double e = Math.exp(-x);
            re += m[k - 1].getReal() * e;
            im += m[k - 1].getImaginary() * e;
        }
        for (int j = 0; j < rate.length; j++) {
            double e = Math.exp(-rate[j].getReal() * t);
            re -= eta[j].getReal() * e;
            im -= eta[j].getImaginary() * e;
        }
        return Math.hypot(re, im);
    }

    /**
     * A pole of R on a pole of the occupation factor (e.g. Drude-Lorentz gamma = 2 pi k T) makes a double pole,
     * t e^{-gamma t}, which is not a sum of exponentials: refused with the parameters to move.
     */
    private void checkSeparation(OccupationPoles poles) {
        for (Complex p : density.poles()) {
            if (p.getImaginary() >= 0) {
                continue;
            }
            double depth = -p.getImaginary() / temperature;
            double k = statistics == Statistics.BOSE ? Math.rint(depth / a()) : Math.rint((depth / Math.PI + 1) / 2);
            double distance = new Complex((p.getReal() - mu) / temperature, -depth + xi(Math.max(k, 1))).norm();
            boolean nearPade = false;
            for (double x : poles.xi()) {
                nearPade |= new Complex((p.getReal() - mu) / temperature, x - depth).norm() < 1e-6 * Math.max(1, x);
            }
            if ((k >= 1 && distance < 1e-6 * Math.max(1, depth)) || nearPade) {
                throw new InvalidModelException(temperatureKey, String.format("T = %g puts a pole of the Bose/Fermi "
                        + "function on the pole w = %s of the spectral density (a double pole is not a sum of exponentials); "
                        + "change T or the width by a relative 1e-5", temperature, p));
            }
        }
    }
}
