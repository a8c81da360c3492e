package io.coherent.core.heom;

import io.coherent.core.bath.DrudeLorentz;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.Channel;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import io.coherent.core.open.Subsystem;
import java.util.List;

/** Models shared by the hierarchy tests. */
final class HeomModels {
    static final HilbertSpace TWO_QUBITS = HilbertSpace.of(Subsystem.qubit("q1"), Subsystem.qubit("q2"));

    private HeomModels() {
    }

    static ComplexMatrix on(String name, ComplexMatrix local) {
        return Operators.embed(TWO_QUBITS, name, local);
    }

    /**
     * Two qubits H = w1/2 sz1 + w2/2 sz2 + g sx1 sx2, each coupled through sigma_x to its own Drude-Lorentz bath
     * (reorganisation energy lambda, cut-off gamma) at temperatures t1 and t2.
     */
    static OpenSystem twoQubits(double w1, double w2, double g, double lambda, double gamma, double t1, double t2) {
        ComplexMatrix h = on("q1", Operators.sigmaZ()).scale(w1 / 2).plus(on("q2", Operators.sigmaZ()).scale(w2 / 2))
                .plus(on("q1", Operators.sigmaX()).times(on("q2", Operators.sigmaX())).scale(g));
        Reservoir b1 = new Reservoir("hot", ThermalOccupation.bose(t1),
                List.of(new Channel(Channel.Kind.HERMITIAN, on("q1", Operators.sigmaX()), new DrudeLorentz(lambda, gamma))));
        Reservoir b2 = new Reservoir("cold", ThermalOccupation.bose(t2),
                List.of(new Channel(Channel.Kind.HERMITIAN, on("q2", Operators.sigmaX()), new DrudeLorentz(lambda, gamma))));
        ComplexMatrix rho0 = Operators.projector(Operators.productKet(TWO_QUBITS, 1, 1));
        return new OpenSystem(TWO_QUBITS, h, List.of(b1, b2), rho0, List.of(), List.of(), null);
    }
}
