package io.coherent.core.heom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.Lorentzian;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.Channel;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import io.coherent.core.open.Subsystem;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The steady-state solver's Hermitian path (HeomGenerator.derivativesOfHermitian, the preconditioner's Hermitian
 * sweeps) against the general right-hand side, and which hierarchies take it.
 */
class HermitianHierarchyTest {

    /** A hierarchy state whose every ADO is a random Hermitian matrix. */
    private static double[] randomHermitian(HeomGenerator g, long seed) {
        Random r = new Random(seed);
        double[] y = new double[g.stateDimension()];
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextGaussian();
        }
        HierarchyPreconditioner.hermitianParts(y, g.dimension());
        return y;
    }

    private static double maxAntiHermitian(double[] y, int d) {
        int dd = d * d;
        double worst = 0;
        for (int off = 0; off < y.length; off += 2 * dd) {
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < d; c++) {
                    worst = Math.max(worst, Math.abs(y[off + r * d + c] - y[off + c * d + r]));
                    worst = Math.max(worst, Math.abs(y[off + dd + r * d + c] + y[off + dd + c * d + r]));
                }
            }
        }
        return worst;
    }

    @Test
    void hermitianPathIsTheRightHandSideOnHermitianAdos() {
        for (boolean terminator : new boolean[] {true, false}) {
            var s = HeomModels.twoQubits(1, 1.1, 0.1, 0.3, 2, 1, 2);
            HeomGenerator g = new HeomGenerator(s, new BathExponents(s, 2, null, terminator,
                    CorrelationSource.BATH_CORRELATIONS), 3);
            assertTrue(g.hermitian(), "Drude-Lorentz by Pade, sigma_x couplings");
            double[] y = randomHermitian(g, 7);
            double[] general = new double[y.length];
            double[] fast = new double[y.length];
            g.computeDerivatives(0, y, general);
            g.derivativesOfHermitian(y, fast);
            double scale = 0;
            for (double v : general) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < y.length; i++) {
                assertEquals(general[i], fast[i], 1e-13 * scale, "terminator " + terminator + ", element " + i);
            }
            assertEquals(0, maxAntiHermitian(fast, g.dimension()), 0, "exactly Hermitian output");
            // the preconditioner keeps Hermitian input Hermitian (light and full forms)
            for (boolean full : new boolean[] {false, true}) {
                double[] z = new double[y.length];
                new HierarchyPreconditioner(g, 1, full).apply(y, z);
                assertEquals(0, maxAntiHermitian(z, g.dimension()), 0);
            }
        }
    }

    @Test
    void otherHierarchiesTakeTheGeneralPath() {
        var e = ExchangeBathTest.qubit(ExchangeBathTest.plusState());
        assertFalse(new HeomGenerator(e, new BathExponents(e, 0, null, false, ExchangeBathTest.zeroTemperature()), 2)
                .hermitian(), "rotating-wave exchange: raising and lowering through L and L^dagger");
        var level = FermionicLevelTest.level(List.of(FermionicLevelTest.lead("lead", 1, 0, Operators.sigmaMinus())));
        assertFalse(new HeomGenerator(level, new BathExponents(level, 2, null, false, CorrelationSource.BATH_CORRELATIONS), 2)
                .hermitian(), "fermionic lead");
        var underdamped = new OpenSystem(HilbertSpace.of(Subsystem.qubit("q")), Operators.sigmaZ().scale(0.5),
                List.of(new Reservoir("b", ThermalOccupation.bose(1), List.of(new Channel(Channel.Kind.HERMITIAN,
                        Operators.sigmaX(), new Lorentzian(1, 0.5, 0.05))))),
                ComplexMatrix.real(new double[][] {{1, 0}, {0, 0}}), List.of(), List.of(), null);
        assertFalse(new HeomGenerator(underdamped, new BathExponents(underdamped, 1, null, false,
                CorrelationSource.BATH_CORRELATIONS), 2).hermitian(), "a Lorentzian peak: complex rates in conjugate pairs");
    }
}
