package io.coherent.config;

import java.util.Locale;

/**
 * How large a model the loader accepts. A finite system of dimension d costs time ~ d^3 per eigendecomposition
 * and 16 d^2 bytes per dense operator (several dozen of them for a master equation), and its Liouvillian has d^2
 * rows: d = 256 took 11 s and 0.5 GB (8 qubits, Redfield, coherent run), d = 512 75 s and 0.6 GB, d = 4096 more
 * than 8 minutes in the eigendecomposition alone, and d = 16384 exhausts a 4 GB heap. The dimension is checked
 * from the subsystems before any operator is built, so that an impossible model is refused in microseconds, with
 * one line naming the key, instead of running out of memory or overflowing an index.
 *
 * @param maxDimension the largest Hilbert-space dimension (finite systems) or number of modes (bilinear models)
 * @param setting      where the limit is set, for the message (an option or an environment variable)
 */
public record ModelLimits(long maxDimension, String setting) {
    /** The command line's default: a few minutes at most on a laptop. */
    public static final long DEFAULT_MAX_DIMENSION = 512;
    /** The environment variable that changes the command line's limit. */
    public static final String ENVIRONMENT = "COHERENT_MAX_DIMENSION";

    public ModelLimits {
        if (maxDimension < 1) {
            throw new IllegalArgumentException("the largest model dimension must be at least 1, got " + maxDimension);
        }
    }

    /** The command line's limit: {@value #ENVIRONMENT} if set, otherwise {@value #DEFAULT_MAX_DIMENSION}. */
    public static ModelLimits fromEnvironment() {
        String v = System.getenv(ENVIRONMENT);
        if (v == null || v.isBlank()) {
            return new ModelLimits(DEFAULT_MAX_DIMENSION, ENVIRONMENT);
        }
        try {
            return new ModelLimits(Long.parseLong(v.strip()), ENVIRONMENT);
        } catch (NumberFormatException e) {
            throw new ScenarioException(ENVIRONMENT, ENVIRONMENT + " = " + v + " is not allowed: expected a whole "
                    + "number >= 1 (the largest Hilbert-space dimension)");
        }
    }

    /**
     * The one-line reason a model of {@code dimension} is refused, or null if it is within the limit.
     *
     * @param dimension the dimension (may exceed any int: computed in double from the subsystems)
     * @param what      what the dimension is made of, e.g. "12 subsystems"
     */
    String refusal(double dimension, String what) {
        if (dimension <= maxDimension) {
            return null;
        }
        return String.format(Locale.ROOT, "the Hilbert space of %s has dimension %s, above the limit of %d (%s): "
                        + "time grows as d^3 and memory as d^2 (16 d^2 bytes = %s per operator)",
                what, dimension < 1e15 ? String.format(Locale.ROOT, "%.0f", dimension)
                        : String.format(Locale.ROOT, "%.3g", dimension), maxDimension, setting, bytes(16 * dimension * dimension));
    }

    private static String bytes(double b) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};
        int u = 0;
        while (b >= 1000 && u < units.length - 1) {
            b /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.3g %s", b, units[u]);
    }
}
