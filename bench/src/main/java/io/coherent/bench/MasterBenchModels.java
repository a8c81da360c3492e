package io.coherent.bench;

import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.Channel;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import io.coherent.core.open.Subsystem;
import java.util.List;

/**
 * The models of the master-equation benchmarks; bench/qutip/master_qutip.py builds the same ones in QuTiP.
 * Two qubits: the RedfieldFixtureTest model. Oscillators: 10 Fock levels each (d = 100).
 */
final class MasterBenchModels {
    static final double LAMBDA_QUBITS = 0.02;
    static final double CUTOFF = 5;
    /** gamma = 2 pi J(w1) of the two-qubit model; its trajectory runs to 50/gamma. */
    static final double GAMMA_QUBITS = 2 * Math.PI * LAMBDA_QUBITS * Math.exp(-1 / CUTOFF);

    private MasterBenchModels() {
    }

    private static Reservoir bath(String name, double t, ComplexMatrix op, double lambda) {
        return new Reservoir(name, ThermalOccupation.bose(t),
                List.of(new Channel(Channel.Kind.HERMITIAN, op, new OhmicFamily(lambda, 1, CUTOFF))));
    }

    static OpenSystem twoQubits() {
        HilbertSpace space = HilbertSpace.of(Subsystem.qubit("q1"), Subsystem.qubit("q2"));
        ComplexMatrix sz1 = Operators.embed(space, "q1", Operators.sigmaZ());
        ComplexMatrix sz2 = Operators.embed(space, "q2", Operators.sigmaZ());
        ComplexMatrix sx1 = Operators.embed(space, "q1", Operators.sigmaX());
        ComplexMatrix sx2 = Operators.embed(space, "q2", Operators.sigmaX());
        ComplexMatrix h = sz1.scale(0.5).plus(sz2.scale(0.6)).plus(sx1.times(sx2).scale(0.15));
        ComplexMatrix plus = Operators.basisKet(2, 0).plus(Operators.basisKet(2, 1)).scale(Math.sqrt(0.5));
        ComplexMatrix rho0 = Operators.projector(Operators.basisKet(2, 0).kron(plus));
        return new OpenSystem(space, h, List.of(bath("hot", 1.5, sx1.plus(sz1.scale(0.5)), LAMBDA_QUBITS),
                bath("cold", 0.3, sx2, LAMBDA_QUBITS)), rho0, List.of(), List.of(), null);
    }

    static OpenSystem oscillators() {
        HilbertSpace space = HilbertSpace.of(Subsystem.oscillator("a", 9), Subsystem.oscillator("b", 9));
        ComplexMatrix a = Operators.embed(space, "a", Operators.annihilation(9));
        ComplexMatrix b = Operators.embed(space, "b", Operators.annihilation(9));
        ComplexMatrix h = a.conjugateTranspose().times(a).plus(b.conjugateTranspose().times(b).scale(1.1))
                .plus(a.conjugateTranspose().times(b).plus(b.conjugateTranspose().times(a)).scale(0.05));
        ComplexMatrix rho0 = Operators.projector(Operators.productKet(space, 1, 0));
        return new OpenSystem(space, h, List.of(bath("hot", 1.0, a.plus(a.conjugateTranspose()), 0.005),
                bath("cold", 0.3, b.plus(b.conjugateTranspose()), 0.005)), rho0, List.of(), List.of(), null);
    }
}
