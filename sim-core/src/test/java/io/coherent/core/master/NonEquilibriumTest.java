package io.coherent.core.master;

import static io.coherent.core.master.MasterModels.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.Flat;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.dynamics.Method;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.open.Channel;
import io.coherent.core.open.DensityMatrixElement;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.NamedOperator;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import io.coherent.core.open.Subsystem;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonEquilibriumTest {

    /** Two coupled qubits between a hot and a cold bath. */
    private static OpenSystem hotCold(double g) {
        ComplexMatrix h = MasterModels.twoQubitHamiltonian(1.0, 1.2, g);
        OhmicFamily j = new OhmicFamily(0.01, 1, 5);
        ComplexMatrix rho0 = Operators.projector(Operators.productKet(MasterModels.TWO_QUBITS, 1, 1));
        return MasterModels.system(MasterModels.TWO_QUBITS, h, List.of(
                MasterModels.hermitianBath("hot", 2.0, on("q1", Operators.sigmaX()), j),
                MasterModels.hermitianBath("cold", 0.2, on("q2", Operators.sigmaX()), j)), rho0);
    }

    @Test
    void nullSpaceSteadyStateEqualsTheLongTimeLimitInEveryMethod() {
        for (Method m : List.of(Method.REDFIELD, Method.SECULAR, Method.LOCAL_LINDBLAD)) {
            for (boolean lamb : new boolean[] {false, true}) {
                OpenSystem s = hotCold(0.15);
                MasterEquationOptions o = MasterEquationOptions.DEFAULT.withLambShift(lamb);
                MasterSteadyState ss = MasterEquations.steadyState(s, m, o);
                MasterEquationGenerator g = MasterEquations.build(s, m, o);
                double until = 40 * ss.relaxationTime().orElseThrow();
                ObservableSet late = g.observe(until, MasterModels.propagate(g, until));
                for (String name : late.values().keySet()) {
                    assertEquals(ss.observables().value(name), late.value(name), 1e-7, m + " lamb=" + lamb + " " + name);
                }
                assertTrue(ss.unique());
                assertTrue(ss.residual() < 1e-12, "residual " + ss.residual());
            }
        }
    }

    @Test
    void heatFlowsFromTheHotBathToTheColdOne() {
        for (Method m : List.of(Method.REDFIELD, Method.SECULAR, Method.LOCAL_LINDBLAD)) {
            MasterSteadyState ss = MasterEquations.steadyState(hotCold(0.15), m, MasterEquationOptions.DEFAULT);
            double hot = ss.observables().value("energy_current.hot");
            double cold = ss.observables().value("energy_current.cold");
            assertTrue(hot > 1e-5, m + ": hot bath feeds the system, got " + hot);
            assertTrue(cold < -1e-5, m + ": the cold bath takes energy, got " + cold);
            if (m != Method.LOCAL_LINDBLAD) {
                // d<H_S>/dt = 0 in the steady state: the currents cancel exactly
                assertEquals(-hot, cold, 1e-12 + 1e-9 * Math.abs(hot), m.id());
            }
        }
        // without inter-qubit coupling nothing flows between the baths
        MasterSteadyState uncoupled = MasterEquations.steadyState(hotCold(0), Method.REDFIELD, MasterEquationOptions.DEFAULT);
        assertEquals(0, uncoupled.observables().value("energy_current.hot"), 1e-12);
    }

    /** Qubit with a coupling that has both a longitudinal and a transverse part (the composite-qubit mechanism). */
    private static OpenSystem tiltedQubit(double temperature) {
        HilbertSpace space = HilbertSpace.of(Subsystem.qubit("q"));
        ComplexMatrix h = Operators.sigmaZ().scale(0.5);
        ComplexMatrix a = Operators.sigmaZ().scale(Math.cos(0.7)).plus(Operators.sigmaX().scale(Math.sin(0.7)));
        return MasterModels.system(space, h, List.of(MasterModels.hermitianBath("b", temperature, a, new OhmicFamily(0.02, 1, 5))),
                Operators.projector(Operators.basisKet(2, 0)));
    }

    @Test
    void secularSteadyStateHasNoCoherenceWhereRedfieldHasSome() {
        MasterEquationOptions lamb = MasterEquationOptions.DEFAULT.withLambShift(true);
        MasterSteadyState secular = MasterEquations.steadyState(tiltedQubit(0.3), Method.SECULAR, lamb);
        MasterSteadyState redfield = MasterEquations.steadyState(tiltedQubit(0.3), Method.REDFIELD, lamb);
        assertEquals(0, secular.observables().value("coherence_l1"), 1e-12);
        assertTrue(redfield.observables().value("coherence_l1") > 1e-3, "non-secular coherence, got "
                + redfield.observables().value("coherence_l1"));
        // a single qubit reports p_e - p_g; the secular value is -tanh(w/2T)
        assertEquals(-Math.tanh(1 / (2 * 0.3)), secular.observables().value("population_difference"), 1e-10);
    }

    @Test
    void darkStateMakesTheSteadyStateNonUnique() {
        // two identical qubits, collective decay L = sigma1^- + sigma2^-: the singlet is dark
        ComplexMatrix h = MasterModels.twoQubitHamiltonian(1.0, 1.0, 0);
        ComplexMatrix l = on("q1", Operators.sigmaMinus()).plus(on("q2", Operators.sigmaMinus()));
        Reservoir bath = new Reservoir("rad", ThermalOccupation.bose(0.4),
                List.of(new Channel(Channel.Kind.EXCHANGE, l, new Flat(0.01))));
        ComplexMatrix rho0 = Operators.projector(Operators.productKet(MasterModels.TWO_QUBITS, 0, 1)); // |e g>
        OpenSystem s = MasterModels.system(MasterModels.TWO_QUBITS, h, List.of(bath), rho0);
        ComplexMatrix singlet = Operators.productKet(MasterModels.TWO_QUBITS, 0, 1)
                .minus(Operators.productKet(MasterModels.TWO_QUBITS, 1, 0)).scale(Math.sqrt(0.5));
        for (Method m : List.of(Method.REDFIELD, Method.SECULAR)) {
            MasterSteadyState ss = MasterEquations.steadyState(s, m, MasterEquationOptions.DEFAULT);
            assertFalse(ss.unique(), m.id());
            assertEquals(2, ss.nullity(), m.id());
            assertTrue(ss.notes().get(0).contains("not unique"));
            // the projection keeps the initial singlet weight 1/2, and agrees with propagation
            MasterEquationGenerator g = MasterEquations.build(s, m, MasterEquationOptions.DEFAULT);
            double until = 400 / (2 * Math.PI * 0.01);
            ComplexMatrix late = MasterModels.bare(g, MasterModels.propagate(g, until));
            double singletWeight = singlet.conjugateTranspose().times(late).times(singlet).re(0, 0);
            assertEquals(0.5, singletWeight, 1e-8, m.id());
            ObservableSet lateObs = g.observe(until, MasterModels.propagate(g, until));
            for (String name : List.of("population.1", "population.2", "population.3", "population.4", "concurrence")) {
                assertEquals(lateObs.value(name), ss.observables().value(name), 1e-7, m.id() + " " + name);
            }
        }
    }

    @Test
    void particlesFlowFromTheHigherChemicalPotential() {
        // one fermion-like level (n = sigma_+ sigma_-) between two leads with flat densities (wide band)
        HilbertSpace space = HilbertSpace.of(Subsystem.qubit("dot"));
        ComplexMatrix n = Operators.sigmaPlus().times(Operators.sigmaMinus());
        double eps = 0.5;
        double t = 0.2;
        Reservoir left = new Reservoir("L", new ThermalOccupation(ThermalOccupation.Statistics.FERMI, t, 1.0),
                List.of(new Channel(Channel.Kind.EXCHANGE, Operators.sigmaMinus(), new Flat(0.01))));
        Reservoir right = new Reservoir("R", new ThermalOccupation(ThermalOccupation.Statistics.FERMI, t, 0.0),
                List.of(new Channel(Channel.Kind.EXCHANGE, Operators.sigmaMinus(), new Flat(0.03))));
        OpenSystem s = new OpenSystem(space, n.scale(eps), List.of(left, right), Operators.projector(Operators.basisKet(2, 1)),
                List.of(), List.of(), n);
        MasterSteadyState ss = MasterEquations.steadyState(s, Method.REDFIELD, MasterEquationOptions.DEFAULT);
        // rate equation: Gamma_k = 2 pi J_k, occupation (G_L f_L + G_R f_R)/(G_L + G_R), current G_L G_R (f_L - f_R)/(G_L + G_R)
        double gl = 2 * Math.PI * 0.01;
        double gr = 2 * Math.PI * 0.03;
        double fl = 1 / (Math.exp((eps - 1.0) / t) + 1);
        double fr = 1 / (Math.exp((eps - 0.0) / t) + 1);
        double current = gl * gr * (fl - fr) / (gl + gr);
        assertEquals(current, ss.observables().value("particle_current.L"), 1e-12);
        assertEquals(-current, ss.observables().value("particle_current.R"), 1e-12);
        assertEquals(eps * current, ss.observables().value("energy_current.L"), 1e-12);
        assertEquals((gl * fl + gr * fr) / (gl + gr), ss.observables().value("population_difference") / 2 + 0.5, 1e-12);
    }

    @Test
    void namedOperatorsAndElementsAreReadInTheBareBasis() {
        OpenSystem base = hotCold(0.15);
        ComplexMatrix sz1 = on("q1", Operators.sigmaZ());
        ComplexMatrix ket01 = Operators.productKet(MasterModels.TWO_QUBITS, 0, 1);
        ComplexMatrix ket10 = Operators.productKet(MasterModels.TWO_QUBITS, 1, 0);
        OpenSystem s = new OpenSystem(base.space(), base.hamiltonian(), base.reservoirs(),
                Operators.projector(ket01.plus(ket10.scale(0, 1))),
                List.of(new NamedOperator("sz1", sz1),
                        new NamedOperator("population_difference", sz1.scale(0.5))),
                List.of(new DensityMatrixElement("rho_eg_ge", ket01, ket10,
                                DensityMatrixElement.Part.IMAGINARY),
                        new DensityMatrixElement("abs_eg_ge", ket01, ket10,
                                DensityMatrixElement.Part.ABSOLUTE)), null);
        MasterEquationGenerator g = MasterEquations.build(s, Method.REDFIELD, MasterEquationOptions.DEFAULT);
        double[] y = MasterModels.propagate(g, 3.0);
        ComplexMatrix rho = MasterModels.bare(g, y);
        ObservableSet obs = g.observe(3.0, y);
        assertEquals(rho.traceOfProductRe(sz1), obs.value("sz1"), 1e-12);
        assertEquals(0.5 * rho.traceOfProductRe(sz1), obs.value("population_difference"), 1e-12);
        assertEquals(rho.im(1, 2), obs.value("rho_eg_ge"), 1e-12);
        assertEquals(Math.hypot(rho.re(1, 2), rho.im(1, 2)), obs.value("abs_eg_ge"), 1e-12);
        assertTrue(Math.abs(obs.value("rho_eg_ge")) > 0.05, "a live coherence is compared");
        assertEquals(g.observableNames(), List.copyOf(obs.values().keySet()));
        // at t = 0: |rho_eg_ge| = 1/2 for (|eg> + i|ge>)/sqrt2
        assertEquals(0.5, g.observe(0, g.initialState()).value("abs_eg_ge"), 1e-12);
    }

    @Test
    void badInputNamesTheField() {
        OpenSystem s = hotCold(0.1);
        assertEquals("method", assertThrows(InvalidModelException.class,
                () -> MasterEquations.generator(s, Method.EXACT, MasterEquationOptions.DEFAULT)).field());
        Reservoir flat = MasterModels.hermitianBath("flat", 1, on("q1", Operators.sigmaX()), new Flat(0.1));
        OpenSystem flatSystem = MasterModels.system(MasterModels.TWO_QUBITS, s.hamiltonian(), List.of(flat), s.initialState());
        assertEquals("lamb_shift", assertThrows(InvalidModelException.class,
                () -> MasterEquations.generator(flatSystem, Method.REDFIELD, MasterEquationOptions.DEFAULT.withLambShift(true))).field());
        // hermitian coupling to a flat density at T > 0: gamma(0) diverges where sigma_z has diagonal elements
        Reservoir dephasing = MasterModels.hermitianBath("deph", 1, on("q1", Operators.sigmaZ()), new Flat(0.1));
        OpenSystem dephSystem = MasterModels.system(MasterModels.TWO_QUBITS, s.hamiltonian(), List.of(dephasing), s.initialState());
        assertEquals("baths.deph.spectral_density", assertThrows(InvalidModelException.class,
                () -> MasterEquations.generator(dephSystem, Method.REDFIELD, MasterEquationOptions.DEFAULT)).field());
        Reservoir withMu = new Reservoir("mu", new ThermalOccupation(ThermalOccupation.Statistics.BOSE, 1, 0.2),
                List.of(new Channel(Channel.Kind.HERMITIAN, on("q1", Operators.sigmaX()), new OhmicFamily(0.1, 1, 3))));
        OpenSystem muSystem = MasterModels.system(MasterModels.TWO_QUBITS, s.hamiltonian(), List.of(withMu), s.initialState());
        assertEquals("baths.mu.chemical_potential", assertThrows(InvalidModelException.class,
                () -> MasterEquations.generator(muSystem, Method.SECULAR, MasterEquationOptions.DEFAULT)).field());
        assertEquals("secular_tolerance", assertThrows(InvalidModelException.class,
                () -> new MasterEquationOptions(false, MasterEquationOptions.DEFAULT.quadrature(), -1)).field());
    }
}
