package io.coherent.core.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.dynamics.Method;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Subsystem;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Dimension 100 (two oscillators with 10 Fock levels each, cut-off 9): the matrix-product Redfield form and the sparse secular
 * form, checked without a dense Liouvillian. With both baths at one temperature the Gibbs state of the truncated
 * H_S must be stationary (real rates obey KMS; see EquilibriumTest), and every generator must preserve the trace
 * and Hermiticity of an arbitrary state.
 */
class LargeSystemTest {
    private static final HilbertSpace SPACE = HilbertSpace.of(Subsystem.oscillator("a", 9), Subsystem.oscillator("b", 9));

    static OpenSystem oscillators(double tHot, double tCold, double g) {
        ComplexMatrix a = Operators.embed(SPACE, "a", Operators.annihilation(9));
        ComplexMatrix b = Operators.embed(SPACE, "b", Operators.annihilation(9));
        ComplexMatrix h = a.conjugateTranspose().times(a).plus(b.conjugateTranspose().times(b).scale(1.1))
                .plus(a.conjugateTranspose().times(b).plus(b.conjugateTranspose().times(a)).scale(g));
        OhmicFamily j = new OhmicFamily(0.005, 1, 5);
        ComplexMatrix rho0 = Operators.projector(Operators.productKet(SPACE, 1, 0));
        return MasterModels.system(SPACE, h, List.of(
                MasterModels.hermitianBath("hot", tHot, a.plus(a.conjugateTranspose()), j),
                MasterModels.hermitianBath("cold", tCold, b.plus(b.conjugateTranspose()), j)), rho0);
    }

    private static double[] flat(MasterEquationGenerator g, ComplexMatrix bareRho) {
        ComplexMatrix r = g.basis().conjugateTranspose().times(bareRho).times(g.basis());
        int dd = g.dimension() * g.dimension();
        double[] y = new double[2 * dd];
        System.arraycopy(r.realParts(), 0, y, 0, dd);
        System.arraycopy(r.imaginaryParts(), 0, y, dd, dd);
        return y;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    @Test
    void gibbsStateIsStationaryAtDimension100() {
        for (Method m : List.of(Method.REDFIELD, Method.SECULAR)) {
            OpenSystem s = oscillators(0.7, 0.7, 0.05);
            MasterEquationGenerator g = MasterEquations.build(s, m, MasterEquationOptions.DEFAULT);
            assertFalse(g.usesDenseMatrix(), m.id());
            double[] y = flat(g, Operators.gibbs(s.hamiltonian(), 0.7));
            double[] yDot = new double[y.length];
            g.computeDerivatives(0, y, yDot);
            assertTrue(maxAbs(yDot) < 1e-13, m.id() + ": |L(Gibbs)| = " + maxAbs(yDot));
            // a non-equilibrium state does move, at the scale of the rates (~2 pi lambda ~ 0.03)
            double[] y1 = flat(g, Operators.gibbs(s.hamiltonian(), 0.3));
            g.computeDerivatives(0, y1, yDot);
            assertTrue(maxAbs(yDot) > 1e-4, m.id());
        }
        OpenSystem local = oscillators(0.7, 0.7, 0);
        MasterEquationGenerator g = MasterEquations.build(local, Method.LOCAL_LINDBLAD, MasterEquationOptions.DEFAULT);
        double[] y = flat(g, Operators.gibbs(local.hamiltonian(), 0.7));
        double[] yDot = new double[y.length];
        g.computeDerivatives(0, y, yDot);
        assertTrue(maxAbs(yDot) < 1e-13, "local: " + maxAbs(yDot));
    }

    @Test
    void tracePreservingAndHermitianAtDimension100() {
        Random random = new Random(7);
        int d = 100;
        double[][] re = new double[d][d];
        double[][] im = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                re[i][k] = random.nextGaussian();
                im[i][k] = random.nextGaussian();
            }
        }
        ComplexMatrix x = ComplexMatrix.fromParts(re, im);
        ComplexMatrix rho = x.times(x.conjugateTranspose());
        rho = rho.scale(1 / rho.traceRe());
        for (Method m : List.of(Method.REDFIELD, Method.SECULAR, Method.LOCAL_LINDBLAD)) {
            MasterEquationGenerator g = MasterEquations.build(oscillators(1.0, 0.3, 0.05), m, MasterEquationOptions.DEFAULT);
            double[] y = flat(g, rho);
            double[] yDot = new double[y.length];
            g.computeDerivatives(0, y, yDot);
            double trace = 0;
            double hermiticity = 0;
            for (int i = 0; i < d; i++) {
                trace += yDot[i * d + i];
                for (int k = 0; k < d; k++) {
                    hermiticity = Math.max(hermiticity, Math.abs(yDot[i * d + k] - yDot[k * d + i]));
                    hermiticity = Math.max(hermiticity, Math.abs(yDot[d * d + i * d + k] + yDot[d * d + k * d + i]));
                }
            }
            assertEquals(0, trace, 1e-12, m.id());
            assertTrue(hermiticity < 1e-12, m.id() + " " + hermiticity);
            assertTrue(maxAbs(yDot) > 1e-3, m.id());
        }
    }
}
