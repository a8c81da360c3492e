package io.coherent.core.heom;

import java.util.List;
import java.util.Map;

/**
 * What hierarchy a HEOM result comes from and how far it is converged (the {@code hierarchy} object of the JSON).
 *
 * @param depth           tier cut-off used
 * @param exponents       Bose/Fermi-function poles (or fitted exponents) per bath used
 * @param termsPerBath    number of hierarchy exponents (terms of the correlation functions) of each bath
 * @param ados            number of auxiliary density operators (the physical density matrix included)
 * @param bytes           memory of the computation (state, Krylov basis, preconditioner)
 * @param bytesPerAdo     its share per ADO
 * @param expansion       expansion scheme of each bath (exact, pade, matsubara, fit)
 * @param expansionError  each bath's bound on max_t |C(t) - sum of exponentials|, or on its time integral where C(t)
 *                        is singular at t = 0 (Drude-Lorentz)
 * @param terminator      whether Ishizaki-Tanimura terminators were used
 * @param automatic       depth and/or exponents were chosen by the convergence loop
 * @param converged       every observable changed by less than the tolerance in the last refinement
 * @param tolerance       that tolerance
 * @param lastChange      the largest change of an observable in the last refinement (the error estimate's size)
 * @param levels          every level tried, in order
 * @param note            why it stopped when not converged; empty otherwise
 * @param sectors         number of conserved sectors whose hierarchies the state combines ({@link ConservedSectors});
 *                        1 when the hierarchy does not split
 */
public record HierarchyReport(int depth, int exponents, Map<String, Integer> termsPerBath, long ados, long bytes,
                              long bytesPerAdo, Map<String, String> expansion, Map<String, Double> expansionError,
                              boolean terminator, boolean automatic, boolean converged, double tolerance,
                              double lastChange, List<HierarchyLevel> levels, String note, int sectors) {

    /** A hierarchy that does not split into sectors. */
    public HierarchyReport(int depth, int exponents, Map<String, Integer> termsPerBath, long ados, long bytes,
                           long bytesPerAdo, Map<String, String> expansion, Map<String, Double> expansionError,
                           boolean terminator, boolean automatic, boolean converged, double tolerance,
                           double lastChange, List<HierarchyLevel> levels, String note) {
        this(depth, exponents, termsPerBath, ados, bytes, bytesPerAdo, expansion, expansionError, terminator, automatic,
                converged, tolerance, lastChange, levels, note, 1);
    }

    public HierarchyReport {
        termsPerBath = Map.copyOf(termsPerBath);
        expansion = Map.copyOf(expansion);
        expansionError = Map.copyOf(expansionError);
        levels = List.copyOf(levels);
    }
}
