package io.coherent.core.heom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.ExpansionScheme;
import io.coherent.core.dynamics.Method;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.methods.EngineOptions;
import io.coherent.core.methods.Engines;
import io.coherent.core.methods.SteadyStateReport;
import io.coherent.core.observables.Estimate;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hierarchy's steady state in its limits, on issue 12's two-qubit model (QutipHeomFixtureTest.twoQubits):
 * equilibrium, weak coupling against Redfield, and the automatic convergence's error estimates against a deeper
 * hierarchy.
 */
class HeomLimitsTest {

    private static final EngineOptions REDFIELD_LAMB_SHIFT =
            new EngineOptions(QuadratureTolerance.TRAJECTORY, QuadratureTolerance.STEADY_STATE, true);

    private static HeomOptions level(int depth, int exponents) {
        return new HeomOptions(depth, exponents, ExpansionScheme.PADE, true, 1e-6, HeomOptions.DEFAULT_MAX_MEMORY);
    }

    private static double value(HeomSteadyState s, String name) {
        return s.observables().values().get(name).value();
    }

    private static double maxDifference(HeomSteadyState s, ComplexMatrix rho) {
        double m = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                m = Math.max(m, Math.hypot(value(s, "re_" + i + j) - rho.re(i, j), value(s, "im_" + i + j) - rho.im(i, j)));
            }
        }
        return m;
    }

    /**
     * Both baths at T = 1: no current flows (within the estimate: a truncated Pade expansion is not exactly KMS), and the
     * state is the mean-force Gibbs state, which tends to the Gibbs state of H_S linearly in the coupling.
     */
    @Test
    void equalTemperaturesGiveNoCurrentAndTheGibbsStateAtWeakCoupling() {
        double[] lambdas = {0.005, 0.01, 0.02};
        double[] distance = new double[lambdas.length];
        for (int k = 0; k < lambdas.length; k++) {
            OpenSystem system = QutipHeomFixtureTest.twoQubits(lambdas[k], 1, 1);
            HeomSteadyState s = Heom.steadyState(system, level(4, 3), HeomFixtures.BATH);
            for (String bath : new String[] {"1", "2"}) {
                Estimate j = s.observables().values().get("energy_current." + bath);
                assertTrue(Math.abs(j.value()) <= j.error() + 1e-12, "lambda " + lambdas[k] + ": current " + j.value()
                        + " from bath " + bath + " within its estimate " + j.error());
            }
            distance[k] = maxDifference(s, Operators.gibbs(system.hamiltonian(), 1));
        }
        assertTrue(distance[0] < 0.01, "close to Gibbs(H_S) at lambda = 0.005: " + distance[0]);
        for (int k = 1; k < lambdas.length; k++) {
            double ratio = distance[k] / distance[k - 1];
            assertTrue(ratio > 1.7 && ratio < 2.3, "mean-force correction linear in lambda: ratio " + ratio);
        }
    }

    /**
     * Weak coupling (T1 = 1, T2 = 2): the heat current of Redfield with the Lamb shift differs from the exact one at
     * second order (the current is O(lambda), Redfield gets its first order right). The populations differ at FIRST
     * order: Redfield's steady state is exact only at zeroth order in the populations (their O(lambda) correction is a
     * fourth-order effect in the generator: Fleming and Cummings, PRE 83, 031117 (2011); Thingna, Wang and Hanggi,
     * JCP 136, 194110 (2012)). Measured slopes of log|HEOM - Redfield| against log lambda are asserted.
     */
    @Test
    void redfieldWithTheLambShiftPartsFromTheHierarchyAsTheTheoryOfWeakCouplingSays() {
        double[] lambdas = {0.0025, 0.005, 0.01};
        double[] current = new double[lambdas.length];
        double[] population = new double[lambdas.length];
        for (int k = 0; k < lambdas.length; k++) {
            OpenSystem system = QutipHeomFixtureTest.twoQubits(lambdas[k], 1, 2);
            HeomSteadyState h = Heom.steadyState(system, level(4, 4), HeomFixtures.BATH);
            SteadyStateReport r = Engines.steadyState(system, Method.REDFIELD, REDFIELD_LAMB_SHIFT);
            Map<String, Estimate> red = r.observables().values();
            current[k] = Math.abs(value(h, "energy_current.2") - red.get("energy_current.2").value());
            population[k] = Math.abs(value(h, "re_00") - red.get("re_00").value());
            assertTrue(current[k] > 10 * (h.observables().values().get("energy_current.2").error()
                    + red.get("energy_current.2").error()), "the difference is resolved at lambda " + lambdas[k]);
        }
        for (int k = 1; k < lambdas.length; k++) {
            double currentSlope = Math.log(current[k] / current[k - 1]) / Math.log(2);
            double populationSlope = Math.log(population[k] / population[k - 1]) / Math.log(2);
            assertEquals(2, currentSlope, 0.25, "heat current: |HEOM - Redfield| ~ lambda^2");
            assertEquals(1, populationSlope, 0.15, "population of |ee>: |HEOM - Redfield| ~ lambda");
        }
    }

    /**
     * Automatic convergence at a loose tolerance stops early; each observable's reported error must still bound its
     * distance from a much deeper hierarchy (depth 6, 4 Pade poles: ~10 times more accurate), counting that
     * reference's own estimate.
     */
    @Test
    void automaticErrorEstimatesBoundTheDistanceToADeeperHierarchy() {
        OpenSystem system = QutipHeomFixtureTest.twoQubits(0.1, 1, 2);
        HeomSteadyState auto = Heom.steadyState(system,
                new HeomOptions(null, null, null, true, 1e-4, HeomOptions.DEFAULT_MAX_MEMORY), HeomFixtures.BATH);
        assertTrue(auto.converged());
        assertTrue(auto.hierarchy().automatic());
        HeomSteadyState deep = Heom.steadyState(system, level(6, 4), HeomFixtures.BATH);
        assertTrue(deep.hierarchy().ados() > 4 * auto.hierarchy().ados(), "the reference is deeper");
        auto.observables().values().forEach((name, e) -> {
            Estimate reference = deep.observables().values().get(name);
            double deviation = Math.abs(e.value() - reference.value());
            assertTrue(deviation <= e.error() + reference.error(), name + ": |auto - deep| = " + deviation
                    + " exceeds the estimate " + e.error() + " (+ reference " + reference.error() + ")");
        });
    }
}
