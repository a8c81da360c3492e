package io.coherent.core.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.dynamics.Method;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.models.QubitOscillator;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Subsystem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The slowest relaxation time by Arnoldi on the propagator ({@link SlowestDecay}) against the dense Liouvillian
 * spectrum, on models just below the dense path's limit (d = 8 to 12), forced through the iterative path; and the
 * generator and the steady state report one value beyond the limits (d = 16, 32).
 */
class SlowestDecayTest {

    private static void agrees(MasterEquationGenerator g, String what) {
        double dense = MasterEquations.relaxationTime(g.liouvillian()).orElseThrow();
        double iterative = g.iterativeRelaxationTime().orElseThrow();
        assertEquals(dense, iterative, 1e-6 * dense, what);
    }

    @Test
    void agreesWithTheDenseSpectrumOnTheQubitOscillatorAtDimensions8To12() {
        for (int cutoff : new int[] {3, 5}) {
            OpenSystem s = new QubitOscillator(cutoff, 0.01, 0.5, 0.2).toSystem();
            for (Method m : List.of(Method.REDFIELD, Method.SECULAR, Method.LOCAL_LINDBLAD)) {
                agrees(MasterEquations.build(s, m, MasterEquationOptions.DEFAULT), "d = " + 2 * (cutoff + 1) + ", " + m.id());
            }
        }
    }

    /**
     * Three qubits: q1 fast (w = 20) and weakly damped through sx at T = 0, so its coherence decays at Gamma_1 / 2,
     * the slowest rate of the model, while oscillating at 20; q2 and q3 slow (w = 1, 1.3), coupled and strongly
     * damped. The slowest mode has |lambda| ~ 20, far larger than the fast-decaying modes of q2, q3 (|lambda| ~ 1):
     * the eigenvalue of smallest modulus is not the slowest one.
     */
    @Test
    void findsASlowCoherenceThatOscillatesFast() {
        HilbertSpace space = HilbertSpace.of(Subsystem.qubit("q1"), Subsystem.qubit("q2"), Subsystem.qubit("q3"));
        ComplexMatrix h = Operators.embed(space, "q1", Operators.sigmaZ()).scale(10)
                .plus(Operators.embed(space, "q2", Operators.sigmaZ()).scale(0.5))
                .plus(Operators.embed(space, "q3", Operators.sigmaZ()).scale(0.65))
                .plus(Operators.embed(space, "q2", Operators.sigmaX()).times(Operators.embed(space, "q3", Operators.sigmaX())).scale(0.1));
        ComplexMatrix rho0 = Operators.projector(Operators.productKet(space, 1, 0, 0));
        OpenSystem s = MasterModels.system(space, h, List.of(
                MasterModels.hermitianBath("weak", 0, Operators.embed(space, "q1", Operators.sigmaX()), new OhmicFamily(1e-4, 1, 50)),
                MasterModels.hermitianBath("strong2", 0.5, Operators.embed(space, "q2", Operators.sigmaX()), new OhmicFamily(0.05, 1, 5)),
                MasterModels.hermitianBath("strong3", 0.5, Operators.embed(space, "q3", Operators.sigmaX()), new OhmicFamily(0.05, 1, 5))),
                rho0);
        for (Method m : List.of(Method.SECULAR, Method.REDFIELD)) {
            MasterEquationGenerator g = MasterEquations.build(s, m, MasterEquationOptions.DEFAULT);
            double tau = MasterEquations.relaxationTime(g.liouvillian()).orElseThrow();
            // the premise: q1's population decays at 2 / tau, far slower than everything in q2, q3
            assertTrue(tau > 20, "slowest relaxation time " + tau);
            agrees(g, "fast coherence, " + m.id());
        }
    }

    /**
     * The relaxation time's error estimate bounds its real error. Dense path (d = 2): one qubit H = w sz / 2 coupled
     * through sx to an Ohmic bath at T, secular: the coherence decays at half the population rate
     * Gamma = 2 pi J(w) (2 n(w) + 1), so tau = 2 / Gamma in closed form. Iterative path (d = 16, Redfield): against the
     * dense spectrum of the same Liouvillian. Before the fix the Rate's error was computed and dropped.
     */
    @Test
    void theRelaxationTimesErrorEstimateBoundsItsError() {
        double w = 1.3;
        double temperature = 0.7;
        OhmicFamily j = new OhmicFamily(0.02, 1, 5);
        HilbertSpace space = HilbertSpace.of(Subsystem.qubit("q"));
        OpenSystem qubit = MasterModels.system(space, Operators.sigmaZ().scale(w / 2), List.of(
                MasterModels.hermitianBath("bath", temperature, Operators.sigmaX(), j)),
                Operators.projector(Operators.productKet(space, 0)));
        MasterEquationGenerator g = MasterEquations.build(qubit, Method.SECULAR, MasterEquationOptions.DEFAULT);
        double n = 1 / Math.expm1(w / temperature);
        double closedForm = 2 / (2 * Math.PI * j.value(w) * (2 * n + 1));
        io.coherent.core.dynamics.RelaxationTime r = g.relaxation();
        assertTrue(r.estimated(), r.how());
        assertTrue(Math.abs(r.time() - closedForm) <= r.error(), "tau = " + r.time() + " +- " + r.error()
                + ", closed form " + closedForm + " (" + r.how() + ")");
        assertTrue(r.error() < 1e-9 * closedForm, "a dense spectrum is accurate to rounding: " + r.error());

        OpenSystem s = new QubitOscillator(7, 0.01, 0.5, 0.2).toSystem();
        MasterEquationGenerator big = MasterEquations.build(s, Method.REDFIELD, MasterEquationOptions.DEFAULT);
        double dense = MasterEquations.relaxationTime(big.liouvillian()).orElseThrow();
        io.coherent.core.dynamics.RelaxationTime iterative = big.relaxation();
        assertTrue(iterative.how().startsWith("Arnoldi"), iterative.how());
        assertTrue(Math.abs(iterative.time() - dense) <= iterative.error() && iterative.error() < 1e-6 * dense,
                "Arnoldi " + iterative.time() + " +- " + iterative.error() + ", dense " + dense);
    }

    @Test
    void generatorAndSteadyStateReportTheSameRelaxationTimeBeyondTheDenseLimits() {
        // d = 16 (dense steady state, Redfield) and d = 32 (GMRES, secular: the cheaper right-hand side)
        for (Method m : List.of(Method.REDFIELD, Method.SECULAR)) {
            int cutoff = m == Method.REDFIELD ? 7 : 15;
            OpenSystem s = new QubitOscillator(cutoff, 0.01, 0.5, 0.2).toSystem();
            MasterEquationGenerator g = MasterEquations.build(s, m, MasterEquationOptions.DEFAULT);
            double tau = g.slowestRelaxationTime().orElseThrow();
            assertTrue(Double.isFinite(tau) && tau > 0, "tau = " + tau);
            MasterSteadyState ss = MasterEquations.steadyState(s, m, MasterEquationOptions.DEFAULT);
            assertEquals(tau, ss.relaxationTime().orElseThrow(), 0, "d = " + g.dimension());
        }
    }
}
