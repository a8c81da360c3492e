package io.coherent.core.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.dynamics.Method;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Subsystem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sign of the Lamb shift as the master equation applies it (issue 15: flipping it was caught only by model-level
 * tests). A qubit H = w0/2 sz, coupled through sx to an Ohmic bath at T = 0, J(w) = lambda w e^{-w/Omega}. In the
 * secular equation the coherence rho_eg decouples:
 * d rho_eg/dt = -(i w0' + gamma(w0)/2) rho_eg, with w0' = w0 + S(w0) - S(-w0)
 * (H_LS = sum_w S(w) A^+(w) A(w), A(w0) = sigma_-, A(-w0) = sigma_+; Breuer and Petruccione, eq. 3.142), and at
 * T = 0, S(w) = lambda [-Omega + w e^{-w/Omega} Ei(w/Omega)] (the closed form of CorrelationSpectrumTest), gamma(w0)
 * = 2 pi J(w0). Here S(1) - S(-1) = -0.0647: the transition is pulled down to 0.935; the opposite sign gives 1.065.
 */
class LambShiftSignTest {

    /** Ei(x) by its series, |x| small. */
    private static double ei(double x) {
        double sum = 0;
        double term = 1;
        for (int k = 1; k < 200; k++) {
            term *= x / k;
            sum += term / k;
        }
        return 0.5772156649015329 + Math.log(Math.abs(x)) + sum;
    }

    @Test
    void theSecularCoherenceRotatesAtTheShiftedFrequency() {
        double w0 = 1;
        double lambda = 0.1;
        double cutoff = 2;
        HilbertSpace space = HilbertSpace.of(Subsystem.qubit("q"));
        ComplexMatrix plus = ComplexMatrix.of(2, 2, new double[] {0.5, 0.5, 0.5, 0.5}, new double[4]);
        var system = MasterModels.system(space, Operators.sigmaZ().scale(w0 / 2),
                List.of(MasterModels.hermitianBath("b", 0, Operators.sigmaX(), new OhmicFamily(lambda, 1, cutoff))), plus);
        MasterEquationGenerator g = MasterEquations.build(system, Method.SECULAR,
                MasterEquationOptions.DEFAULT.withLambShift(true));
        double[] y = g.initialState();
        double[] yDot = new double[y.length];
        g.computeDerivatives(0, y, yDot);
        double[] e = g.energies();
        int up = e[0] > e[1] ? 0 : 1;
        int down = 1 - up;
        int k = up * 2 + down;
        // (rho-dot / rho) for the coherence, complex division
        double re = y[k];
        double im = y[4 + k];
        double norm = re * re + im * im;
        double ratioRe = (yDot[k] * re + yDot[4 + k] * im) / norm;
        double ratioIm = (yDot[4 + k] * re - yDot[k] * im) / norm;

        double shift = lambda * (-cutoff + w0 * Math.exp(-w0 / cutoff) * ei(w0 / cutoff))
                - lambda * (-cutoff - w0 * Math.exp(w0 / cutoff) * ei(-w0 / cutoff));
        assertTrue(shift < -0.06 && shift > -0.07, "S(w0) - S(-w0) = " + shift);
        assertEquals(w0 + shift, -ratioIm, 1e-6, "the coherence rotates at w0 + S(w0) - S(-w0)");
        assertEquals(Math.PI * lambda * w0 * Math.exp(-w0 / cutoff), -ratioRe, 1e-6, "and decays at gamma(w0)/2");
    }
}
