package io.coherent.core.models;

import io.coherent.core.bath.InvalidModelException;

/** Validation and thermal factors shared by the paper models of this package. */
final class ModelParameters {

    private ModelParameters() {
    }

    static void requirePositive(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new InvalidModelException(field, value, "a finite number > 0");
        }
    }

    static void requireNonNegative(String field, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new InvalidModelException(field, value, "a finite number >= 0");
        }
    }

    static void requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidModelException(field, value, "a finite number");
        }
    }

    /** tanh(w/2T) = -&lt;sigma_z&gt; of a free spin (w/2) sigma_z at temperature T; 1 at T = 0. */
    static double thermalPolarization(double w, double temperature) {
        return temperature == 0 ? 1 : Math.tanh(w / (2 * temperature));
    }
}
