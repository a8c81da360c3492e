package io.coherent.core.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.dynamics.Method;
import io.coherent.core.dynamics.Model;
import io.coherent.core.models.CompositeQubitModel;
import io.coherent.core.models.MultiplexedModel;
import io.coherent.core.models.MultiplexedModel.InputState;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The method leading-order (the papers' O(lambda) closed forms) through {@link Engines}: a steady state only,
 * refused where a model has no closed forms, and equal to the independent references -- non-secular Redfield
 * with the Lamb shift, whose deviation must halve with lambda, and the paper's own statements (Eqs. 24-25:
 * the two-spin scheme beats the self-induced one at resonance; high-temperature limits derived from Eqs. 21, 23).
 * The closed forms against independent Simpson quadratures are in MultiplexedModelTest.
 */
class LeadingOrderMethodTest {

    private static final EngineOptions LAMB =
            new EngineOptions(QuadratureTolerance.TRAJECTORY, QuadratureTolerance.STEADY_STATE, Boolean.TRUE);

    /** One thermal input at omega1 = 1.3, one output at 0.8, s = 1, T = 0.5: the two-spin scheme of Sec. 3. */
    private static MultiplexedModel twoSpins(double lambda, int outputs) {
        return new MultiplexedModel(1, 0, outputs, 1.3, 1, 0.8, 0.5, 0.5, 0, 0, lambda, 10, 1, 0.5, InputState.THERMAL);
    }

    /** The self-induced scheme of Eq. (18), Fig. 1(a): the composite-coupling qubit's model 1 at omega1. */
    private static CompositeQubitModel selfInduced(double lambda) {
        return new CompositeQubitModel(1.3, 0.5, 0.5, lambda, 10, 1, 0.5, CompositeQubitModel.Coupling.TRANSVERSE);
    }

    private static ObservableSet leadingOrder(Model model) {
        SteadyStateReport r = Engines.steadyState(model, Method.LEADING_ORDER, LAMB);
        assertTrue(r.converged(), r.toString());
        return r.observables();
    }

    private static ObservableSet redfield(Model model) {
        return Engines.steadyState(model, Method.REDFIELD, LAMB).observables();
    }

    @Test
    void ratioAndSelfInducedCoherenceAgreeWithRedfieldToOrderLambda() {
        // Fig. 3 as two master equations: Redfield(two spins) / Redfield(one spin with sigma_z + sigma_x coupling)
        double[] lambdas = {0.004, 0.002, 0.001};
        double[] ratioDeviation = new double[3];
        double[] selfDeviation = new double[3];
        for (int i = 0; i < 3; i++) {
            ObservableSet closed = leadingOrder(twoSpins(lambdas[i], 1));
            double out = redfield(twoSpins(lambdas[i], 1)).value("sigma_x_out");
            double self = redfield(selfInduced(lambdas[i])).value("v1");
            ratioDeviation[i] = (out / self) / closed.value("sigma_x_out_over_self_induced") - 1;
            selfDeviation[i] = self / closed.value("sigma_x_self_induced") - 1;
        }
        String at = "ratio " + List.of(ratioDeviation[0], ratioDeviation[1], ratioDeviation[2])
                + ", self-induced " + List.of(selfDeviation[0], selfDeviation[1], selfDeviation[2]);
        assertTrue(Math.abs(ratioDeviation[0]) < 0.05 && Math.abs(selfDeviation[0]) < 0.05, at);
        for (int i = 0; i < 2; i++) {
            assertEquals(2, ratioDeviation[i] / ratioDeviation[i + 1], 0.25, at);
            assertEquals(2, selfDeviation[i] / selfDeviation[i + 1], 0.25, at);
        }
    }

    @Test
    void outputCoherenceAgreesWithRedfieldForTheSubOhmicBathAtZeroTemperature() {
        // s = 0.5 (Fig. 2(a)) has a Markovian master equation only at T = 0 (at T > 0 the dephasing rate diverges)
        double[] deviation = new double[3];
        double[] lambdas = {0.004, 0.002, 0.001};
        for (int i = 0; i < 3; i++) {
            MultiplexedModel m = new MultiplexedModel(1, 0, 1, 1, 1, 1, 0.1, 0.1, 0, 0, lambdas[i], 10, 0.5, 0,
                    InputState.THERMAL);
            deviation[i] = redfield(m).value("sigma_x_out") / leadingOrder(m).value("sigma_x_out") - 1;
        }
        String at = List.of(deviation[0], deviation[1], deviation[2]).toString();
        assertTrue(Math.abs(deviation[0]) < 1e-3, at);
        assertEquals(2, deviation[0] / deviation[1], 0.25, at);
        assertEquals(2, deviation[1] / deviation[2], 0.25, at);
    }

    @Test
    void atResonanceTheTwoSpinSchemeBeatsTheSelfInducedOneAndAtHighTemperatureByThree() {
        // Eqs. (24)-(25): F2 > F1 > 0, so <sigma_2^x>/<sigma_1^x> > 1 at omega2 = omega1 for every beta and s.
        // As beta -> 0, Eq. (23) -> -f1 f2 beta^2 Omega and Eq. (21) -> -f1 f2 beta^2 Omega / 3 (expand
        // xi coth(beta xi/2) = 2/beta + beta xi^2/6): the ratio tends to 3 whatever omega2 and s.
        for (double s : new double[] {0.5, 1, 2}) {
            for (double beta : new double[] {0.2, 1, 2, 5, 20}) {
                MultiplexedModel m = new MultiplexedModel(1, 0, 1, 1, 1, 1, 0.1, 0.1, 0, 0, 0.01, 10, s, 1 / beta,
                        InputState.THERMAL);
                double ratio = leadingOrder(m).value("sigma_x_out_over_self_induced");
                assertTrue(ratio > 1, "s = " + s + ", beta = " + beta + ": " + ratio);
            }
            for (double omega : new double[] {0.5, 1, 4}) {
                MultiplexedModel hot = new MultiplexedModel(1, 0, 1, 1, 1, omega, 0.1, 0.1, 0, 0, 0.01, 10, s, 1e3,
                        InputState.THERMAL);
                assertEquals(3, leadingOrder(hot).value("sigma_x_out_over_self_induced"), 1e-3, "s = " + s);
            }
        }
    }

    @Test
    void reportsTheClosedFormsWithTheirErrorsAndSaysWhatTheyAre() {
        MultiplexedModel m = twoSpins(0.01, 2);
        SteadyStateReport r = Engines.steadyState(m, Method.LEADING_ORDER, LAMB);
        assertEquals("leading-order", r.method());
        assertEquals(List.of("sigma_x_out", "sigma_x_out2", "sigma_z_inputs1", "sigma_x_self_induced",
                "sigma_x_out_over_self_induced", "correlation_xx_out", "signal_to_noise_out"),
                List.copyOf(r.observables().values().keySet()));
        assertEquals(r.observables().values().keySet().stream().toList(), Engines.observableNames(m, Method.LEADING_ORDER, LAMB));
        assertEquals(m.leadingOrderCoherence(), r.observables().value("sigma_x_out"), 0);
        assertEquals(m.outputCorrelation().value(), r.observables().value("correlation_xx_out"), 0);
        assertEquals(m.signalToNoise().value(), r.observables().value("signal_to_noise_out"), 0);
        assertEquals(-Math.tanh(0.65 / 0.5), r.observables().value("sigma_z_inputs1"), 1e-15);
        assertTrue(r.errorEstimate() > 0 && r.errorEstimate() < 1e-9, "quadrature error " + r.errorEstimate());
        assertTrue(Double.isNaN(r.relaxationTime()));
        assertFalse(r.unique(), "the output coherence follows the conserved input populations");
        assertTrue(r.notes().get(0).contains("O(lambda) perturbation theory"), r.notes().toString());
        SteadyStateReport qubit = Engines.steadyState(selfInduced(0.01), Method.LEADING_ORDER, LAMB);
        assertTrue(qubit.unique());
        assertEquals(Math.abs(qubit.observables().value("v1")), qubit.observables().value("coherence_l1"), 0);
    }

    @Test
    void leadingOrderIsASteadyStateOnlyAndOnlyWhereTheClosedFormsExist() {
        MultiplexedModel m = twoSpins(0.01, 1);
        Engines.check(m, Method.LEADING_ORDER, LAMB);
        InvalidModelException noDynamics = assertThrows(InvalidModelException.class,
                () -> Engines.generator(m, Method.LEADING_ORDER, LAMB));
        assertEquals("method", noDynamics.field());
        assertTrue(noDynamics.getMessage().contains("steady state without dynamics"), noDynamics.getMessage());
        // the bare open system has no closed forms
        InvalidModelException none = assertThrows(InvalidModelException.class,
                () -> Engines.check(m.toSystem(), Method.LEADING_ORDER, LAMB));
        assertEquals("method", none.field());
        assertTrue(none.getMessage().contains("applies only to models whose paper gives the leading-order"), none.getMessage());
        // the model itself still runs on the master equations
        assertEquals(redfield(m.toSystem()).value("sigma_x_out"), redfield(m).value("sigma_x_out"), 0);
    }
}
