package io.coherent.core.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.dynamics.Method;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.linalg.HermitianEigen;
import io.coherent.core.models.CompositeQubitModel;
import io.coherent.core.models.CoupledQubitsModel;
import io.coherent.core.models.QubitOscillator;
import io.coherent.core.models.TwoAtomsModel;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Subsystem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The matrix-free steady state (preconditioned GMRES, {@link SteadyStateIteration}) against independent references:
 * the dense null space (d &lt;= 30), the Gibbs state of H_S at equal temperatures (exact for secular and for Redfield
 * with real rates, see EquilibriumTest) at d = 60, and long propagation with a Hipparchus integrator out of
 * equilibrium at d = 32. In every case the reported error estimate must bound the difference.
 */
class IterativeSteadyStateTest {

    /** The reference model of the large-d solver ({@link QubitOscillator}), d = 2 (cutoff + 1). */
    static OpenSystem qubitOscillator(int cutoff, double lambda, double tQubit, double tOscillator) {
        return new QubitOscillator(cutoff, lambda, tQubit, tOscillator).toSystem();
    }

    /** |iterative - reference| &lt;= the iterative solver's error estimate + the reference's own, for every observable. */
    private static void assertWithinEstimate(ObservableSet reference, double referenceError, ObservableSet iterative,
                                             String label) {
        for (String name : reference.values().keySet()) {
            double difference = Math.abs(iterative.value(name) - reference.value(name));
            double allowed = iterative.error(name) + Math.max(referenceError, reference.error(name));
            assertTrue(difference <= allowed, label + " " + name + ": |difference| " + difference + " > estimate " + allowed);
        }
    }

    @Test
    void iterativeEqualsTheDenseNullSpaceOnThePaperModelsAndAQubitWithAnOscillator() {
        // two-atoms and coupled-qubits have flat densities: no Lamb shift there (the principal value diverges)
        List<OpenSystem> models = List.of(TwoAtomsModel.DEFAULTS.toSystem(), CoupledQubitsModel.DEFAULTS.toSystem(),
                CompositeQubitModel.DEFAULTS.toSystem(), qubitOscillator(9, 0.01, 1.0, 0.3));
        for (int i = 0; i < models.size(); i++) {
            OpenSystem s = models.get(i);
            for (Method m : List.of(Method.REDFIELD, Method.SECULAR, Method.LOCAL_LINDBLAD)) {
                for (boolean lamb : i < 2 ? new boolean[] {false} : new boolean[] {false, true}) {
                    MasterEquationOptions o = MasterEquationOptions.DEFAULT.withLambShift(lamb);
                    String label = "d=" + s.dimension() + " " + m.id() + " lamb=" + lamb;
                    MasterSteadyState dense = MasterEquations.nullSpaceSteadyState(s, m, o);
                    MasterSteadyState iterative = MasterEquations.iterativeSteadyState(s, m, o);
                    assertTrue(iterative.unique(), label + " " + iterative.notes());
                    assertEquals(MasterSteadyState.GMRES, iterative.solver());
                    assertTrue(iterative.iterations() > 0 && iterative.iterations() < 60, label + " " + iterative.iterations());
                    assertWithinEstimate(dense.observables(), 0, iterative.observables(), label);
                    // and the agreement is at the iterative tolerance, not just within a loose estimate
                    assertEquals(dense.observables().value("population.1"), iterative.observables().value("population.1"), 1e-8, label);
                }
            }
        }
    }

    @Test
    void atEqualTemperaturesTheIterativeStateIsTheGibbsStateAtDimension60() {
        double t = 0.7;
        OpenSystem s = qubitOscillator(29, 0.01, t, t);
        double[] e = HermitianEigen.of(s.hamiltonian()).values();
        double z = 0;
        for (double x : e) {
            z += Math.exp(-(x - e[0]) / t);
        }
        for (Method m : List.of(Method.REDFIELD, Method.SECULAR)) {
            MasterSteadyState ss = MasterEquations.steadyState(s, m, MasterEquationOptions.DEFAULT);
            assertEquals(MasterSteadyState.GMRES, ss.solver(), "d = 60 is beyond the dense limit");
            assertTrue(ss.unique(), ss.notes().toString());
            ObservableSet o = ss.observables();
            for (int k = 0; k < e.length; k++) {
                double gibbs = Math.exp(-(e[k] - e[0]) / t) / z;
                double difference = Math.abs(o.value("population." + (k + 1)) - gibbs);
                assertTrue(difference <= o.error("population." + (k + 1)), m.id() + " population " + (k + 1) + ": " + difference);
            }
            assertTrue(o.value("coherence_l1") <= o.error("coherence_l1"), m.id() + " coherence " + o.value("coherence_l1"));
            assertTrue(o.error("population.1") < 1e-8, m.id() + " estimate " + o.error("population.1"));
            assertEquals(1, o.value("population.1") / (1 / z), 1e-9);
        }
    }

    @Test
    void outOfEquilibriumTheIterativeStateIsTheLongTimeLimitAtDimension32() {
        OpenSystem s = qubitOscillator(15, 0.05, 1.0, 0.3);
        for (Method m : List.of(Method.REDFIELD, Method.SECULAR)) {
            MasterSteadyState ss = MasterEquations.steadyState(s, m, MasterEquationOptions.DEFAULT);
            assertEquals(MasterSteadyState.GMRES, ss.solver());
            MasterEquationGenerator g = MasterEquations.build(s, m, MasterEquationOptions.DEFAULT);
            double[] y = MasterModels.propagate(g, 150);
            ObservableSet late = g.observe(150, y);
            // the long-time limit is reached: another 50 time units change nothing at the propagation tolerance
            double[] later = MasterModels.propagate(g, 200);
            assertEquals(late.value("population.1"), g.observe(200, later).value("population.1"), 1e-9);
            assertWithinEstimate(late, 1e-8, ss.observables(), m.id());
            // a state that is not trivially thermal: the qubit bath is hotter, heat flows through the system
            assertTrue(ss.observables().value("energy_current.qubit") > 1e-4, m.id());
        }
    }

    @Test
    void withoutReservoirsTheSteadyStateIsNotUniqueAndTheRefusalNamesTheField() {
        OpenSystem open = qubitOscillator(15, 0.01, 1, 1);
        OpenSystem closed = MasterModels.system(open.space(), open.hamiltonian(), List.of(), open.initialState());
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> MasterEquations.steadyState(closed, Method.REDFIELD, MasterEquationOptions.DEFAULT));
        assertEquals("steady_state", e.field());
        assertTrue(e.getMessage().contains("no unique steady state") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aDarkStateAtDimension32IsRefusedWithOneLine() {
        // two identical qubits decaying through one collective operator (the singlet is dark, NonEquilibriumTest) and
        // an oscillator with its own bath: the Liouvillian's null space is two-dimensional
        HilbertSpace space = HilbertSpace.of(Subsystem.qubit("q1"), Subsystem.qubit("q2"), Subsystem.oscillator("a", 7));
        ComplexMatrix a = Operators.embed(space, "a", Operators.annihilation(7));
        ComplexMatrix sx = Operators.embed(space, "q1", Operators.sigmaX()).plus(Operators.embed(space, "q2", Operators.sigmaX()));
        ComplexMatrix h = Operators.embed(space, "q1", Operators.sigmaZ()).plus(Operators.embed(space, "q2", Operators.sigmaZ()))
                .scale(0.5).plus(a.conjugateTranspose().times(a).scale(1.3));
        OhmicFamily j = new OhmicFamily(0.01, 1, 5);
        OpenSystem s = MasterModels.system(space, h, List.of(MasterModels.hermitianBath("qubits", 0.5, sx, j),
                MasterModels.hermitianBath("cavity", 0.5, a.plus(a.conjugateTranspose()), j)),
                Operators.projector(Operators.productKet(space, 0, 1, 0)));
        for (Method m : List.of(Method.REDFIELD, Method.SECULAR)) {
            InvalidModelException e = assertThrows(InvalidModelException.class,
                    () -> MasterEquations.steadyState(s, m, MasterEquationOptions.DEFAULT), m.id());
            assertEquals("steady_state", e.field());
            assertTrue(e.getMessage().contains("no unique steady state"), e.getMessage());
        }
    }
}
