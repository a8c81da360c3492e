package io.coherent.core.heom;

/**
 * Hermitian ADOs stored in d^2 reals instead of 2 d^2: the diagonal's real parts, and for r &lt; c sqrt(2) Re X_rc at
 * (r, c) and sqrt(2) Im X_rc at (c, r). The sqrt(2) makes packing an isometry (the Euclidean norm of the packed
 * vector is the Frobenius norm of the ADOs, the norm GMRES minimises on the full vector), so GMRES on packed vectors
 * takes the same steps as on the full ones, in half the memory.
 */
final class PackedHermitian {
    private static final double SQRT2 = Math.sqrt(2);

    private PackedHermitian() {
    }

    /** packed := the Hermitian part of every ADO of the flat hierarchy x (blocks of 2 d^2: real parts, imaginary). */
    static void pack(double[] x, double[] packed, int d) {
        int dd = d * d;
        int count = packed.length / dd;
        double h = 0.5 * SQRT2;
        for (int a = 0; a < count; a++) {
            int xo = 2 * a * dd;
            int po = a * dd;
            for (int r = 0; r < d; r++) {
                packed[po + r * (d + 1)] = x[xo + r * (d + 1)];
                for (int c = r + 1; c < d; c++) {
                    int rc = r * d + c;
                    int cr = c * d + r;
                    packed[po + rc] = h * (x[xo + rc] + x[xo + cr]);
                    packed[po + cr] = h * (x[xo + dd + rc] - x[xo + dd + cr]);
                }
            }
        }
    }

    /** x := the Hermitian ADOs stored in packed (every entry of x written). */
    static void unpack(double[] packed, double[] x, int d) {
        int dd = d * d;
        int count = packed.length / dd;
        double h = 1 / SQRT2;
        for (int a = 0; a < count; a++) {
            int xo = 2 * a * dd;
            int po = a * dd;
            for (int r = 0; r < d; r++) {
                x[xo + r * (d + 1)] = packed[po + r * (d + 1)];
                x[xo + dd + r * (d + 1)] = 0;
                for (int c = r + 1; c < d; c++) {
                    int rc = r * d + c;
                    int cr = c * d + r;
                    double re = h * packed[po + rc];
                    double im = h * packed[po + cr];
                    x[xo + rc] = re;
                    x[xo + cr] = re;
                    x[xo + dd + rc] = im;
                    x[xo + dd + cr] = -im;
                }
            }
        }
    }
}
