package io.coherent.core.models;

import io.coherent.core.bath.DrudeLorentz;
import io.coherent.core.bath.Lorentzian;

/**
 * The finite-width spectral densities the two exchange-coupled paper models (two-atoms, coupled-qubits) offer
 * beside their papers' flat one, so that the hierarchical equations of motion, which need a finite correlation
 * time, can run on them. Each is normalised to the paper's flat level at a reference frequency near the
 * transitions (two-atoms: Omega; coupled-qubits: the mean qubit frequency), so that the same rate parameter gives
 * the same Markovian rates near the transitions and the width only adds memory (docs/papers/two-atoms.md).
 */
final class FiniteWidthSpectra {

    private FiniteWidthSpectra() {
    }

    /**
     * Lorentzian centred at the reference frequency with half-width {@code width} and peak value {@code level}
     * (our J): J(w) = level width^2/((w - reference)^2 + width^2). It tends to the flat level as the width grows.
     */
    static Lorentzian lorentzian(double level, double reference, double width) {
        return new Lorentzian(reference, width, 2 * Math.PI * level);
    }

    /**
     * Drude-Lorentz J(w) = (2 lambda/pi) gamma_c w/(w^2 + gamma_c^2) with lambda such that J(reference) = level:
     * lambda = pi level (reference^2 + gamma_c^2)/(2 gamma_c reference).
     */
    static DrudeLorentz drudeLorentz(double level, double reference, double cutoff) {
        return new DrudeLorentz(Math.PI * level * (reference * reference + cutoff * cutoff) / (2 * cutoff * reference), cutoff);
    }
}
