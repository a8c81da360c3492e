package io.coherent.core.heom;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.linalg.HermitianEigen;
import io.coherent.core.open.Channel;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Reservoir;
import io.coherent.core.bath.ThermalOccupation;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * The fermion parity of a system with fermionic reservoirs: a diagonal grading P = diag(+-1) of the bare basis
 * that H_S and every bosonic coupling conserve and every tunnelling operator L flips (P L P = -L). It is found by
 * two-colouring the basis states: an element &lt;i|O|j&gt; != 0 of an even operator joins i and j in one colour, of
 * an odd one puts them in different colours. A contradiction means some tunnelling operator is not odd: that bath
 * has no exact fermionic hierarchy and is refused with one line.
 */
final class Grading {
    private static final double ZERO = 1e-12;

    private Grading() {
    }

    /** The parity (0 or 1) of each bare basis state; couplings are the reservoirs' combined operators, in order. */
    static int[] of(OpenSystem system, List<ComplexMatrix> couplings) {
        int d = system.dimension();
        int[][] edges = new int[d][d]; // 0 none, 1 same, 2 opposite
        mark(edges, system.hamiltonian(), 1);
        List<Reservoir> reservoirs = system.reservoirs();
        for (int k = 0; k < reservoirs.size(); k++) {
            Reservoir r = reservoirs.get(k);
            boolean fermi = r.occupation().statistics() == ThermalOccupation.Statistics.FERMI;
            if (!fermi) {
                mark(edges, couplings.get(k), 1);
            }
        }
        int[] colour = colour(edges);
        if (colour == null) {
            throw new IllegalStateException("even operators cannot contradict a grading");
        }
        for (int k = 0; k < reservoirs.size(); k++) {
            Reservoir r = reservoirs.get(k);
            if (r.occupation().statistics() != ThermalOccupation.Statistics.FERMI) {
                continue;
            }
            if (r.channels().get(0).kind() != Channel.Kind.EXCHANGE) {
                throw new IllegalStateException("a fermionic reservoir has exchange channels");
            }
            if (!mark(edges, couplings.get(k), 2) || (colour = colour(edges)) == null) {
                throw new InvalidModelException("baths." + r.name() + ".coupling", "with method = heom a fermionic (tunnelling)"
                        + " coupling L must be odd: it must flip a particle-number parity that H_S and the bosonic couplings"
                        + " conserve (a fermionic level's annihilation operator, sigma_minus of a qubit; with several leads and"
                        + " several qubits, with their Jordan-Wigner strings, e.g. sz(a)*sm(b)); this L also has even parts");
            }
        }
        return colour;
    }

    /** An eigenbasis of H_S in which each vector has a definite parity (degenerate eigenspaces rotated by P). */
    static ComplexMatrix adapted(HermitianEigen eig, int[] parity) {
        double[] e = eig.values();
        int d = e.length;
        ComplexMatrix v = eig.vectors();
        double[] p = new double[d];
        for (int i = 0; i < d; i++) {
            p[i] = parity[i] == 0 ? 1 : -1;
        }
        ComplexMatrix pm = ComplexMatrix.diagonal(p);
        double scale = 1;
        for (double x : e) {
            scale = Math.max(scale, Math.abs(x));
        }
        double[] re = v.realParts();
        double[] im = v.imaginaryParts();
        int start = 0;
        for (int i = 1; i <= d; i++) {
            if (i == d || e[i] - e[i - 1] > 1e-10 * scale) {
                int k = i - start;
                if (k > 1) {
                    double[] br = new double[d * k];
                    double[] bi = new double[d * k];
                    for (int r = 0; r < d; r++) {
                        for (int c = 0; c < k; c++) {
                            br[r * k + c] = re[r * d + start + c];
                            bi[r * k + c] = im[r * d + start + c];
                        }
                    }
                    ComplexMatrix block = ComplexMatrix.of(d, k, br, bi);
                    ComplexMatrix w = HermitianEigen.of(block.conjugateTranspose().times(pm).times(block)).vectors();
                    ComplexMatrix rotated = block.times(w);
                    for (int r = 0; r < d; r++) {
                        for (int c = 0; c < k; c++) {
                            re[r * d + start + c] = rotated.re(r, c);
                            im[r * d + start + c] = rotated.im(r, c);
                        }
                    }
                }
                start = i;
            }
        }
        return ComplexMatrix.of(d, d, re, im);
    }

    /** Parity of each column of u under the bare grading (0 when all bare parities are 0). */
    static int[] parities(ComplexMatrix u, int[] bare) {
        int d = bare.length;
        int[] out = new int[d];
        for (int c = 0; c < d; c++) {
            double expectation = 0;
            for (int r = 0; r < d; r++) {
                double w = u.re(r, c) * u.re(r, c) + u.im(r, c) * u.im(r, c);
                expectation += bare[r] == 0 ? w : -w;
            }
            out[c] = expectation >= 0 ? 0 : 1;
        }
        return out;
    }

    private static boolean mark(int[][] edges, ComplexMatrix m, int kind) {
        double cut = ZERO * Math.max(1, m.maxAbs());
        int d = edges.length;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                if (Math.hypot(m.re(i, j), m.im(i, j)) > cut) {
                    if (i == j && kind == 2) {
                        return false;
                    }
                    if (i != j) {
                        if (edges[i][j] != 0 && edges[i][j] != kind) {
                            return false;
                        }
                        edges[i][j] = kind;
                        edges[j][i] = kind;
                    }
                }
            }
        }
        return true;
    }

    /** Two-colouring by breadth-first search; null on a contradiction. */
    private static int[] colour(int[][] edges) {
        int d = edges.length;
        int[] c = new int[d];
        Arrays.fill(c, -1);
        for (int s = 0; s < d; s++) {
            if (c[s] >= 0) {
                continue;
            }
            c[s] = 0;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(s);
            while (!queue.isEmpty()) {
                int i = queue.poll();
                for (int j = 0; j < d; j++) {
                    if (edges[i][j] == 0) {
                        continue;
                    }
                    int want = edges[i][j] == 1 ? c[i] : 1 - c[i];
                    if (c[j] < 0) {
                        c[j] = want;
                        queue.add(j);
                    } else if (c[j] != want) {
                        return null;
                    }
                }
            }
        }
        return c;
    }
}
