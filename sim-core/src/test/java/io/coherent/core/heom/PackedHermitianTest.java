package io.coherent.core.heom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The packed storage GMRES uses on Hermitian hierarchies: an isometry from Hermitian ADOs (GMRES takes the same
 * steps as on full vectors) whose pack is the orthogonal projection on the Hermitian part, against the definitions
 * written out here with full vectors.
 */
class PackedHermitianTest {
    private static final int D = 3;
    private static final int ADOS = 5;

    private static double[] random(Random r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** (X + X^dagger) / 2 of every ADO, written from the definition. */
    private static double[] hermitianPart(double[] x) {
        int dd = D * D;
        double[] h = new double[x.length];
        for (int a = 0; a < ADOS; a++) {
            int o = 2 * a * dd;
            for (int r = 0; r < D; r++) {
                for (int c = 0; c < D; c++) {
                    h[o + r * D + c] = 0.5 * (x[o + r * D + c] + x[o + c * D + r]);
                    h[o + dd + r * D + c] = 0.5 * (x[o + dd + r * D + c] - x[o + dd + c * D + r]);
                }
            }
        }
        return h;
    }

    @Test
    void packingIsAnIsometryOfHermitianAdosAndProjectsTheRest() {
        Random r = new Random(7);
        int n = 2 * D * D * ADOS;
        double[] x = random(r, n);
        double[] y = random(r, n);
        double[] hx = hermitianPart(x);
        double[] hy = hermitianPart(y);
        double[] px = new double[n / 2];
        double[] py = new double[n / 2];
        PackedHermitian.pack(x, px, D);
        PackedHermitian.pack(y, py, D);
        // inner products (hence norms, Gram-Schmidt, GMRES's residuals) are those of the Hermitian parts
        assertEquals(dot(hx, hy), dot(px, py), 1e-13 * Math.sqrt(dot(hx, hx) * dot(hy, hy)));
        assertEquals(dot(hx, hx), dot(px, px), 1e-13 * dot(hx, hx));
        // unpack gives the Hermitian part back exactly, and packing it again changes nothing
        double[] back = new double[n];
        java.util.Arrays.fill(back, Double.NaN); // every entry must be written
        PackedHermitian.unpack(px, back, D);
        for (int i = 0; i < n; i++) {
            assertEquals(hx[i], back[i], 1e-15, "entry " + i);
        }
        double[] again = new double[n / 2];
        PackedHermitian.pack(back, again, D);
        for (int i = 0; i < n / 2; i++) {
            assertEquals(px[i], again[i], 1e-15, "packed entry " + i);
        }
    }
}
