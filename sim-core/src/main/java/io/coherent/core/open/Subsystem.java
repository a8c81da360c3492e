package io.coherent.core.open;

import io.coherent.core.bath.InvalidModelException;

/**
 * One factor of a tensor-product Hilbert space: a qubit (dimension 2), a spin j (2j + 1) or a truncated
 * oscillator (Fock cut-off + 1 levels), with the name the model uses for it.
 */
public record Subsystem(String name, Kind kind, int dimension) {

    public enum Kind { QUBIT, SPIN, OSCILLATOR }

    public Subsystem {
        if (name == null || name.isBlank()) {
            throw new InvalidModelException("subsystems.name", "every subsystem needs a non-empty name");
        }
        if (dimension < 2) {
            throw new InvalidModelException("subsystems." + name + ".dimension", dimension, "an integer >= 2");
        }
        if (kind == Kind.QUBIT && dimension != 2) {
            throw new InvalidModelException("subsystems." + name + ".dimension", dimension, "2 for a qubit");
        }
    }

    public static Subsystem qubit(String name) {
        return new Subsystem(name, Kind.QUBIT, 2);
    }

    /** Spin j (j = 1/2, 1, 3/2, ...): dimension 2j + 1. */
    public static Subsystem spin(String name, double j) {
        double d = 2 * j + 1;
        if (!(j > 0) || d != Math.rint(d)) {
            throw new InvalidModelException("subsystems." + name + ".spin", j, "a positive half-integer (1/2, 1, 3/2, ...)");
        }
        return new Subsystem(name, Kind.SPIN, (int) d);
    }

    /** Oscillator truncated to Fock states 0 .. cutoff. */
    public static Subsystem oscillator(String name, int cutoff) {
        if (cutoff < 1) {
            throw new InvalidModelException("subsystems." + name + ".cutoff", cutoff, "an integer >= 1");
        }
        return new Subsystem(name, Kind.OSCILLATOR, cutoff + 1);
    }
}
