package io.coherent.core.open;

import io.coherent.core.linalg.ComplexMatrix;

/** A Hermitian operator whose expectation value is reported under the given name (e.g. "N", "sigma_z1"). */
public record NamedOperator(String name, ComplexMatrix operator) {
}
