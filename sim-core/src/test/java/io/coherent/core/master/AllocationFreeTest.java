package io.coherent.core.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.dynamics.Method;
import io.coherent.core.open.OpenSystem;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The right-hand side allocates nothing, in every method and in both the dense and the matrix-product forms; the
 * iterative steady state allocates its few result vectors only, nothing per GMRES step.
 */
class AllocationFreeTest {

    /** Looked up once: ManagementFactory.getThreadMXBean() itself allocates ~0.8 KB per call until compiled. */
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    @Test
    void computeDerivativesAllocatesNothing() {
        OpenSystem small = RedfieldFixtureTest.fixtureModel();
        OpenSystem large = LargeSystemTest.oscillators(1.0, 0.3, 0.05);
        for (OpenSystem s : List.of(small, large)) {
            for (Method m : List.of(Method.REDFIELD, Method.SECULAR, Method.LOCAL_LINDBLAD)) {
                MasterEquationGenerator g = MasterEquations.build(s, m, MasterEquationOptions.DEFAULT);
                double[] y = g.initialState();
                double[] yDot = new double[y.length];
                int calls = s == small ? 20_000 : 20;
                for (int i = 0; i < calls; i++) {
                    g.computeDerivatives(0, y, yDot); // warm-up (JIT, escape analysis)
                }
                long before = allocatedBytes();
                for (int i = 0; i < calls; i++) {
                    g.computeDerivatives(0, y, yDot);
                }
                long bytes = allocatedBytes() - before;
                assertTrue(bytes < 1024, m.id() + " d=" + g.dimension() + " dense=" + g.usesDenseMatrix() + ": " + bytes + " bytes");
            }
        }
        assertEquals(true, MasterEquations.build(small, Method.REDFIELD, MasterEquationOptions.DEFAULT).usesDenseMatrix());
    }

    @Test
    void gmresAllocatesItsResultVectorsOnlyNotPerIteration() {
        OpenSystem s = IterativeSteadyStateTest.qubitOscillator(15, 0.01, 1.0, 0.3);
        MasterEquationGenerator g = MasterEquations.build(s, Method.REDFIELD, MasterEquationOptions.DEFAULT);
        SteadyStateIteration iteration = new SteadyStateIteration(g, (TensorElements) g.dissipator(), Double.NaN);
        iteration.solve(); // warm-up
        long before = allocatedBytes();
        SteadyStateIteration.Result r = iteration.solve();
        long bytes = allocatedBytes() - before;
        int n = g.dimension() * g.dimension();
        // b, x, r, e, rho (2n), the inverse-iteration pair: 8 vectors of n doubles, plus notes; a single vector per
        // GMRES step (dozens of steps in the solve and the error estimate) would exceed this
        assertTrue(r.iterations() > 10, "iterations " + r.iterations());
        assertTrue(bytes < 12L * n * Double.BYTES + 16_384, bytes + " bytes for n = " + n);
    }
}
