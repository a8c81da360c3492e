package io.coherent.core.heom;

/**
 * One hierarchy tried by the automatic convergence: its depth and exponents, its size and how much the observables
 * moved from the level before it.
 *
 * @param depth      tier cut-off
 * @param exponents  Bose/Fermi poles (or fitted exponents) per bath
 * @param ados       number of auxiliary density operators
 * @param change     largest |change| of any observable from the previous level (NaN for the first)
 * @param largest    the observable that changed most (null for the first)
 * @param iterations GMRES iterations of its steady state
 */
public record HierarchyLevel(int depth, int exponents, long ados, double change, String largest, int iterations) {
}
