package io.coherent.core.special;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** psi(z) and its divided differences against mpmath at 40 digits (fixtures/accuracy/make_digamma_references.py). */
class ComplexDigammaTest {

    @Test
    void matchesMpmath() throws IOException {
        String text;
        try (var in = getClass().getResourceAsStream("/fixtures/accuracy/digamma_references.tsv")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int rows = 0;
        double[] out = new double[2];
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            double xr = Double.parseDouble(f[1]);
            double xi = Double.parseDouble(f[2]);
            double yr = Double.parseDouble(f[3]);
            double yi = Double.parseDouble(f[4]);
            double vr = Double.parseDouble(f[5]);
            double vi = Double.parseDouble(f[6]);
            double bound;
            if (f[0].equals("psi")) {
                ComplexDigamma.psi(xr, xi, out);
                bound = ComplexDigamma.RELATIVE_ERROR * (Math.hypot(vr, vi) + 1 / Math.hypot(xr, xi) + 1);
            } else {
                ComplexDigamma.dividedDifference(xr, xi, yr, yi, out);
                bound = 1e-13 * Math.hypot(vr, vi);
            }
            double error = Math.hypot(out[0] - vr, out[1] - vi);
            assertTrue(error <= bound, line + ": got " + out[0] + " " + out[1] + ", error " + error + " > " + bound);
            rows++;
        }
        assertTrue(rows >= 20);
    }
}
