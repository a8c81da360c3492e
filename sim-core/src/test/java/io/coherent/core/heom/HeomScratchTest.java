package io.coherent.core.heom;

import org.junit.jupiter.api.Test;

class HeomScratchTest {
    @Test
    void explore() {
        var s = HeomModels.twoQubits(1, 1, 0.1, 0.1, 1, 2, 1);
        var src = CorrelationSource.BATH_CORRELATIONS;
        for (int rep = 0; rep < 4; rep++) {
            for (int depth = 5; depth <= 7; depth += 2) {
                BathExponents b = new BathExponents(s, 2, null, true, src);
                HeomGenerator g = new HeomGenerator(s, b, depth);
                long t0 = System.nanoTime();
                HierarchyPreconditioner p = new HierarchyPreconditioner(g, 1, true);
                long t1 = System.nanoTime();
                var sol = HierarchySteadyState.solve(g, null, 1L << 30);
                long t2 = System.nanoTime();
                double[] y = g.initialState();
                double[] dy = new double[y.length];
                long t3 = System.nanoTime();
                for (int k = 0; k < 100; k++) {
                    g.computeDerivatives(0, y, dy);
                }
                long t4 = System.nanoTime();
                System.out.printf("depth %d ados %d: precond %.1f ms, solve %.1f ms (%d it), rhs %.3f ms%n", depth, g.adoCount(),
                        (t1 - t0) / 1e6, (t2 - t1) / 1e6, sol.iterations(), (t4 - t3) / 1e8);
            }
        }
        for (int rep = 0; rep < 2; rep++) {
            long t0 = System.nanoTime();
            HeomSteadyState r = Heom.steadyState(s, HeomOptions.DEFAULT, src);
            long t1 = System.nanoTime();
            System.out.println("auto: " + (t1 - t0) / 1e6 + " ms " + r.converged() + " " + r.hierarchy().levels());
        }
    }
}
