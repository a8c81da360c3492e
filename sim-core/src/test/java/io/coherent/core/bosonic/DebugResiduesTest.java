package io.coherent.core.bosonic;

import io.coherent.core.linalg.ComplexEigensystem;
import io.coherent.core.quadrature.QuadratureTolerance;
import org.junit.jupiter.api.Test;

class DebugResiduesTest {
    @Test
    void debug() {
        for (double theta : new double[] {Math.PI / 2, Math.PI / 8, Math.PI / 400}) {
            PseudoModeEmbedding e = new PseudoModeEmbedding(new PartialCollectiveModel(1, 1, 1, 1, 0.1, theta, 1, -Math.PI / 4).toModel());
            ComplexEigensystem es = ComplexEigensystem.of(e.brightSize(), e.brightGeneratorRe(), e.brightGeneratorIm());
            System.out.println("theta " + theta + " nb " + e.brightSize() + " cond " + es.condition() + " norm " + es.norm());
            for (int k = 0; k < es.size(); k++) {
                System.out.println("  lambda " + es.eigenvalueRe(k) + " " + es.eigenvalueIm(k));
            }
            ThermalIntegral.Result r = new ThermalResidues(e).steady();
            System.out.println(" th " + r.thermal().re(0, 1) + " err " + r.thermalError().re(0, 1) + " maxerr " + r.thermalError().maxAbs() + " noiseErr " + r.noiseError().maxAbs());
            SteadyState q = new SteadyStateSolver(new QuadratureTolerance(1e-13, 1e-13, 4000000), SteadyStateSolver.Scheme.QUADRATURE).solve(e);
            System.out.println(" quad " + q.moments().thermal().re(0, 1) + " err " + q.moments().thermalError().re(0, 1));
        }
    }
}
