package io.coherent.core.bosonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.dynamics.Method;
import io.coherent.core.master.MasterEquationOptions;
import org.junit.jupiter.api.Test;

/**
 * The second-moment master equations at temperatures whose occupation n ~ T/w swamps the net decay rate (issue 15: at
 * T = 1e25 the steady state was refused as "the rates vanish there", and a trajectory ran with a decay rate of 0).
 */
class MasterEquationTemperatureRangeTest {

    private static BilinearModel partialCollective(double t) {
        return new PartialCollectiveModel(1, 1, 1, 1, 0.1, Math.PI / 8, t, -Math.PI / 4).toModel();
    }

    @Test
    void aTemperatureBeyondTheRatesPrecisionIsRefusedNamingIt() {
        for (Method m : new Method[] {Method.REDFIELD, Method.SECULAR, Method.LOCAL_LINDBLAD}) {
            InvalidModelException e = assertThrows(InvalidModelException.class,
                    () -> SecondMomentMasterEquation.generator(partialCollective(1e25), m, MasterEquationOptions.DEFAULT));
            assertTrue(e.getMessage().contains("T = 1.00e+25 is out of range for " + m.id()), e.getMessage());
            assertTrue(e.getMessage().contains("allowed: T <= "), e.getMessage());
            assertTrue(e.getMessage().contains(".temperature"), e.getMessage());
            assertThrows(InvalidModelException.class, () -> SecondMomentMasterEquation.steadyState(partialCollective(1e25),
                    m, MasterEquationOptions.DEFAULT));
        }
    }

    @Test
    void highButRepresentableTemperaturesStillSolve() {
        // T = 1e6: n ~ 1e6 keeps 10 digits of the net rate; the classical limit N ~ T/w holds (Jx -> 0)
        SecondMomentSteadyState s = SecondMomentMasterEquation.steadyState(partialCollective(1e6), Method.SECULAR,
                MasterEquationOptions.DEFAULT);
        assertEquals(0, s.observables().value("Jx") / 1e6, 1e-6);
    }
}
