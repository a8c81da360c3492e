package io.coherent.core.bath;

/**
 * Bose-Einstein occupation n(w) = 1/(exp(w/T) - 1) of bath modes at temperature T, restricted to a
 * {@link FrequencySupport}. At T = 0 the bath is in its vacuum and n = 0 for every mode (on the whole
 * line this differs from the T -> 0+ limit of the formula, which tends to -1 for w < 0).
 */
public record BoseEinstein(double temperature, FrequencySupport support) {

    public BoseEinstein {
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new InvalidModelException("temperature", temperature, "a finite number >= 0");
        }
    }

    public double occupation(double w) {
        if (temperature == 0) {
            return 0;
        }
        if (support.kind() == FrequencySupport.Kind.POSITIVE && w <= support.cutoff()) {
            return 0;
        }
        return 1.0 / Math.expm1(w / temperature);
    }
}
