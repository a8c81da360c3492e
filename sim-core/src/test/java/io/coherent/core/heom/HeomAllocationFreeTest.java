package io.coherent.core.heom;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The hierarchy's right-hand side (general and Hermitian path) and its preconditioner allocate nothing (hermitian and exchange baths). */
class HeomAllocationFreeTest {

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void rightHandSideAndPreconditionerAllocateNothing() {
        var s = HeomModels.twoQubits(1, 1.1, 0.1, 0.1, 2, 2, 1);
        HeomGenerator g = new HeomGenerator(s, new BathExponents(s, 2, null, true, CorrelationSource.BATH_CORRELATIONS), 3);
        var e = ExchangeBathTest.qubit(ExchangeBathTest.plusState());
        HeomGenerator x = new HeomGenerator(e, new BathExponents(e, 0, null, false, ExchangeBathTest.zeroTemperature()), 4);
        for (HeomGenerator h : new HeomGenerator[] {g, x}) {
            double[] y = h.initialState();
            double[] yDot = new double[y.length];
            HierarchyPreconditioner p = new HierarchyPreconditioner(h, 1, true);
            for (int i = 0; i < 3000; i++) {
                h.computeDerivatives(0, y, yDot); // warm-up (JIT, escape analysis)
                p.apply(y, yDot);
                if (h.hermitian()) {
                    h.derivativesOfHermitian(y, yDot);
                }
            }
            long before = allocatedBytes();
            for (int i = 0; i < 300; i++) {
                h.computeDerivatives(0, y, yDot);
                p.apply(y, yDot);
                if (h.hermitian()) {
                    h.derivativesOfHermitian(y, yDot);
                }
            }
            long bytes = allocatedBytes() - before;
            assertTrue(bytes < 1024, h.adoCount() + " ADOs: " + bytes + " bytes");
        }
    }
}
