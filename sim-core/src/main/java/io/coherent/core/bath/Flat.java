package io.coherent.core.bath;

import java.util.List;

/**
 * A flat (wide-band) spectral density J(w) = level at every frequency. It is the wide-band limit used
 * for fermionic leads and for the coupled-qubits paper's "flat" spectrum. Principal-value (Lamb-shift)
 * integrals over a flat density diverge, so master equations refuse the Lamb shift with it.
 */
public record Flat(double level) implements SpectralDensity {

    public Flat {
        if (!(level >= 0) || !Double.isFinite(level)) {
            throw new InvalidModelException("level", level, "a finite number >= 0");
        }
    }

    @Override
    public double value(double w) {
        return level;
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
        return String.format("flat(level=%g)", level);
    }
}
