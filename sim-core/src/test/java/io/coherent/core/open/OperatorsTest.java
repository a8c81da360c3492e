package io.coherent.core.open;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.linalg.HermitianEigen;
import org.junit.jupiter.api.Test;

class OperatorsTest {

    @Test
    void pauliAlgebraAndLadderConvention() {
        ComplexMatrix x = Operators.sigmaX();
        ComplexMatrix y = Operators.sigmaY();
        ComplexMatrix z = Operators.sigmaZ();
        // [sx, sy] = 2i sz
        assertTrue(x.commutator(y).distance(z.scale(0, 2)) < 1e-15);
        // sigma_+ |g> = |e>, sigma_z|e> = +|e>, with |e> = index 0
        ComplexMatrix e = Operators.basisKet(2, 0);
        ComplexMatrix g = Operators.basisKet(2, 1);
        assertTrue(Operators.sigmaPlus().times(g).distance(e) < 1e-15);
        assertTrue(z.times(e).distance(e) < 1e-15);
        assertTrue(Operators.sigmaPlus().plus(Operators.sigmaMinus()).distance(x) < 1e-15);
    }

    @Test
    void spinCommutationAndCasimir() {
        for (double j : new double[] {0.5, 1, 1.5, 3}) {
            ComplexMatrix jx = Operators.jX(j);
            ComplexMatrix jy = Operators.jY(j);
            ComplexMatrix jz = Operators.jZ(j);
            assertTrue(jx.commutator(jy).distance(jz.scale(0, 1)) < 1e-12, "j=" + j);
            ComplexMatrix casimir = jx.times(jx).plus(jy.times(jy)).plus(jz.times(jz));
            int d = (int) (2 * j + 1);
            assertTrue(casimir.distance(ComplexMatrix.identity(d).scale(j * (j + 1))) < 1e-12, "j=" + j);
        }
        assertTrue(Operators.jZ(0.5).distance(Operators.sigmaZ().scale(0.5)) < 1e-15);
        assertTrue(Operators.jPlus(0.5).distance(Operators.sigmaPlus()) < 1e-15);
    }

    @Test
    void truncatedOscillatorCommutatorIsOneBelowTheCutoff() {
        int c = 6;
        ComplexMatrix a = Operators.annihilation(c);
        ComplexMatrix comm = a.commutator(a.conjugateTranspose());
        for (int n = 0; n < c; n++) {
            assertEquals(1, comm.re(n, n), 1e-12);
        }
        assertEquals(-c, comm.re(c, c), 1e-12); // truncation artefact in the last level
        assertTrue(a.conjugateTranspose().times(a).distance(Operators.number(c)) < 1e-12);
    }

    @Test
    void embeddingFollowsTheSpaceOrder() {
        HilbertSpace space = HilbertSpace.of(Subsystem.qubit("a"), Subsystem.oscillator("m", 2));
        ComplexMatrix za = Operators.embed(space, "a", Operators.sigmaZ());
        assertEquals(6, za.rows());
        assertEquals(1, za.re(2, 2), 0);
        assertEquals(-1, za.re(3, 3), 0);
        ComplexMatrix nm = Operators.embed(space, "m", Operators.number(2));
        assertEquals(2, nm.re(5, 5), 0);
        assertEquals(1, nm.re(1, 1), 0);
        InvalidModelException ex = assertThrows(InvalidModelException.class,
                () -> Operators.embed(space, "m", Operators.sigmaZ()));
        assertEquals("subsystems.m", ex.field());
    }

    @Test
    void gibbsStateOfAQubitAndDegenerateEigenvectors() {
        double w = 1.3;
        double t = 0.7;
        ComplexMatrix h = Operators.sigmaZ().scale(w / 2);
        ComplexMatrix rho = Operators.gibbs(h, t);
        double pe = 1 / (1 + Math.exp(w / t));
        assertEquals(pe, rho.re(0, 0), 1e-14);
        assertEquals(1 - pe, rho.re(1, 1), 1e-14);
        // Degenerate complex Hermitian matrix: sigma_y (x) 1 has two doubly degenerate levels.
        ComplexMatrix hy = Operators.sigmaY().kron(ComplexMatrix.identity(2));
        HermitianEigen eig = HermitianEigen.of(hy);
        ComplexMatrix u = eig.vectors();
        assertTrue(u.conjugateTranspose().times(u).distance(ComplexMatrix.identity(4)) < 1e-12);
        ComplexMatrix back = u.times(ComplexMatrix.diagonal(eig.values())).times(u.conjugateTranspose());
        assertTrue(back.distance(hy) < 1e-12);
        assertEquals(-1, eig.values()[0], 1e-12);
        assertEquals(1, eig.values()[3], 1e-12);
        // T = 0: uniform over the degenerate ground manifold
        ComplexMatrix ground = Operators.gibbs(hy, 0);
        assertEquals(1, ground.traceRe(), 1e-12);
        assertTrue(ground.times(ground).distance(ground.scale(0.5)) < 1e-12);
    }

    @Test
    void grandCanonicalStateWeighsParticleNumber() {
        ComplexMatrix n = Operators.number(1);
        ComplexMatrix h = n.scale(2.0);
        ComplexMatrix rho = Operators.grandCanonical(h, n, 0.5, 1.0);
        double p1 = 1 / (1 + Math.exp((2.0 - 1.0) / 0.5));
        assertEquals(p1, rho.re(1, 1), 1e-14);
    }
}
