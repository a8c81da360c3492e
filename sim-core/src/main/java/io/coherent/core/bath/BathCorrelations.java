package io.coherent.core.bath;

import io.coherent.core.bath.ThermalOccupation.Statistics;
import java.util.List;

/**
 * Bath correlation functions as finite sums of exponentials ({@link CorrelationExpansion}), the input of the
 * hierarchical equations of motion and of the exact bilinear engine. Both describe the same physical model as
 * the master equations (which read J, T and mu through {@code master.CorrelationSpectrum}); docs/physics.md,
 * "Bath correlation functions", has the conventions and the derivations.
 *
 * <p>Rational densities (Lorentzian, sums of Lorentzians, Drude-Lorentz) are expanded by residues: the poles
 * of J exactly, with the exact Bose/Fermi factor evaluated at them, plus the poles of the Bose/Fermi function,
 * N of them by {@link ExpansionScheme#MATSUBARA} or {@link ExpansionScheme#PADE}. Every expansion reports a
 * bound on what it drops ({@link CorrelationExpansion#error()}, {@link CorrelationExpansion#integratedError()})
 * and, when asked, the Ishizaki-Tanimura terminator Delta = int_0^infinity (C - sum) dt.
 */
public final class BathCorrelations {

    private BathCorrelations() {
    }

    /**
     * Hermitian coupling H_I = A (x) X, X = sum_k g_k (b_k + b_k^+), J(w) = sum_k g_k^2 delta(w - w_k) (OUR
     * convention, not QuTiP's pi factor), modes at w &gt; 0 (as the master equations read a HERMITIAN channel):
     * C(t) = &lt;X(t) X(0)&gt; = int_0^inf J(w) [coth(w/2T) cos(wt) - i sin(wt)] dw
     * = int J_odd(w) (1 + n(w)) e^{-iwt} dw over the whole line, J_odd the odd extension of J from w &gt; 0.
     *
     * <p>Drude-Lorentz is odd already: J_odd = J, the same model as the master equations. A Lorentzian restricted
     * to w &gt; 0 has no rational odd extension (and at T &gt; 0 with J(0) &gt; 0 its C(t) diverges: coth(w/2T)
     * ~ 2T/w is not integrable against J(0)); its expansion therefore describes J_odd(w) = J(w) - J(-w), the
     * underdamped Brownian density (2/pi) Gamma gamma^2 w0 w / ((w^2 - w0^2 - gamma^2)^2 + 4 gamma^2 w^2)
     * (oscillator frequency sqrt(w0^2 + gamma^2), damping 2 gamma). It differs from the restricted Lorentzian by
     * J(-w) &lt;= (Gamma/2pi) gamma^2/(w0^2 + gamma^2) at every w &gt; 0 (a relative gamma^2/(4 w0^2) near the
     * peak); {@code error} measures the truncation of this model, not that difference. Peaks must have w0 &gt; 0.
     *
     * <p>T = 0 has no Matsubara or Pade expansion (the Bose poles merge into a branch cut): use the fit scheme.
     *
     * @throws InvalidModelException naming {@code temperature} or {@code spectral_density} for what has no
     *                               expansion in the requested scheme, with what works instead
     */
    public static CorrelationExpansion hermitian(SpectralDensity j, double temperature, ExpansionOptions options) {
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new InvalidModelException("temperature", temperature, "a finite number >= 0");
        }
        refuseFlat(j);
        if (options.scheme() == ExpansionScheme.FIT) {
            return CorrelationFit.hermitian(j, temperature, options);
        }
        RationalDensity r = rational(j, options);
        RationalDensity odd = r;
        if (!(j instanceof DrudeLorentz)) {
            List<Lorentzian> peaks = j instanceof LorentzianSum s ? s.peaks() : List.of((Lorentzian) j);
            for (Lorentzian l : peaks) {
                if (!(l.center() > 0)) {
                    throw new InvalidModelException("center", l.center(), "> 0 for a lorentzian on a hermitian coupling "
                            + "(its modes live at w > 0); use drude-lorentz for a spectrum peaked at w = 0");
                }
            }
            odd = r.antisymmetrised();
        }
        if (temperature == 0) {
            throw new InvalidModelException("temperature", "T = 0 on a hermitian coupling has no " + options.scheme().id()
                    + " expansion (the Bose-function poles merge into a branch cut); use T > 0 (pade converges with few "
                    + "terms down to T ~ 0.01 of the cut-off), or the fit expansion for the ohmic family");
        }
        return new PoleExpansion(odd, Statistics.BOSE, temperature, 0, 1, "temperature").expand(options);
    }

    /**
     * Exchange coupling sum_k g_k (L b_k^+ + L^+ b_k), B = sum_k g_k b_k, modes on the whole line, Bose or Fermi
     * with mu: emission C_out(t) = &lt;B(t) B^+(0)&gt; = int J(w) (1 +- n(w)) e^{-iwt} dw, absorption
     * C_in(t) = &lt;B^+(t) B(0)&gt; = int J(w) n(w) e^{+iwt} dw.
     *
     * <p>Convention (the exact engine's {@link FrequencySupport#WHOLE_LINE} and the master equations' exchange
     * channels): n(w) = 1/(e^{(w-mu)/T} -+ 1) at every real w, for bosons negative below mu, with the 1/(w - mu)
     * singularity of the Bose function taken as a principal value. That principal value gives, when J(mu) != 0, an
     * undamped term: C_out contains -i pi T J(mu) e^{-i mu t} and C_in contains +i pi T J(mu) e^{+i mu t} (rate
     * -+ i mu, Re gamma = 0). At T = 0 a Bose reservoir is empty (n = 0 at every w, as {@link BoseEinstein} and
     * {@link ThermalOccupation} say): C_out is the memory kernel int J e^{-iwt} dw, exact, and C_in = 0. The exact
     * engine's positive-frequency support (n = 0 below a cut-off) has a sharp edge and no exponential expansion.
     *
     * @throws InvalidModelException naming {@code temperature} or {@code spectral_density} for what has no
     *                               expansion in the requested scheme, with what works instead
     */
    public static ExchangeCorrelation exchange(SpectralDensity j, ThermalOccupation occupation, ExpansionOptions options) {
        refuseFlat(j);
        if (options.scheme() == ExpansionScheme.FIT) {
            return CorrelationFit.exchange(j, occupation, options);
        }
        RationalDensity r = rational(j, options);
        double t = occupation.temperature();
        double mu = occupation.chemicalPotential();
        Statistics statistics = occupation.statistics();
        if (t == 0) {
            if (statistics == Statistics.BOSE) {
                CorrelationExpansion empty = new CorrelationExpansion(List.of(), 0, 0, 0, 0, "exact");
                return new ExchangeCorrelation(new PoleExpansion(r, statistics, 0, mu, 1, "temperature").vacuum(), empty);
            }
            throw new InvalidModelException("temperature", "T = 0 on a fermionic reservoir has no " + options.scheme().id()
                    + " expansion (the Fermi edge at mu is a branch cut); use T > 0, or the fit expansion for the ohmic family");
        }
        CorrelationExpansion emission = new PoleExpansion(r, statistics, t, mu, 1, "temperature").expand(options);
        // C_in(t) = int J(-w) n(-w) e^{-iwt} dw: n(-w) = -B((w + mu)/T) for bosons, f(-w) = F((w + mu)/T) for fermions
        double sign = statistics == Statistics.BOSE ? -1 : 1;
        CorrelationExpansion absorption = new PoleExpansion(r.reflected(), statistics, t, -mu, sign, "temperature").expand(options);
        return new ExchangeCorrelation(emission, absorption);
    }

    /**
     * The absorption correlation C_in(t) = int J(w) n(w) e^{+iwt} dw of {@link #exchange} alone; with the fit scheme only
     * C_in is fitted (half the cost of {@link #exchange}), which is all the exact engine's thermal part reads.
     */
    public static CorrelationExpansion absorption(SpectralDensity j, ThermalOccupation occupation, ExpansionOptions options) {
        refuseFlat(j);
        if (options.scheme() == ExpansionScheme.FIT) {
            return CorrelationFit.absorption(j, occupation, options);
        }
        return exchange(j, occupation, options).absorption();
    }

    private static void refuseFlat(SpectralDensity j) {
        if (j instanceof Flat) {
            throw new InvalidModelException("spectral_density", j.describe() + " has no finite correlation time (C(t) is "
                    + "a delta function), so it has no expansion in exponentials; use a finite-width spectrum: lorentzian "
                    + "or drude-lorentz");
        }
    }

    private static RationalDensity rational(SpectralDensity j, ExpansionOptions options) {
        RationalDensity r = RationalDensity.of(j);
        if (r == null) {
            throw new InvalidModelException("spectral_density", j.describe() + " is not rational in w, so it has no "
                    + options.scheme().id() + " expansion; use the fit expansion");
        }
        return r;
    }
}
