package io.coherent.core.bosonic;

import io.coherent.core.bath.BathCorrelations;
import io.coherent.core.bath.CorrelationTerm;
import io.coherent.core.bath.ExpansionOptions;
import io.coherent.core.bath.ExpansionScheme;
import io.coherent.core.bath.ExponentialTerm;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.bath.SpectralDensity;
import io.coherent.core.bath.ThermalOccupation;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.special.Gamma;

/**
 * The memory kernel f(t) = int J(w) e^{-iwt} dw of one bath (t &gt;= 0) as the finite sum of exponentials
 * sum_m a_m e^{-z_m t} that the pseudomode embedding needs, with what that sum leaves out.
 *
 * <p>Lorentzians and Drude-Lorentz have an exact sum ({@link SpectralDensity#kernel()}). The Ohmic family
 * J = lambda w^s Omega^(1-s) e^{-w/Omega} (w &gt; 0) has the closed-form kernel
 * f(t) = lambda Omega^2 Gamma(s+1) (1 + i Omega t)^-(s+1), a power law t^-(s+1) that no finite sum follows: its
 * sum is the shared bath layer's fit ({@link BathCorrelations#exchange} with {@link ExpansionScheme#FIT}, the
 * emission correlation at T = 0, which is f), and the error of that fit is measured here against the closed
 * form: the running L1 error D(t) = int_0^t |f - f_fit| du, by 4-point Gauss-Legendre panels up to where the fit
 * has decayed (e^-40) and beyond by int |f| &lt;= lambda Omega Gamma(s+1) (Omega u)^-s / s plus the fit's own
 * tail. D(t) is what bounds the dynamics' error up to time t ({@link KernelFitBound}); D(infinity) the steady
 * state's.
 */
final class MemoryKernel {
    /** Fitted exponents per Ohmic bath (the fit's cost grows with them: about a second each at 8). */
    static final int FIT_EXPONENTS = 8;
    /** Exponents s the fit follows (measured: relative sup error below 1e-3 with 8 exponents); outside it is refused. */
    static final double MIN_EXPONENT = 0.25;
    static final double MAX_EXPONENT = 10;
    /** Safety factor on the Gauss-Legendre measurement of int |f - f_fit| (|.| has kinks where it is small). */
    private static final double QUADRATURE_SAFETY = 1.25;
    private static final int MAX_PANELS = 400_000;
    private static final double[] GL_NODES = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563,
        0.8611363115940526};
    private static final double[] GL_WEIGHTS = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461,
        0.3478548451374538};

    private final List<ExponentialTerm> terms;
    private final boolean fitted;
    /** Panel ends t_i and the measured int_0^{t_i} |f - f_fit| (safety included), for a fitted kernel. */
    private final double[] ends;
    private final double[] cumulative;
    private final double tailStart;
    private final OhmicFamily ohmic;

    private MemoryKernel(List<ExponentialTerm> terms, boolean fitted, double[] ends, double[] cumulative, double tailStart,
                         OhmicFamily ohmic) {
        this.terms = List.copyOf(terms);
        this.fitted = fitted;
        this.ends = ends;
        this.cumulative = cumulative;
        this.tailStart = tailStart;
        this.ohmic = ohmic;
    }

    /**
     * The kernel of a bath: exact where J has an exponential kernel, fitted for the Ohmic family.
     *
     * @throws InvalidModelException naming {@code baths.NAME.spectral_density[.s]} for a density the embedding cannot
     *                               take (flat), or an Ohmic exponent outside what the fit follows
     */
    static MemoryKernel of(Bath bath) {
        SpectralDensity j = bath.spectralDensity();
        if (j.hasExponentialKernel()) {
            return new MemoryKernel(j.kernel(), false, new double[0], new double[0], 0, null);
        }
        checkFittable(bath);
        OhmicFamily o = (OhmicFamily) j;
        if (o.lambda() == 0) {
            return new MemoryKernel(List.of(), false, new double[0], new double[0], 0, null);
        }
        List<ExponentialTerm> terms = new ArrayList<>();
        for (CorrelationTerm c : BathCorrelations.exchange(o, ThermalOccupation.bose(0),
                new ExpansionOptions(ExpansionScheme.FIT, FIT_EXPONENTS, false)).emission().terms()) {
            if (c.etaRe() != 0 || c.etaIm() != 0) {
                terms.add(new ExponentialTerm(c.etaRe(), c.etaIm(), c.rateRe(), c.rateIm()));
            }
        }
        return measured(bath.name(), o, terms);
    }

    /**
     * Refuses a density without an exponential kernel that the fit cannot take: anything but the Ohmic family (the flat
     * density's kernel is a delta function), and Ohmic exponents outside [0.25, 10].
     */
    static void checkFittable(Bath bath) {
        SpectralDensity j = bath.spectralDensity();
        if (j.hasExponentialKernel()) {
            return;
        }
        String key = "baths." + bath.name() + ".spectral_density";
        if (!(j instanceof OhmicFamily o)) {
            throw new InvalidModelException(key, j.describe() + " has no memory kernel as a sum of exponentials (a delta "
                    + "function): method exact needs lorentzian, lorentzian-sum, drude-lorentz or ohmic");
        }
        if (!(o.exponent() >= MIN_EXPONENT && o.exponent() <= MAX_EXPONENT)) {
            throw new InvalidModelException(key + ".s", o.exponent(), "in [" + MIN_EXPONENT + ", " + MAX_EXPONENT + "] for "
                    + "method exact (the fitted memory kernel follows the t^-(s+1) power law only there; master-equation "
                    + "methods take any s > 0)");
        }
    }

    /** The fit's running L1 error against the closed form, panel by panel. */
    private static MemoryKernel measured(String bath, OhmicFamily o, List<ExponentialTerm> terms) {
        double fastest = o.cutoff();
        double slowest = Double.POSITIVE_INFINITY;
        for (ExponentialTerm t : terms) {
            fastest = Math.max(fastest, Math.hypot(t.rateRe(), t.rateIm()));
            slowest = Math.min(slowest, t.rateRe());
        }
        if (!(slowest > 0)) {
            throw new InvalidModelException("baths." + bath + ".spectral_density", o.describe() + ": the fitted memory "
                    + "kernel has an undamped term; method exact needs a kernel that decays (try Omega nearer the modes' "
                    + "frequencies)");
        }
        double h = 0.05 / fastest;
        double end = Math.max(40 / slowest, 40 / o.cutoff());
        int panels = (int) Math.min(MAX_PANELS, Math.ceil(end / h));
        end = panels * h;
        double[] ends = new double[panels];
        double[] cumulative = new double[panels];
        double sum = 0;
        for (int p = 0; p < panels; p++) {
            double mid = (p + 0.5) * h;
            for (int q = 0; q < 4; q++) {
                double t = mid + 0.5 * h * GL_NODES[q];
                double d = difference(o, terms, t);
                sum += 0.5 * h * GL_WEIGHTS[q] * d;
            }
            ends[p] = (p + 1) * h;
            cumulative[p] = QUADRATURE_SAFETY * sum;
        }
        return new MemoryKernel(terms, true, ends, cumulative, end, o);
    }

    /** |f(t) - f_fit(t)|. */
    private static double difference(OhmicFamily o, List<ExponentialTerm> terms, double t) {
        double[] f = exact(o, t);
        double re = f[0];
        double im = f[1];
        for (ExponentialTerm c : terms) {
            double mag = Math.exp(-c.rateRe() * t);
            double cr = mag * Math.cos(c.rateIm() * t);
            double ci = -mag * Math.sin(c.rateIm() * t);
            re -= c.amplitudeRe() * cr - c.amplitudeIm() * ci;
            im -= c.amplitudeRe() * ci + c.amplitudeIm() * cr;
        }
        return Math.hypot(re, im);
    }

    /** The Ohmic family's kernel in closed form, f(t) = lambda Omega^2 Gamma(s+1) (1 + i Omega t)^-(s+1), as {Re, Im}. */
    static double[] exact(OhmicFamily o, double t) {
        double w = o.cutoff();
        double p = o.exponent() + 1;
        double mag = o.lambda() * w * w * Gamma.gamma(p) * Math.pow(1 + w * w * t * t, -p / 2);
        double phase = -p * Math.atan(w * t);
        return new double[] {mag * Math.cos(phase), mag * Math.sin(phase)};
    }

    List<ExponentialTerm> terms() {
        return terms;
    }

    /** Whether the sum is a fit (an Ohmic bath) rather than exact. */
    boolean fitted() {
        return fitted;
    }

    /**
     * A bound on int_0^t |f(u) - f_fit(u)| du (0 when exact); t = +infinity for the steady state.
     */
    double l1Error(double t) {
        if (!fitted) {
            return 0;
        }
        if (t <= tailStart) {
            int i = java.util.Arrays.binarySearch(ends, t);
            int at = i >= 0 ? i : Math.min(-i - 1, ends.length - 1);
            return cumulative[at];
        }
        double s = ohmic.exponent();
        double w = ohmic.cutoff();
        double scale = ohmic.lambda() * w * Gamma.gamma(s + 1) / s;
        double kernelTail = scale * (Math.pow(w * tailStart, -s) - (Double.isInfinite(t) ? 0 : Math.pow(w * t, -s)));
        double fitTail = 0;
        for (ExponentialTerm c : terms) {
            fitTail += Math.hypot(c.amplitudeRe(), c.amplitudeIm()) * Math.exp(-c.rateRe() * tailStart) / c.rateRe();
        }
        return cumulative[cumulative.length - 1] + kernelTail + fitTail;
    }

    /** int_0^infinity |f_fit| &lt;= sum_m |a_m| / Re z_m; +infinity with an undamped term. */
    double l1Norm() {
        double sum = 0;
        for (ExponentialTerm c : terms) {
            sum += Math.hypot(c.amplitudeRe(), c.amplitudeIm()) / c.rateRe();
        }
        return sum;
    }
}
