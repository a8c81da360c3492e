package io.coherent.core.dynamics;

import io.coherent.core.bath.InvalidModelException;
import java.util.Arrays;
import java.util.List;

/** How the dynamics of a model is computed. */
public enum Method {
    /** Exact Heisenberg coefficient equations (bilinear bosonic models only). */
    EXACT("exact"),
    /** Non-secular Bloch-Redfield (second-order Born-Markov, full tensor). */
    REDFIELD("redfield"),
    /** Secular (Davies) master equation: only terms with equal Bohr frequencies. */
    SECULAR("secular"),
    /** Lindblad dissipators built from local jump operators of each subsystem. */
    LOCAL_LINDBLAD("local-lindblad"),
    /**
     * The papers' leading-order (O(lambda)) perturbation theory of the equilibrium state, in closed form:
     * a steady state only, for models that have it ({@link io.coherent.core.methods.LeadingOrderTheory}).
     */
    LEADING_ORDER("leading-order"),
    /**
     * Hierarchical equations of motion: exact (non-perturbative, non-Markovian) dynamics of a finite system with
     * baths whose correlation functions are sums of exponentials, converged in depth and exponents
     * ({@link io.coherent.core.heom.Heom}).
     */
    HEOM("heom");

    private final String id;

    Method(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** False for a method that gives a steady state only (leading-order): it has no generator to propagate. */
    public boolean hasDynamics() {
        return this != LEADING_ORDER;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Method::id).toList();
    }

    public static Method of(String id) {
        for (Method m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new InvalidModelException("method", id, "one of " + String.join(", ", ids()));
    }
}
