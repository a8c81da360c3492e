package io.coherent.core.heom;

import io.coherent.core.bath.InvalidModelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The index set of the hierarchy: one auxiliary density operator (ADO) per multi-index n = (n_1, ..., n_M) over the
 * M bath exponents, with sum of bosonic n_m &lt;= depth and, for fermionic exponents, n_m in {0, 1} (Pauli) with
 * their sum &lt;= depth. The ADOs are ordered by tier |n| (the physical density matrix, n = 0, first), and the
 * neighbour tables n +- e_m with their coupling factors are precomputed, so that the right-hand side only looks
 * numbers up.
 *
 * <p>Scaling: the stored ADOs are rho~_n = rho_n / prod_m sqrt(n_m! s_m^{n_m}) with s_m the size of exponent m's
 * coefficients, so that the upward and downward couplings have the same size (Shi et al., J. Chem. Phys. 130,
 * 084105 (2009)); the physical density matrix is unscaled. The up factor (to n + e_m) is then sqrt((n_m + 1) s_m)
 * and the down factor (to n - e_m) sqrt(n_m / s_m); for fermionic exponents these carry the sign (-1)^(number of
 * occupied fermionic exponents before m) of the ordered product of Grassmann-odd indices (Jin, Zheng, Yan,
 * J. Chem. Phys. 128, 234703 (2008), Eq. 14; HierarchicalEOM.jl's convention).
 */
final class AuxiliaryDensityOperators {
    final int count;
    final int modes;
    final int depth;
    /** Index of n + e_m, or -1: [i * modes + m]. */
    final int[] up;
    /** Index of n - e_m, or -1. */
    final int[] down;
    final double[] upFactor;
    final double[] downFactor;
    /** |n| (bosonic plus fermionic). */
    final int[] tier;
    /** Number of occupied fermionic exponents of each ADO (its parity relative to the physical density matrix). */
    final int[] fermionLevel;
    private final int[][] indices;
    private final Map<Key, Integer> position;

    AuxiliaryDensityOperators(boolean[] fermionic, double[] scale, int depth) {
        this.modes = fermionic.length;
        this.depth = depth;
        List<int[]> all = new ArrayList<>();
        enumerate(fermionic, depth, new int[modes], 0, 0, 0, all);
        all.sort(Comparator.comparingInt(AuxiliaryDensityOperators::sum));
        this.count = all.size();
        this.indices = all.toArray(new int[0][]);
        position = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            position.put(new Key(indices[i]), i);
        }
        up = new int[count * modes];
        down = new int[count * modes];
        upFactor = new double[count * modes];
        downFactor = new double[count * modes];
        tier = new int[count];
        fermionLevel = new int[count];
        for (int i = 0; i < count; i++) {
            int[] n = indices[i].clone();
            tier[i] = sum(n);
            int occupied = 0;
            for (int m = 0; m < modes; m++) {
                if (fermionic[m]) {
                    fermionLevel[i] += n[m];
                }
            }
            for (int m = 0; m < modes; m++) {
                int k = i * modes + m;
                double sign = fermionic[m] && occupied % 2 == 1 ? -1 : 1;
                n[m]++;
                Integer j = position.get(new Key(n));
                n[m]--;
                up[k] = j == null ? -1 : j;
                upFactor[k] = j == null ? 0 : sign * (fermionic[m] ? Math.sqrt(scale[m]) : Math.sqrt((n[m] + 1) * scale[m]));
                if (n[m] > 0) {
                    n[m]--;
                    down[k] = position.get(new Key(n));
                    n[m]++;
                    downFactor[k] = sign * (fermionic[m] ? 1 / Math.sqrt(scale[m]) : Math.sqrt(n[m] / scale[m]));
                } else {
                    down[k] = -1;
                }
                if (fermionic[m]) {
                    occupied += n[m];
                }
            }
        }
    }

    /** The position of multi-index n, or -1 if it is not in this hierarchy. */
    int find(int[] n) {
        if (n.length != modes) {
            return -1;
        }
        Integer i = position.get(new Key(n));
        return i == null ? -1 : i;
    }

    /** The multi-index of ADO i (a copy). */
    int[] index(int i) {
        return indices[i].clone();
    }

    /**
     * The number of ADOs of a hierarchy with these exponents and depth, C(Mb + depth, depth) * sum_{k &lt;= depth}
     * C(Mf, k), without building it; Long.MAX_VALUE when it overflows.
     */
    static long count(int bosonicModes, int fermionicModes, int depth) {
        double bosonic = 1;
        for (int k = 1; k <= depth; k++) {
            bosonic = bosonic * (bosonicModes + k) / k;
        }
        double fermionic = 0;
        double binomial = 1;
        for (int k = 0; k <= Math.min(depth, fermionicModes); k++) {
            fermionic += binomial;
            binomial = binomial * (fermionicModes - k) / (k + 1);
        }
        double total = Math.rint(bosonic * fermionic);
        return total >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE : (long) total;
    }

    /**
     * The most auxiliary density operators a hierarchy may have: beyond it the flat arrays (count x d^2 x 2
     * doubles, and the preconditioner's blocks) could no longer be indexed by int.
     */
    static final long MAX_COUNT = Integer.MAX_VALUE / 64;

    private static void enumerate(boolean[] fermionic, int depth, int[] n, int m, int bosons, int fermions, List<int[]> out) {
        if (m == n.length) {
            out.add(n.clone());
            return;
        }
        int max = fermionic[m] ? Math.min(1, depth - fermions) : depth - bosons;
        for (int k = 0; k <= max; k++) {
            n[m] = k;
            enumerate(fermionic, depth, n, m + 1, bosons + (fermionic[m] ? 0 : k), fermions + (fermionic[m] ? k : 0), out);
        }
        n[m] = 0;
    }

    private static int sum(int[] n) {
        int s = 0;
        for (int x : n) {
            s += x;
        }
        return s;
    }

    private record Key(int[] n) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(n, k.n);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(n);
        }
    }
}
