package io.coherent.core.master;

import io.coherent.core.bath.SpectralDensity;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.dynamics.Generator;
import io.coherent.core.dynamics.GeneratorOde;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.Channel;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import io.coherent.core.open.Subsystem;
import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/** Small models shared by the master-equation tests. */
final class MasterModels {
    static final HilbertSpace TWO_QUBITS = HilbertSpace.of(Subsystem.qubit("q1"), Subsystem.qubit("q2"));

    private MasterModels() {
    }

    static ComplexMatrix on(String name, ComplexMatrix local) {
        return Operators.embed(TWO_QUBITS, name, local);
    }

    /** H = w1/2 sz1 + w2/2 sz2 + g sx1 sx2. */
    static ComplexMatrix twoQubitHamiltonian(double w1, double w2, double g) {
        return on("q1", Operators.sigmaZ()).scale(w1 / 2).plus(on("q2", Operators.sigmaZ()).scale(w2 / 2))
                .plus(on("q1", Operators.sigmaX()).times(on("q2", Operators.sigmaX())).scale(g));
    }

    static Reservoir hermitianBath(String name, double temperature, ComplexMatrix op, SpectralDensity j) {
        return new Reservoir(name, ThermalOccupation.bose(temperature), List.of(new Channel(Channel.Kind.HERMITIAN, op, j)));
    }

    static OpenSystem system(HilbertSpace space, ComplexMatrix h, List<Reservoir> baths, ComplexMatrix rho0) {
        return new OpenSystem(space, h, baths, rho0, List.of(), List.of(), null);
    }

    static double[] propagate(Generator g, double until) {
        var integrator = new DormandPrince853Integrator(1e-9, until, 1e-11, 1e-11);
        return integrator.integrate(new GeneratorOde(g), new ODEState(0, g.initialState()), until).getPrimaryState();
    }

    /** rho (H_S eigenbasis, flat layout) back in the bare basis. */
    static ComplexMatrix bare(MasterEquationGenerator g, double[] y) {
        int d = g.dimension();
        ComplexMatrix rho = ComplexMatrix.of(d, d, java.util.Arrays.copyOfRange(y, 0, d * d),
                java.util.Arrays.copyOfRange(y, d * d, 2 * d * d));
        return g.basis().times(rho).times(g.basis().conjugateTranspose());
    }
}
