package io.coherent.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearAlgebraTest {

    @Test
    void luSolveInvertsMatrixProduct() {
        ComplexMatrix a = ComplexMatrix.fromParts(new double[][] {{0, 2, 1}, {1, -1, 0.5}, {3, 0.2, 1}},
                new double[][] {{1, 0, -1}, {0.3, 0, 2}, {0, -0.7, 0}});
        ComplexMatrix x = ComplexMatrix.fromParts(new double[][] {{1}, {-2}, {0.5}}, new double[][] {{0.25}, {1}, {-3}});
        ComplexMatrix b = a.times(x);
        ComplexLu lu = new ComplexLu(3);
        assertTrue(lu.factorise(a.realParts(), a.imaginaryParts(), 0, 0));
        double[] re = b.realParts();
        double[] im = b.imaginaryParts();
        lu.solveInPlace(re, im);
        for (int i = 0; i < 3; i++) {
            assertEquals(x.re(i, 0), re[i], 1e-13);
            assertEquals(x.im(i, 0), im[i], 1e-13);
        }
    }

    @Test
    void thePivotRatioOfATriangularMatrixIsThatOfItsDiagonal() {
        // upper triangular: no row exchange, U is the matrix itself, |u| = 2, 5 (3+4i), 1e-3
        ComplexLu lu = new ComplexLu(3);
        assertTrue(lu.factorise(new double[] {2, 7, 1, 0, 3, -2, 0, 0, 1e-3}, new double[] {0, 1, 0, 0, 4, 0, 0, 0, 0},
                0, 0));
        assertEquals(1e-3 / 5, lu.pivotRatio(), 1e-18);
        assertEquals(0, PivotRatio.of(2, i -> i == 0 ? 3 : 0));
        assertEquals(1, PivotRatio.of(3, i -> 2.5));
    }

    @Test
    void eigenvaluesOfTriangularComplexMatrixAreItsDiagonal() {
        ComplexMatrix a = ComplexMatrix.fromParts(new double[][] {{-0.1, 5, 2}, {0, -1, 3}, {0, 0, 2}},
                new double[][] {{-1, 1, 0}, {0, 0.5, 1}, {0, 0, -3}});
        List<ComplexEigenvalues.Eigenvalue> e = ComplexEigenvalues.of(a).stream()
                .sorted(Comparator.comparingDouble(ComplexEigenvalues.Eigenvalue::re)).toList();
        assertEquals(3, e.size());
        assertEquals(-1, e.get(0).re(), 1e-10);
        assertEquals(0.5, e.get(0).im(), 1e-10);
        assertEquals(-0.1, e.get(1).re(), 1e-10);
        assertEquals(-1, e.get(1).im(), 1e-10);
        assertEquals(2, e.get(2).re(), 1e-10);
        assertEquals(-3, e.get(2).im(), 1e-10);
    }
}
