package io.coherent.core.special;

/**
 * The digamma function psi(z) = Gamma'(z)/Gamma(z) for complex z with Re z &gt; 0 (Hipparchus has only the real
 * one). The recurrence psi(z) = psi(z + 1) - 1/z moves z to |z| &gt;= 10, where the asymptotic series
 * psi(z) = ln z - 1/(2z) - sum_k B_2k/(2k z^2k), k = 1..8, has a remainder below 1e-17 (|arg z| &lt; pi/2: the
 * remainder is at most twice the first omitted term, 3617/8160 |z|^-16). Relative accuracy a few ulp of
 * max(|psi|, sum of the recurrence terms), see {@link #RELATIVE_ERROR}.
 */
public final class ComplexDigamma {
    /** Bound on |computed - psi(z)| / (|psi(z)| + |1/z| + 1) from rounding, used by callers' error estimates. */
    public static final double RELATIVE_ERROR = 64 * 0x1p-52;

    /** B_2k / (2k), k = 1..8. */
    private static final double[] COEFFICIENTS = {
        1.0 / 12, -1.0 / 120, 1.0 / 252, -1.0 / 240, 1.0 / 132, -691.0 / 32760, 1.0 / 12, -3617.0 / 8160};

    private ComplexDigamma() {
    }

    /**
     * psi(re + i im), written to out[0] (real part) and out[1] (imaginary part).
     *
     * @throws IllegalArgumentException if re &lt;= 0 (the callers never need the left half plane)
     */
    public static void psi(double re, double im, double[] out) {
        if (!(re > 0)) {
            throw new IllegalArgumentException("complex digamma implemented for Re z > 0, got " + re);
        }
        double sr = 0;
        double si = 0;
        double xr = re;
        double xi = im;
        while (xr * xr + xi * xi < 100) {
            // subtract 1/x
            double d = xr * xr + xi * xi;
            sr -= xr / d;
            si += xi / d;
            xr += 1;
        }
        // ln x - 1/(2x) - sum c_k x^(-2k)
        double d = xr * xr + xi * xi;
        double ir = xr / d;          // 1/x
        double ii = -xi / d;
        double i2r = ir * ir - ii * ii; // 1/x^2
        double i2i = 2 * ir * ii;
        double pr = 0;
        double pi = 0;
        for (int k = COEFFICIENTS.length - 1; k >= 0; k--) { // Horner in 1/x^2
            double tr = pr * i2r - pi * i2i + COEFFICIENTS[k];
            double ti = pr * i2i + pi * i2r;
            pr = tr;
            pi = ti;
        }
        double qr = pr * i2r - pi * i2i; // times 1/x^2
        double qi = pr * i2i + pi * i2r;
        out[0] = sr + 0.5 * Math.log(d) - 0.5 * ir - qr;
        out[1] = si + Math.atan2(xi, xr) - 0.5 * ii - qi;
    }
}
