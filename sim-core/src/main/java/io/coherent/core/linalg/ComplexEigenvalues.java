package io.coherent.core.linalg;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigenvalues of a general (non-Hermitian) complex matrix.
 *
 * <p>EJML decomposes real matrices only, so the complex n x n matrix A is embedded as the real
 * 2n x 2n matrix [[Re A, -Im A], [Im A, Re A]], whose spectrum is spec(A) together with conj(spec(A)).
 * Each candidate mu is kept if |det(A - mu)| <= |det(conj(A) - mu)|, i.e. if it belongs to A rather
 * than to its conjugate. A value that belongs to both (for example a real eigenvalue) is kept twice,
 * which is harmless for the uses here (pole positions and decay rates).
 */
public final class ComplexEigenvalues {
    private ComplexEigenvalues() {
    }

    /** A complex eigenvalue (re, im). */
    public record Eigenvalue(double re, double im) {
    }

    public static List<Eigenvalue> of(ComplexMatrix a) {
        int n = a.rows();
        if (!a.isSquare()) {
            throw new IllegalArgumentException("eigenvalues need a square matrix");
        }
        List<Eigenvalue> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        DMatrixRMaj r = new DMatrixRMaj(2 * n, 2 * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                r.set(i, j, a.re(i, j));
                r.set(i, j + n, -a.im(i, j));
                r.set(i + n, j, a.im(i, j));
                r.set(i + n, j + n, a.re(i, j));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2 * n, false);
        if (!eig.decompose(r)) {
            throw new ArithmeticException("eigenvalue decomposition did not converge");
        }
        double[] are = a.realParts();
        double[] aim = a.imaginaryParts();
        double[] conjIm = new double[aim.length];
        for (int k = 0; k < aim.length; k++) {
            conjIm[k] = -aim[k];
        }
        ComplexLu lu = new ComplexLu(n);
        for (int k = 0; k < 2 * n; k++) {
            Complex_F64 mu = eig.getEigenvalue(k);
            double own = lu.factorise(are, aim, -mu.real, -mu.imaginary) ? lu.logAbsDeterminant() : Double.NEGATIVE_INFINITY;
            double mirror = lu.factorise(are, conjIm, -mu.real, -mu.imaginary) ? lu.logAbsDeterminant() : Double.NEGATIVE_INFINITY;
            if (own <= mirror + 1e-9) {
                out.add(new Eigenvalue(mu.real, mu.imaginary));
            }
        }
        return out;
    }
}
