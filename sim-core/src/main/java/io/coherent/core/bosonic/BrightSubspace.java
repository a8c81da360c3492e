package io.coherent.core.bosonic;

import io.coherent.core.linalg.ComplexMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the mode space into the part the baths can reach and its orthogonal complement, the
 * decoherence-free subspace (DFS). The reachable (bright) space is the Krylov space
 * span{H^m conj(v_k)}: a mode x orthogonal to it has v_k^T H^m x = 0 for all m and k, so it never
 * couples to any bath and evolves as exp(-iHt) x forever (physics notes Sec. 1, the theta = 0 trap).
 */
public record BrightSubspace(ComplexMatrix bright, ComplexMatrix dark) {

    /** Relative size below which a Krylov vector is taken to lie in the span of the previous ones. */
    private static final double DEPENDENCE_TOLERANCE = 1e-11;

    public static BrightSubspace of(BilinearModel model) {
        int n = model.modes();
        ComplexMatrix h = model.hamiltonian();
        List<double[]> basis = new ArrayList<>(); // each entry: [re0..re(n-1), im0..im(n-1)]
        List<double[]> frontier = new ArrayList<>();
        for (Bath b : model.baths()) {
            if (!couples(b)) {
                continue; // J = 0 (e.g. Gamma = 0): the bath reaches nothing, its modes stay undamped
            }
            double[] v = new double[2 * n];
            for (int j = 0; j < n; j++) {
                v[j] = b.coupling().re(0, j);
                v[n + j] = -b.coupling().im(0, j);
            }
            if (addIfIndependent(basis, v, n)) {
                frontier.add(basis.get(basis.size() - 1));
            }
        }
        while (!frontier.isEmpty() && basis.size() < n) {
            List<double[]> next = new ArrayList<>();
            for (double[] x : frontier) {
                if (addIfIndependent(basis, apply(h, x, n), n)) {
                    next.add(basis.get(basis.size() - 1));
                }
            }
            frontier = next;
        }
        int r = basis.size();
        List<double[]> dark = new ArrayList<>();
        List<double[]> all = new ArrayList<>(basis);
        for (int i = 0; i < n && all.size() < n; i++) {
            double[] e = new double[2 * n];
            e[i] = 1;
            if (addIfIndependent(all, e, n)) {
                dark.add(all.get(all.size() - 1));
            }
        }
        return new BrightSubspace(columns(basis, n), columns(dark, n));
    }


    /**
     * Whether the bath's spectral density is not identically zero. A bath with J = 0 damps nothing; counting
     * its coupling vector as bright claimed a unique steady state (Jx = 0) while the dynamics kept Jx = -1 forever.
     */
    static boolean couples(Bath b) {
        if (b.spectralDensity() instanceof io.coherent.core.bath.OhmicFamily o) {
            return o.lambda() != 0;
        }
        if (b.spectralDensity() instanceof io.coherent.core.bath.Flat f) {
            return f.level() != 0;
        }
        return b.spectralDensity().kernel().stream().anyMatch(t -> t.amplitudeRe() != 0 || t.amplitudeIm() != 0);
    }

    public int darkDimension() {
        return dark.cols();
    }

    private static double[] apply(ComplexMatrix h, double[] x, int n) {
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                y[i] += h.re(i, j) * x[j] - h.im(i, j) * x[n + j];
                y[n + i] += h.re(i, j) * x[n + j] + h.im(i, j) * x[j];
            }
        }
        return y;
    }

    /** Modified Gram-Schmidt, applied twice; appends the normalised remainder if it is independent. */
    private static boolean addIfIndependent(List<double[]> basis, double[] v, int n) {
        double original = norm(v, n);
        if (original == 0) {
            return false;
        }
        double[] w = v.clone();
        for (int pass = 0; pass < 2; pass++) {
            for (double[] q : basis) {
                // <q, w> = sum conj(q) w
                double pr = 0;
                double pi = 0;
                for (int j = 0; j < n; j++) {
                    pr += q[j] * w[j] + q[n + j] * w[n + j];
                    pi += q[j] * w[n + j] - q[n + j] * w[j];
                }
                for (int j = 0; j < n; j++) {
                    w[j] -= pr * q[j] - pi * q[n + j];
                    w[n + j] -= pr * q[n + j] + pi * q[j];
                }
            }
        }
        double rest = norm(w, n);
        if (rest <= DEPENDENCE_TOLERANCE * original) {
            return false;
        }
        for (int j = 0; j < 2 * n; j++) {
            w[j] /= rest;
        }
        basis.add(w);
        return true;
    }

    private static double norm(double[] v, int n) {
        double s = 0;
        for (int j = 0; j < 2 * n; j++) {
            s += v[j] * v[j];
        }
        return Math.sqrt(s);
    }

    private static ComplexMatrix columns(List<double[]> vectors, int n) {
        int c = vectors.size();
        double[] re = new double[n * c];
        double[] im = new double[n * c];
        for (int k = 0; k < c; k++) {
            for (int j = 0; j < n; j++) {
                re[j * c + k] = vectors.get(k)[j];
                im[j * c + k] = vectors.get(k)[n + j];
            }
        }
        return ComplexMatrix.of(n, c, re, im);
    }
}
