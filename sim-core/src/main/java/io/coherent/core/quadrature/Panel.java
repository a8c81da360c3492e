package io.coherent.core.quadrature;

/**
 * One piece of an integration domain in its own variable u in [lo, hi], with the map u -> w.
 * Folded panels integrate f(c + u) + f(c - u) over u in [0, a]: the principal value of an odd
 * singularity at c (the Bose factor's 1/w at w = 0) then cancels inside the integrand.
 * Tail panels map u in [0, 1) onto a half line.
 */
public record Panel(Kind kind, double lo, double hi, double anchor) {

    public enum Kind { FINITE, FOLDED, UPPER_TAIL, LOWER_TAIL }

    public static Panel finite(double a, double b) {
        return new Panel(Kind.FINITE, a, b, 0);
    }

    /** Symmetric interval [c - a, c + a] integrated as a principal value about c. */
    public static Panel folded(double c, double a) {
        return new Panel(Kind.FOLDED, 0, a, c);
    }

    /** The two pieces a &lt;= |w - c| &lt;= b of a symmetric interval about c, folded like {@link #folded}. */
    public static Panel folded(double c, double a, double b) {
        return new Panel(Kind.FOLDED, a, b, c);
    }

    /** [b, +infinity). */
    public static Panel upperTail(double b) {
        return new Panel(Kind.UPPER_TAIL, 0, 1, b);
    }

    /** (-infinity, b]. */
    public static Panel lowerTail(double b) {
        return new Panel(Kind.LOWER_TAIL, 0, 1, b);
    }

    Panel withBounds(double newLo, double newHi) {
        return new Panel(kind, newLo, newHi, anchor);
    }
}
