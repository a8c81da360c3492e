package io.coherent.core.master;

import static io.coherent.core.master.MasterModels.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.dynamics.Method;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The secular check against Redfield on the same model (the method the secular approximation simplifies): where the
 * reported ratio is small the two steady states agree to about that fraction, and where the note calls the secular
 * result unreliable they part.
 */
class SecularValidityTest {

    /** Two qubits (w1, w2, coupling g sx sx) between a hot and a cold Ohmic bath. */
    private static OpenSystem twoQubits(double w2, double g, double lambda) {
        ComplexMatrix h = MasterModels.twoQubitHamiltonian(1.0, w2, g);
        OhmicFamily j = new OhmicFamily(lambda, 1, 5);
        ComplexMatrix rho0 = Operators.projector(Operators.productKet(MasterModels.TWO_QUBITS, 1, 1));
        return MasterModels.system(MasterModels.TWO_QUBITS, h, List.of(
                MasterModels.hermitianBath("hot", 2.0, on("q1", Operators.sigmaX()), j),
                MasterModels.hermitianBath("cold", 0.5, on("q2", Operators.sigmaX()), j)), rho0);
    }

    private static String secularNote(MasterSteadyState s) {
        return s.notes().stream().filter(n -> n.startsWith("secular approximation")).findFirst().orElseThrow();
    }

    private static double ratio(OpenSystem s) {
        MasterEquationGenerator g = MasterEquations.build(s, Method.SECULAR, MasterEquationOptions.DEFAULT);
        String note = g.approximationNotes().get(0);
        return Double.parseDouble(note.replaceAll(".*\\(ratio ([^)]+)\\).*", "$1"));
    }

    @Test
    void wellSeparatedBohrFrequenciesAgreeWithRedfieldToAboutTheRatio() {
        OpenSystem s = twoQubits(1.5, 0.2, 0.002);
        MasterSteadyState secular = MasterEquations.steadyState(s, Method.SECULAR, MasterEquationOptions.DEFAULT);
        MasterSteadyState redfield = MasterEquations.steadyState(s, Method.REDFIELD, MasterEquationOptions.DEFAULT);
        double ratio = ratio(s);
        assertTrue(ratio < 0.02, "ratio " + ratio);
        assertFalse(secularNote(secular).contains("not reliable"), secularNote(secular));
        for (int k = 1; k <= 4; k++) {
            String p = "population." + k;
            assertEquals(redfield.observables().value(p), secular.observables().value(p), ratio, p);
        }
    }

    @Test
    void nearlyDegenerateQubitsAreFlaggedAndSecularPartsFromRedfield() {
        // splitting 2g = 0.01 against rates ~ 2 pi lambda n ~ 0.05: the dropped population-coherence couplings matter
        OpenSystem s = twoQubits(1.0, 0.005, 0.01);
        MasterSteadyState secular = MasterEquations.steadyState(s, Method.SECULAR, MasterEquationOptions.DEFAULT);
        MasterSteadyState redfield = MasterEquations.steadyState(s, Method.REDFIELD, MasterEquationOptions.DEFAULT);
        assertTrue(ratio(s) > SecularValidity.QUESTIONABLE, "ratio " + ratio(s));
        assertTrue(secularNote(secular).contains("not reliable"), secularNote(secular));
        double jSecular = secular.observables().value("energy_current.hot");
        double jRedfield = redfield.observables().value("energy_current.hot");
        assertTrue(Math.abs(jSecular - jRedfield) > 0.1 * Math.abs(jRedfield), jSecular + " vs " + jRedfield);
    }

    @Test
    void theRatioGrowsLinearlyWithTheBathCoupling() {
        double r1 = ratio(twoQubits(1.3, 0.1, 0.001));
        double r2 = ratio(twoQubits(1.3, 0.1, 0.002));
        assertEquals(2, r2 / r1, 0.02);
    }
}
