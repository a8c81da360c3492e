package io.coherent.core.bath;

/**
 * One term a * exp(-z t) (t >= 0) of a memory kernel f(t) = int J(w) exp(-i w t) dw.
 * Re z > 0 is the decay rate, Im z the frequency of the term. Each term becomes one pseudomode
 * (one auxiliary variable per coupling direction) in the exact embedding.
 */
public record ExponentialTerm(double amplitudeRe, double amplitudeIm, double rateRe, double rateIm) {
}
