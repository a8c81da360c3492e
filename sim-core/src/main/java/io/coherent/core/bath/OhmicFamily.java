package io.coherent.core.bath;

import java.util.List;

/**
 * Ohmic (s = 1), sub-Ohmic (s < 1) and super-Ohmic (s > 1) spectral densities with an exponential
 * cut-off, J(w) = lambda w^s Omega^(1-s) exp(-w/Omega) for w > 0 and 0 for w <= 0 (issue 3; the
 * composite-coupling qubit paper's form). lambda is dimensionless, Omega the cut-off frequency.
 * Its memory kernel lambda Omega^2 Gamma(s+1) (1 + i Omega t)^-(s+1) is not a finite sum of exponentials: the
 * exact engine embeds the shared fit of it with a bound on the fit's effect (bosonic.MemoryKernel,
 * bosonic.KernelFitBound) and takes its steady state from the exact self-energy; master equations use J directly.
 */
public record OhmicFamily(double lambda, double exponent, double cutoff) implements SpectralDensity {

    public OhmicFamily {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new InvalidModelException("lambda", lambda, "a finite number >= 0");
        }
        if (!(exponent > 0) || !Double.isFinite(exponent)) {
            throw new InvalidModelException("s", exponent, "a finite number > 0");
        }
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new InvalidModelException("Omega", cutoff, "a finite number > 0");
        }
    }

    @Override
    public double value(double w) {
        if (w <= 0) {
            return 0;
        }
        return lambda * Math.pow(w, exponent) * Math.pow(cutoff, 1 - exponent) * Math.exp(-w / cutoff);
    }

    @Override
    public boolean hasExponentialKernel() {
        return false;
    }

    @Override
    public List<ExponentialTerm> kernel() {
        throw new InvalidModelException("spectral_density", describe()
                + " has no finite exponential kernel; its fit is BathCorrelations.exchange with the fit scheme");
    }

    @Override
    public String describe() {
        return String.format("ohmic(lambda=%g, s=%g, Omega=%g)", lambda, exponent, cutoff);
    }
}
