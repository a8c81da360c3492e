package io.coherent.core.master;

import static io.coherent.core.master.MasterModels.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.Flat;
import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.dynamics.Method;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.Channel;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * All baths at one temperature (and chemical potential): the state reached is the Gibbs (grand-canonical) state of
 * H_S. Secular: exactly (detailed balance of the Davies generator). Redfield with real rates only: exactly as well
 * (the rates obey KMS, gamma(-w) = e^{-w/T} gamma(w), and the diagonal Gibbs state is then annihilated by the full
 * tensor, non-secular terms included). Redfield with the Lamb shift: to first order in the coupling only — the
 * exact reduced equilibrium is the mean-force Gibbs state, which differs from Gibbs(H_S) at O(lambda) through the
 * principal-value parts, so the test checks that the deviation is small, visible, and halves when lambda halves. Local Lindblad: exactly when H_S is local; with
 * an inter-subsystem coupling g it relaxes to the Gibbs state of the local Hamiltonian instead (error O(g)).
 */
class EquilibriumTest {
    private static final double T = 0.6;

    /** Two coupled qubits, sigma_x-type and sigma_z-type couplings (the latter is non-secular-active), one temperature. */
    private static OpenSystem twoQubits(double lambda, double g) {
        ComplexMatrix h = MasterModels.twoQubitHamiltonian(1.0, 1.4, g);
        OhmicFamily j = new OhmicFamily(lambda, 1, 4);
        ComplexMatrix a1 = on("q1", Operators.sigmaX()).plus(on("q1", Operators.sigmaZ()).scale(0.5));
        ComplexMatrix a2 = on("q2", Operators.sigmaX());
        ComplexMatrix rho0 = Operators.projector(Operators.productKet(MasterModels.TWO_QUBITS, 0, 1));
        return MasterModels.system(MasterModels.TWO_QUBITS, h, List.of(MasterModels.hermitianBath("left", T, a1, j),
                MasterModels.hermitianBath("right", T, a2, j)), rho0);
    }

    private static double deviationFromGibbs(OpenSystem s, Method m, ComplexMatrix reference) {
        return deviationFromGibbs(s, m, reference, MasterEquationOptions.DEFAULT);
    }

    private static double deviationFromGibbs(OpenSystem s, Method m, ComplexMatrix reference, MasterEquationOptions o) {
        MasterSteadyState ss = MasterEquations.steadyState(s, m, o);
        assertTrue(ss.unique(), ss.notes().toString());
        MasterEquationGenerator g = MasterEquations.build(s, m, o);
        double tau = g.slowestRelaxationTime().orElseThrow();
        double[] y = MasterModels.propagate(g, 40 * tau);
        ComplexMatrix late = MasterModels.bare(g, y);
        return late.distance(reference);
    }

    @Test
    void secularRelaxesExactlyToGibbs() {
        OpenSystem s = twoQubits(0.02, 0.2);
        ComplexMatrix gibbs = Operators.gibbs(s.hamiltonian(), T);
        assertTrue(deviationFromGibbs(s, Method.SECULAR, gibbs) < 1e-8);
        MasterSteadyState ss = MasterEquations.steadyState(s, Method.SECULAR, MasterEquationOptions.DEFAULT);
        assertEquals(0, ss.observables().value("coherence_l1"), 1e-10);
        double z = 0;
        double[] e = MasterEquations.build(s, Method.SECULAR, MasterEquationOptions.DEFAULT).energies();
        for (double v : e) {
            z += Math.exp(-v / T);
        }
        for (int k = 0; k < 4; k++) {
            assertEquals(Math.exp(-e[k] / T) / z, ss.observables().value("population." + (k + 1)), 1e-10);
        }
        assertTrue(ss.residual() < 1e-12);
    }

    @Test
    void redfieldWithRealRatesIsGibbsExactly() {
        OpenSystem s = twoQubits(0.02, 0.2);
        assertTrue(deviationFromGibbs(s, Method.REDFIELD, Operators.gibbs(s.hamiltonian(), T)) < 1e-8);
    }

    @Test
    void redfieldWithLambShiftApproachesGibbsToFirstOrderInTheCoupling() {
        MasterEquationOptions lamb = MasterEquationOptions.DEFAULT.withLambShift(true);
        ComplexMatrix gibbs = Operators.gibbs(twoQubits(0.02, 0.2).hamiltonian(), T);
        double dev1 = deviationFromGibbs(twoQubits(0.02, 0.2), Method.REDFIELD, gibbs, lamb);
        double dev2 = deviationFromGibbs(twoQubits(0.01, 0.2), Method.REDFIELD, gibbs, lamb);
        assertTrue(dev1 < 0.05, "O(lambda) deviation, got " + dev1);
        assertTrue(dev1 > 1e-5, "the non-secular sigma_z part must leave a visible O(lambda) trace, got " + dev1);
        assertEquals(2, dev1 / dev2, 0.2, "deviation linear in lambda: " + dev1 + " vs " + dev2);
    }

    @Test
    void localLindbladIsGibbsForALocalHamiltonianAndOffByTheInteractionOtherwise() {
        OpenSystem local = twoQubits(0.02, 0);
        assertTrue(deviationFromGibbs(local, Method.LOCAL_LINDBLAD, Operators.gibbs(local.hamiltonian(), T)) < 1e-8);
        OpenSystem coupled = twoQubits(0.02, 0.1);
        double dev = deviationFromGibbs(coupled, Method.LOCAL_LINDBLAD, Operators.gibbs(coupled.hamiltonian(), T));
        assertTrue(dev > 1e-3 && dev < 0.2, "local approach misses the O(g) dressing, got " + dev);
    }

    @Test
    void fermionicLeadsAtOneChemicalPotentialGiveTheGrandCanonicalState() {
        // two sites (qubits as fermion-like levels: n = sigma_+ sigma_-), hopping, each site tunnel-coupled to a lead
        ComplexMatrix n1 = on("q1", Operators.sigmaPlus().times(Operators.sigmaMinus()));
        ComplexMatrix n2 = on("q2", Operators.sigmaPlus().times(Operators.sigmaMinus()));
        ComplexMatrix hop = on("q1", Operators.sigmaPlus()).times(on("q2", Operators.sigmaMinus()));
        ComplexMatrix h = n1.scale(1.0).plus(n2.scale(1.3)).plus(hop.plus(hop.conjugateTranspose()).scale(0.15));
        ComplexMatrix number = n1.plus(n2);
        double mu = 0.9;
        ThermalOccupation occ = new ThermalOccupation(ThermalOccupation.Statistics.FERMI, T, mu);
        List<Reservoir> leads = List.of(
                new Reservoir("L", occ, List.of(new Channel(Channel.Kind.EXCHANGE, on("q1", Operators.sigmaMinus()), new Flat(0.01)))),
                new Reservoir("R", occ, List.of(new Channel(Channel.Kind.EXCHANGE, on("q2", Operators.sigmaMinus()), new Flat(0.01)))));
        ComplexMatrix rho0 = Operators.projector(Operators.productKet(MasterModels.TWO_QUBITS, 1, 1));
        OpenSystem s = new OpenSystem(MasterModels.TWO_QUBITS, h, leads, rho0, List.of(), List.of(), number);
        ComplexMatrix grand = Operators.grandCanonical(h, number, T, mu);
        MasterSteadyState ss = MasterEquations.steadyState(s, Method.SECULAR, MasterEquationOptions.DEFAULT);
        MasterEquationGenerator g = MasterEquations.build(s, Method.SECULAR, MasterEquationOptions.DEFAULT);
        ComplexMatrix late = MasterModels.bare(g, MasterModels.propagate(g, 40 * g.slowestRelaxationTime().orElseThrow()));
        assertTrue(late.distance(grand) < 1e-8, "distance " + late.distance(grand));
        assertEquals(0, ss.observables().value("particle_current.L"), 1e-12);
        assertEquals(0, ss.observables().value("energy_current.R"), 1e-12);
        MasterSteadyState red = MasterEquations.steadyState(s, Method.REDFIELD, MasterEquationOptions.DEFAULT);
        double redN = red.observables().value("population.1"); // compared through the populations of H_S
        assertTrue(Math.abs(redN - ss.observables().value("population.1")) < 0.02);
    }
}
