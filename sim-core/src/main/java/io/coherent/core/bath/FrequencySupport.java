package io.coherent.core.bath;

/**
 * Which bath modes carry thermal occupation in the frequency integrals.
 *
 * <ul>
 * <li>{@code WHOLE_LINE}: the partial-collective paper's convention, Eq. (15): n(w) = 1/(e^{w/T} - 1) for
 * every real w, negative (unphysical) for w < 0, with the 1/w singularity at w = 0 taken as a principal
 * value. Reproduces the paper's analytic limits.</li>
 * <li>{@code POSITIVE}: only modes with w > cutoff are thermally occupied; the others stay in their
 * vacuum. With cutoff = 0 the integral diverges logarithmically whenever T > 0 and J(0) > 0; that
 * case is refused rather than integrated.</li>
 * </ul>
 * The dynamics (the memory kernel) always uses J on the whole line; this only affects thermal weights.
 */
public record FrequencySupport(Kind kind, double cutoff) {

    public enum Kind { WHOLE_LINE, POSITIVE }

    public static final FrequencySupport WHOLE_LINE = new FrequencySupport(Kind.WHOLE_LINE, 0);

    public FrequencySupport {
        if (!(cutoff >= 0) || !Double.isFinite(cutoff)) {
            throw new InvalidModelException("frequency_cutoff", cutoff, "a finite number >= 0");
        }
    }

    public static FrequencySupport positive(double cutoff) {
        return new FrequencySupport(Kind.POSITIVE, cutoff);
    }
}
