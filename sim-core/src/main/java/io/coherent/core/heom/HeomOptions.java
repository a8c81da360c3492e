package io.coherent.core.heom;

import io.coherent.core.bath.ExpansionScheme;
import io.coherent.core.bath.InvalidModelException;

/**
 * Settings of the hierarchical equations of motion (scenario keys {@code heom_*}, docs/heom.md).
 *
 * @param depth      hierarchy depth (tier cut-off) >= 1; null = chosen automatically (increased until every
 *                   observable changes by less than the tolerance)
 * @param exponents  Bose/Fermi-function poles (Matsubara, Pade) or fitted exponents per bath, >= 0; null = automatic
 * @param expansion  how correlation functions become exponentials; null = Pade (fit where the spectral density has
 *                   no rational form, e.g. ohmic)
 * @param terminator fold the dropped remainder of each bosonic bath into a Markovian (Ishizaki-Tanimura) terminator
 * @param tolerance  convergence target on every observable (absolute), > 0
 * @param maxMemory  bytes a hierarchy may take; a larger one is refused before anything is allocated
 */
public record HeomOptions(Integer depth, Integer exponents, ExpansionScheme expansion, boolean terminator,
                          double tolerance, long maxMemory) {

    public static final double DEFAULT_TOLERANCE = 1e-6;
    public static final long DEFAULT_MAX_MEMORY = 2L << 30;
    public static final HeomOptions DEFAULT = new HeomOptions(null, null, null, true, DEFAULT_TOLERANCE, DEFAULT_MAX_MEMORY);

    public HeomOptions {
        if (depth != null && depth < 1) {
            throw new InvalidModelException("heom_depth", depth, "a whole number >= 1 (absent = automatic)");
        }
        if (exponents != null && exponents < 0) {
            throw new InvalidModelException("heom_exponents", exponents, "a whole number >= 0 (absent = automatic)");
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new InvalidModelException("heom_tolerance", tolerance, "a finite number > 0");
        }
        if (maxMemory <= 0) {
            throw new InvalidModelException("heom_max_memory", maxMemory, "a number of bytes > 0, e.g. 2GiB");
        }
    }

    public HeomOptions withLevel(int newDepth, int newExponents) {
        return new HeomOptions(newDepth, newExponents, expansion, terminator, tolerance, maxMemory);
    }
}
