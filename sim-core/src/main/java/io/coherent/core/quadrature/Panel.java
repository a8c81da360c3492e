package io.coherent.core.quadrature;

/**
 * One piece of an integration domain in its own variable u in [lo, hi], with the map u -> w.
 * Folded panels integrate f(c + u) + f(c - u) over u in [0, a]: the principal value of an odd
 * singularity at c (the Bose factor's 1/w at w = 0) then cancels inside the integrand.
 * Tail panels map u in [0, 1) onto a half line. Graded panels map u in [0, 1] onto the interval from an
 * end point a to b by w = a + (b - a) u^p: an integrable power-law singularity (w - a)^(q - 1) at a
 * becomes (for p = 1/q) a smooth integrand, which Gauss-Kronrod integrates and whose error it estimates
 * reliably (unmapped, the estimate of the panel holding a can be orders of magnitude too small).
 *
 * @param end   the far end b of a graded panel (unused otherwise)
 * @param power the exponent p of a graded panel (unused otherwise)
 */
public record Panel(Kind kind, double lo, double hi, double anchor, double end, double power) {

    public enum Kind { FINITE, FOLDED, UPPER_TAIL, LOWER_TAIL, GRADED }

    private Panel(Kind kind, double lo, double hi, double anchor) {
        this(kind, lo, hi, anchor, 0, 1);
    }

    public static Panel finite(double a, double b) {
        return new Panel(Kind.FINITE, a, b, 0);
    }

    /**
     * From a to b (either order), for an integrand that behaves like |w - a|^(q - 1) near a, q &gt; 0:
     * graded with p = max(1, 1/q) so that the mapped integrand is bounded and smooth at u = 0.
     */
    public static Panel graded(double a, double b, double q) {
        if (!(q > 0)) {
            throw new IllegalArgumentException("the exponent of an end-point singularity must be > 0, got " + q);
        }
        return new Panel(Kind.GRADED, 0, 1, a, b, Math.max(1, 1 / q));
    }

    /** Symmetric interval [c - a, c + a] integrated as a principal value about c. */
    public static Panel folded(double c, double a) {
        return new Panel(Kind.FOLDED, 0, a, c);
    }

    /**
     * {@link #folded(double, double)} for a folded integrand f(c + u) + f(c - u) that behaves like u^(q - 1)
     * at u = 0, graded there like {@link #graded}.
     */
    public static Panel foldedGraded(double c, double a, double q) {
        if (!(q > 0)) {
            throw new IllegalArgumentException("the exponent of an end-point singularity must be > 0, got " + q);
        }
        double p = Math.max(1, 1 / q);
        return p == 1 ? folded(c, a) : new Panel(Kind.FOLDED, 0, 1, c, a, p);
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
        return new Panel(kind, newLo, newHi, anchor, end, power);
    }
}
