package io.coherent.core.open;

import io.coherent.core.linalg.ComplexMatrix;

/**
 * A named element <bra|rho|ket> of the density matrix, e.g. the two-atom paper's rho_32 between its
 * labelled eigenstates. bra and ket are column vectors of the full Hilbert space; the observable is the
 * real part, imaginary part or modulus of the element.
 */
public record DensityMatrixElement(String name, ComplexMatrix bra, ComplexMatrix ket, Part part) {

    public enum Part { REAL, IMAGINARY, ABSOLUTE }
}
