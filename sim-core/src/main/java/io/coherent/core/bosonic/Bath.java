package io.coherent.core.bosonic;

import io.coherent.core.bath.BoseEinstein;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.SpectralDensity;
import io.coherent.core.linalg.ComplexMatrix;

/**
 * One bath of a bilinear model: it couples through L = sum_j v_j c_j (rotating wave,
 * H_SB = sum_a g_a L b_a^+ + h.c.), with spectral density J and temperature T.
 *
 * @param coupling the coupling vector v as a 1 x n matrix
 */
public record Bath(String name, ComplexMatrix coupling, SpectralDensity spectralDensity, double temperature) {

    /**
     * Largest temperature accepted: the thermal moments grow like T (the high-temperature law) and their error
     * bounds like T times the model's scales; beyond 1e100 these products leave double precision.
     */
    public static final double MAX_TEMPERATURE = 1e100;

    public Bath {
        if (name == null || name.isBlank()) {
            throw new InvalidModelException("baths.name", "every bath needs a non-empty name");
        }
        if (coupling.rows() != 1 || !coupling.isFinite()) {
            throw new InvalidModelException("baths." + name + ".coupling", "must be one row of finite numbers");
        }
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new InvalidModelException("baths." + name + ".temperature", temperature, "a finite number >= 0");
        }
        if (temperature > MAX_TEMPERATURE) {
            throw new InvalidModelException("baths." + name + ".temperature", temperature, "a number in [0, 1e100] "
                    + "(the thermal moments grow like T; beyond 1e100 their error bounds overflow)");
        }
    }

    public BoseEinstein occupation(io.coherent.core.bath.FrequencySupport support) {
        return new BoseEinstein(temperature, support);
    }
}
