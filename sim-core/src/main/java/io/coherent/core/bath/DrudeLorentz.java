package io.coherent.core.bath;

import java.util.List;

/**
 * Drude-Lorentz spectral density J(w) = (2 lambda / pi) gamma w / (w^2 + gamma^2), lambda the
 * reorganisation energy and gamma the cut-off. J is odd: on the whole line it is negative for w < 0,
 * which the rotating-wave bilinear model reads as negative-frequency modes with negative weight.
 * Closing the contour in the lower half plane (pole at w = -i gamma) gives the exact kernel
 * f(t) = -2 i lambda gamma exp(-gamma t), t > 0. Modes at positive frequency are damped by pi J(w) > 0;
 * the embedding checks that every pole of the resulting dynamics decays.
 */
public record DrudeLorentz(double reorganisation, double cutoff) implements SpectralDensity {

    public DrudeLorentz {
        if (!(reorganisation >= 0) || !Double.isFinite(reorganisation)) {
            throw new InvalidModelException("lambda", reorganisation, "a finite number >= 0");
        }
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new InvalidModelException("gamma", cutoff, "a finite number > 0");
        }
    }

    @Override
    public double value(double w) {
        return 2 * reorganisation / Math.PI * cutoff * w / (w * w + cutoff * cutoff);
    }

    @Override
    public List<ExponentialTerm> kernel() {
        return List.of(new ExponentialTerm(0, -2 * reorganisation * cutoff, cutoff, 0));
    }

    @Override
    public String describe() {
        return String.format("drude-lorentz(lambda=%g, gamma=%g)", reorganisation, cutoff);
    }
}
