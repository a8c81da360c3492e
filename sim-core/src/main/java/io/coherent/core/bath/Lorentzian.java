package io.coherent.core.bath;

import java.util.List;

/**
 * Lorentzian spectral density (partial-collective paper, Sec. II B):
 * J(w) = (Gamma / 2 pi) gamma^2 / ((w - w0)^2 + gamma^2), with centre w0, width gamma and strength Gamma.
 * Its kernel is the single exponential f(t) = (Gamma gamma / 2) exp(-(gamma + i w0) t).
 */
public record Lorentzian(double center, double width, double strength) implements SpectralDensity {

    public Lorentzian {
        if (!Double.isFinite(center)) {
            throw new InvalidModelException("center", center, "a finite number");
        }
        if (!(width > 0) || !Double.isFinite(width)) {
            throw new InvalidModelException("width", width, "a finite number > 0");
        }
        if (!(strength >= 0) || !Double.isFinite(strength)) {
            throw new InvalidModelException("strength", strength, "a finite number >= 0");
        }
    }

    @Override
    public double value(double w) {
        double d = w - center;
        return strength / (2 * Math.PI) * width * width / (d * d + width * width);
    }

    @Override
    public List<ExponentialTerm> kernel() {
        return List.of(new ExponentialTerm(strength * width / 2, 0, width, center));
    }

    @Override
    public String describe() {
        return String.format("lorentzian(center=%g, width=%g, strength=%g)", center, width, strength);
    }
}
