package io.coherent.core.master;

import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.Operators;

/**
 * The local part of a Hamiltonian: its projection (Hilbert-Schmidt orthogonal) onto sums of single-subsystem
 * operators, H_loc = sum_i H_i (x) 1 - (N - 1) Tr[H]/d 1 with H_i = Tr_{not i}[H] / d_{not i} (normalised partial
 * traces). For H = sum_i h_i + V with an interaction V that is traceless on every factor (e.g. g sigma_x (x) sigma_x,
 * g (a^+ b + a b^+)), H_loc = sum_i h_i exactly.
 */
final class LocalHamiltonian {
    private LocalHamiltonian() {
    }

    static ComplexMatrix of(HilbertSpace space, ComplexMatrix h) {
        int d = space.dimension();
        int count = space.subsystems().size();
        ComplexMatrix sum = ComplexMatrix.identity(d).scale(-(count - 1) * h.traceRe() / d);
        for (int i = 0; i < count; i++) {
            String name = space.subsystems().get(i).name();
            sum = sum.plus(Operators.embed(space, name, reducedOperator(space, i, h)));
        }
        return sum;
    }

    /** Tr_{not i}[op] / d_{not i}: the operator on subsystem i that op induces when the others are traced out. */
    static ComplexMatrix reducedOperator(HilbertSpace space, int i, ComplexMatrix op) {
        int before = 1;
        for (int s = 0; s < i; s++) {
            before *= space.subsystems().get(s).dimension();
        }
        int di = space.subsystems().get(i).dimension();
        int after = space.dimension() / (before * di);
        double[] re = new double[di * di];
        double[] im = new double[di * di];
        for (int a = 0; a < di; a++) {
            for (int b = 0; b < di; b++) {
                double sr = 0;
                double si = 0;
                for (int x = 0; x < before; x++) {
                    for (int y = 0; y < after; y++) {
                        int row = (x * di + a) * after + y;
                        int col = (x * di + b) * after + y;
                        sr += op.re(row, col);
                        si += op.im(row, col);
                    }
                }
                re[a * di + b] = sr / (before * after);
                im[a * di + b] = si / (before * after);
            }
        }
        return ComplexMatrix.of(di, di, re, im);
    }
}
