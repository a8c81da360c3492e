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

    /** Bernoulli numbers B_2k/(2k)!, k = 1..8, for the Euler-Maclaurin tail of the Hurwitz zeta function. */
    private static final double[] EULER_MACLAURIN = {
        1.0 / 12, -1.0 / 720, 1.0 / 30240, -1.0 / 1209600, 1.0 / 47900160, -691.0 / 1307674368000.0,
        1.0 / 74724249600.0, -3617.0 / 10670622842880000.0};

    private ComplexDigamma() {
    }

    private static double abs(double re, double im) {
        return Math.sqrt(re * re + im * im);
    }

    /**
     * The divided difference [psi(x) - psi(y)]/(x - y) (psi'(x) at x = y), both arguments with Re &gt; 0, written
     * to out. Far apart it is the difference quotient; close together (|x - y| &lt; |x + y|/20) the series
     * sum_k 1/((k + x)(k + y)): its first K terms directly, the rest as sum_j h^2j zeta(2j + 2, m + K) with
     * m = (x + y)/2, h = (x - y)/2 and the Hurwitz zeta function from Euler-Maclaurin at |m + K| &gt;= 10, so that a
     * double pole (coinciding poles of a spectral density and of the dynamics) loses no accuracy.
     */
    public static void dividedDifference(double xr, double xi, double yr, double yi, double[] out) {
        double dr = xr - yr;
        double di = xi - yi;
        double mr = 0.5 * (xr + yr);
        double mi = 0.5 * (xi + yi);
        double dAbs = abs(dr, di);
        if (dAbs >= 0.1 * abs(mr, mi)) {
            double[] a = new double[2];
            psi(xr, xi, a);
            psi(yr, yi, out);
            double nr = a[0] - out[0];
            double ni = a[1] - out[1];
            double d2 = dr * dr + di * di;
            out[0] = (nr * dr + ni * di) / d2;
            out[1] = (ni * dr - nr * di) / d2;
            return;
        }
        double sr = 0;
        double si = 0;
        double ar = xr;
        double ai = xi;
        double br = yr;
        double bi = yi;
        while (mr * mr + mi * mi < 100) {
            // + 1/((k + x)(k + y))
            double pr = ar * br - ai * bi;
            double pi = ar * bi + ai * br;
            double p2 = pr * pr + pi * pi;
            sr += pr / p2;
            si -= pi / p2;
            ar += 1;
            br += 1;
            mr += 1;
        }
        // tail: sum_j h^2j zeta(2j + 2, m) = (1/m) sum_j (h/m)^2j [m^(2j+1) zeta(2j + 2, m)], no overflow for large m
        double md = mr * mr + mi * mi;
        double imr = mr / md; // 1/m
        double imi = -mi / md;
        double ur = 0.5 * (dr * imr - di * imi); // u = h/m
        double ui = 0.5 * (dr * imi + di * imr);
        double u2r = ur * ur - ui * ui;
        double u2i = 2 * ur * ui;
        double[] z = new double[2];
        double powR = imr; // (1/m) u^2j
        double powI = imi;
        for (int j = 0; j < 12; j++) {
            scaledHurwitz(2 * j + 2, mr, mi, z);
            sr += powR * z[0] - powI * z[1];
            si += powR * z[1] + powI * z[0];
            double t = powR * u2r - powI * u2i;
            powI = powR * u2i + powI * u2r;
            powR = t;
            if (abs(powR, powI) < 1e-18 * abs(imr, imi)) {
                break;
            }
        }
        out[0] = sr;
        out[1] = si;
    }

    /** z^(s-1) zeta(s, z), zeta(s, z) = sum_k (k + z)^-s, integer s &gt;= 2, |z| &gt;= 10, Re z &gt; 0 (Euler-Maclaurin). */
    private static void scaledHurwitz(int s, double zr, double zi, double[] out) {
        double d = zr * zr + zi * zi;
        double ir = zr / d; // 1/z
        double ii = -zi / d;
        // 1/(s-1) + 1/(2z) + sum_k B_2k/(2k)! (s)_(2k-1) z^(-2k)
        double sr = 1.0 / (s - 1) + 0.5 * ir;
        double si = 0.5 * ii;
        double i2r = ir * ir - ii * ii;
        double i2i = 2 * ir * ii;
        double tr = 1;
        double ti = 0;
        double pochhammer = 1;
        for (int k = 1; k <= EULER_MACLAURIN.length; k++) {
            double t = tr * i2r - ti * i2i;
            ti = tr * i2i + ti * i2r;
            tr = t;
            int lo = s + 2 * k - 3; // (s)_(2k-1) = (s)_(2k-3) (s + 2k - 3)(s + 2k - 2)
            pochhammer *= k == 1 ? s : (double) lo * (lo + 1);
            double c = EULER_MACLAURIN[k - 1] * pochhammer;
            sr += c * tr;
            si += c * ti;
        }
        out[0] = sr;
        out[1] = si;
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
