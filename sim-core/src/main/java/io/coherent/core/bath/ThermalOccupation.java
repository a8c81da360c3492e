package io.coherent.core.bath;

/**
 * Occupation of a reservoir's modes at temperature T and chemical potential mu: Bose-Einstein
 * n(w) = 1/(exp((w - mu)/T) - 1) or Fermi-Dirac f(w) = 1/(exp((w - mu)/T) + 1). At T = 0 the bosonic
 * reservoir is empty above mu and the fermionic one is filled up to mu. Used by the master equations;
 * the exact engine's {@link BoseEinstein} adds its frequency-support convention.
 */
public record ThermalOccupation(Statistics statistics, double temperature, double chemicalPotential) {

    /** Particle statistics of the reservoir. */
    public enum Statistics {
        BOSE, FERMI;

        /** +1 for bosons (stimulated emission 1 + n), -1 for fermions (Pauli blocking 1 - f). */
        public int sign() {
            return this == BOSE ? 1 : -1;
        }
    }

    public ThermalOccupation {
        if (statistics == null) {
            throw new InvalidModelException("statistics", "null", "bose or fermi");
        }
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new InvalidModelException("temperature", temperature, "a finite number >= 0");
        }
        if (!Double.isFinite(chemicalPotential)) {
            throw new InvalidModelException("chemical_potential", chemicalPotential, "a finite number");
        }
    }

    public static ThermalOccupation bose(double temperature) {
        return new ThermalOccupation(Statistics.BOSE, temperature, 0);
    }

    /** n(w) or f(w). For bosons w must exceed mu (otherwise the occupation is not defined). */
    public double occupation(double w) {
        double x = w - chemicalPotential;
        if (temperature == 0) {
            if (statistics == Statistics.FERMI) {
                return x < 0 ? 1 : x == 0 ? 0.5 : 0;
            }
            return 0;
        }
        return statistics == Statistics.BOSE ? 1.0 / Math.expm1(x / temperature) : 1.0 / (Math.exp(x / temperature) + 1);
    }
}
