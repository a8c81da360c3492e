package io.coherent.core.heom;

import io.coherent.core.bath.ExpansionScheme;
import org.junit.jupiter.api.Test;

class HeomScratchTest {
    @Test
    void explore() {
        var s = HeomModels.twoQubits(1, 1, 0.1, 0.1, 2, 2, 1);
        var src = CorrelationSource.BATH_CORRELATIONS;
        for (boolean term : new boolean[] {false, true}) {
            for (ExpansionScheme sc : new ExpansionScheme[] {ExpansionScheme.PADE, ExpansionScheme.MATSUBARA}) {
                for (int e = 0; e <= 5; e++) {
                    BathExponents b = new BathExponents(s, e, sc, term, src);
                    HeomGenerator g = new HeomGenerator(s, b, 4);
                    var sol = HierarchySteadyState.solve(g, null, 1L << 30);
                    var o = g.observe(0, sol.state());
                    System.out.printf("term %b %s E=%d M=%d p1 %.10f  I %.10f  terms %d%n", term, sc, e, g.exponentCount(),
                            o.value("population.1"), o.value("energy_current.hot"), b.terminators.size());
                }
            }
        }
    }
}
