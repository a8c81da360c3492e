package io.coherent.core.models;

import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Subsystem;

/**
 * Two named qubits, as both two-qubit papers use them, built from {@link Operators} (QuTiP's basis:
 * index 0 of a qubit is |e>, the first qubit is the most significant index, so the bare basis is
 * |ee>, |eg>, |ge>, |gg>).
 */
record TwoQubits(HilbertSpace space, String first, String second) {
    static final int EXCITED = 0;
    static final int GROUND = 1;

    static TwoQubits named(String first, String second) {
        return new TwoQubits(HilbertSpace.of(Subsystem.qubit(first), Subsystem.qubit(second)), first, second);
    }

    private String name(int qubit) {
        return qubit == 1 ? first : second;
    }

    /** sigma_-^(i) = |g><e| on qubit i = 1, 2. */
    ComplexMatrix lowering(int qubit) {
        return Operators.embed(space, name(qubit), Operators.sigmaMinus());
    }

    /** sigma_z^(i). */
    ComplexMatrix sigmaZ(int qubit) {
        return Operators.embed(space, name(qubit), Operators.sigmaZ());
    }

    /** sigma_+^(i) sigma_-^(i) = |e><e|_i. */
    ComplexMatrix excitation(int qubit) {
        ComplexMatrix l = lowering(qubit);
        return l.conjugateTranspose().times(l);
    }

    /** Number of excited qubits. */
    ComplexMatrix excitationNumber() {
        return excitation(1).plus(excitation(2));
    }

    /** sigma_+^(1) sigma_-^(2) + sigma_-^(1) sigma_+^(2) = |eg><ge| + |ge><eg|. */
    ComplexMatrix hopping() {
        ComplexMatrix exchange = lowering(1).conjugateTranspose().times(lowering(2));
        return exchange.plus(exchange.conjugateTranspose());
    }

    /** The product ket |level1, level2> (EXCITED or GROUND each). */
    ComplexMatrix ket(int level1, int level2) {
        return Operators.productKet(space, level1, level2);
    }

    /**
     * The single-excitation eigenstates for mixing angle theta: {upper, lower} = {cos(theta/2)|eg> +
     * sin(theta/2)|ge>, -sin(theta/2)|eg> + cos(theta/2)|ge>}.
     */
    ComplexMatrix[] mixedPair(double theta) {
        ComplexMatrix eg = ket(EXCITED, GROUND);
        ComplexMatrix ge = ket(GROUND, EXCITED);
        double c = Math.cos(theta / 2);
        double s = Math.sin(theta / 2);
        return new ComplexMatrix[] {eg.scale(c).plus(ge.scale(s)), eg.scale(-s).plus(ge.scale(c))};
    }

    /** &lt;u|A|v&gt; (real part: every operator and state of these models is real in the bare basis). */
    static double element(ComplexMatrix u, ComplexMatrix a, ComplexMatrix v) {
        return u.conjugateTranspose().times(a).times(v).re(0, 0);
    }

    /** sum_l p_l |v_l><v_l| for orthonormal v_l. */
    static ComplexMatrix mixture(double[] weights, ComplexMatrix[] states) {
        ComplexMatrix rho = ComplexMatrix.zeros(states[0].rows(), states[0].rows());
        for (int l = 0; l < weights.length; l++) {
            rho = rho.plus(Operators.projector(states[l]).scale(weights[l]));
        }
        return rho;
    }
}
