package io.coherent.core.bath;

import java.util.List;

/**
 * Ohmic (s = 1), sub-Ohmic (s < 1) and super-Ohmic (s > 1) spectral densities with an exponential
 * cut-off, J(w) = lambda w^s Omega^(1-s) exp(-w/Omega) for w > 0 and 0 for w <= 0 (issue 3; the
 * composite-coupling qubit paper's form). lambda is dimensionless, Omega the cut-off frequency.
 * Its memory kernel is not a finite sum of exponentials, so the exact engine refuses it; master
 * equations use J directly.
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
                + " has no finite exponential kernel; the exact method needs lorentzian, lorentzian-sum or drude-lorentz");
    }

    @Override
    public String describe() {
        return String.format("ohmic(lambda=%g, s=%g, Omega=%g)", lambda, exponent, cutoff);
    }
}
