package io.coherent.core.bosonic;

import io.coherent.core.linalg.ComplexMatrix;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The long-time vacuum (initial-state) part of the occupation matrix. Bright modes decay; modes in the
 * decoherence-free subspace evolve as exp(-i eps_r t) u_r forever, so
 * N_vac(t) -> sum_{r,s} e^{i(eps_r - eps_s)t} conj(P_r) N(0) P_s^T (P_r = u_r u_r^+). Terms with
 * eps_r = eps_s are stationary; the others oscillate forever and the steady state reports their time
 * average (and says so). This is the initial-state dependence of the theta = 0 partial-collective model.
 */
public final class DecoherenceFreeSubspace {
    private static final double DEGENERACY_TOLERANCE = 1e-9;

    private DecoherenceFreeSubspace() {
    }

    /** The stationary vacuum part (N x n, pseudomode rows zero) and whether a time average was needed. */
    public record StationaryPart(ComplexMatrix occupation, boolean timeAveraged) {
    }

    public static StationaryPart stationaryPart(PseudoModeEmbedding embedding) {
        return stationaryPart(embedding.model(), embedding.subspace(), embedding.size());
    }

    /**
     * The same for any dynamics under which the decoherence-free modes evolve unitarily with H (the exact
     * engine and the second-moment master equations): the result has {@code rows} rows, modes first.
     */
    public static StationaryPart stationaryPart(BilinearModel model, BrightSubspace subspace, int rows) {
        int n = model.modes();
        int size = rows;
        ComplexMatrix dark = subspace.dark();
        int d = dark.cols();
        double[] re = new double[size * n];
        double[] im = new double[size * n];
        if (d == 0) {
            return new StationaryPart(ComplexMatrix.of(size, n, re, im), false);
        }
        ComplexMatrix hd = dark.conjugateTranspose().times(model.hamiltonian()).times(dark);
        List<double[]> vectors = new ArrayList<>();
        List<Double> energies = new ArrayList<>();
        eigenpairs(hd, vectors, energies);
        // projectors in the mode basis
        List<ComplexMatrix> projectors = new ArrayList<>();
        for (double[] x : vectors) {
            ComplexMatrix u = dark.times(ComplexMatrix.of(d, 1, java.util.Arrays.copyOf(x, d),
                    java.util.Arrays.copyOfRange(x, d, 2 * d)));
            projectors.add(u.times(u.conjugateTranspose()));
        }
        ComplexMatrix n0 = model.initialOccupation();
        boolean averaged = false;
        double scale = Math.max(1, hd.maxAbs());
        for (int r = 0; r < projectors.size(); r++) {
            for (int s = 0; s < projectors.size(); s++) {
                ComplexMatrix term = conjugate(projectors.get(r)).times(n0).times(transpose(projectors.get(s)));
                if (Math.abs(energies.get(r) - energies.get(s)) > DEGENERACY_TOLERANCE * scale) {
                    averaged |= term.maxAbs() > 1e-14;
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        re[i * n + j] += term.re(i, j);
                        im[i * n + j] += term.im(i, j);
                    }
                }
            }
        }
        return new StationaryPart(ComplexMatrix.of(size, n, re, im), averaged);
    }

    /**
     * Eigenpairs of a Hermitian matrix via its real symmetric embedding [[Re, -Im], [Im, Re]]: each complex
     * eigenvector a + ib appears as (a, b) and again as (-b, a); Gram-Schmidt in C^d keeps one of each pair.
     */
    private static void eigenpairs(ComplexMatrix h, List<double[]> vectors, List<Double> energies) {
        int d = h.rows();
        DMatrixRMaj r = new DMatrixRMaj(2 * d, 2 * d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                r.set(i, j, h.re(i, j));
                r.set(i, j + d, -h.im(i, j));
                r.set(i + d, j, h.im(i, j));
                r.set(i + d, j + d, h.re(i, j));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2 * d, true, true);
        if (!eig.decompose(r)) {
            throw new ArithmeticException("Hermitian eigen-decomposition did not converge");
        }
        for (int k = 0; k < 2 * d && vectors.size() < d; k++) {
            DMatrixRMaj v = eig.getEigenVector(k);
            double[] x = new double[2 * d];
            for (int i = 0; i < 2 * d; i++) {
                x[i] = v.get(i, 0);
            }
            for (double[] q : vectors) {
                double pr = 0;
                double pi = 0;
                for (int j = 0; j < d; j++) {
                    pr += q[j] * x[j] + q[d + j] * x[d + j];
                    pi += q[j] * x[d + j] - q[d + j] * x[j];
                }
                for (int j = 0; j < d; j++) {
                    double xr = x[j];
                    double xi = x[d + j];
                    x[j] = xr - (pr * q[j] - pi * q[d + j]);
                    x[d + j] = xi - (pr * q[d + j] + pi * q[j]);
                }
            }
            double norm = 0;
            for (double c : x) {
                norm += c * c;
            }
            norm = Math.sqrt(norm);
            if (norm > 1e-6) {
                for (int i = 0; i < 2 * d; i++) {
                    x[i] /= norm;
                }
                vectors.add(x);
                energies.add(eig.getEigenvalue(k).real);
            }
        }
    }

    private static ComplexMatrix conjugate(ComplexMatrix m) {
        double[] im = m.imaginaryParts();
        for (int k = 0; k < im.length; k++) {
            im[k] = -im[k];
        }
        return ComplexMatrix.of(m.rows(), m.cols(), m.realParts(), im);
    }

    private static ComplexMatrix transpose(ComplexMatrix m) {
        return conjugate(m.conjugateTranspose());
    }
}
