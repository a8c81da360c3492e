package io.coherent.core.master;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.linalg.ComplexMatrix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Bloch-Redfield dissipator of one or several reservoirs in matrix-product form, in a given orthonormal
 * basis |m> with energies E_m (the H_S eigenbasis for Redfield and secular, the local-Hamiltonian eigenbasis
 * for local Lindblad).
 *
 * <p>From the shared Redfield equation (brief; Breuer-Petruccione Eq. 3.118 with our C_ab(s) = &lt;B_a(s)B_b(0)&gt;)
 * D(rho) = - sum_ab int_0^inf ds { C_ab(s) [A_a, A_b(-s) rho] - C_ba(-s) [A_a, rho A_b(-s)] }.
 * With the rate-dressed operators (Lambda_a)_mn = sum_b (A_b)_mn Gamma_ab(-w_mn), w_mn = E_m - E_n, and
 * P = sum_a A_a Lambda_a, the second term's operators are Lambda_a^+ (for Hermitian couplings gamma_ab, S_ab are
 * real symmetric; exchange terms pair L with L^+), so
 * <pre>  D(rho) = -P rho - rho P^+ + sum_a (Lambda_a rho A_a + A_a^+ rho Lambda_a^+) = F + F^+,
 *   F = -P rho + sum_a Lambda_a (rho A_a)    (rho Hermitian),</pre>
 * which costs 1 + 2K complex d x d products for K terms (O(K d^3)) instead of a d^2 x d^2 tensor. The tensor
 * element R_{mn,kl} = -P_mk delta_ln - delta_mk conj(P_nl) + sum_a [(Lambda_a)_mk (A_a)_ln + conj((A_a)_km) conj((Lambda_a)_nl)]
 * is available for the secular (Davies) projection.
 */
final class RedfieldTensor implements Dissipator, TensorElements {
    /** Coupling-operator elements below this fraction of the largest are rounding noise of the basis change. */
    static final double NUMERICAL_ZERO = 1e-14;

    private final int d;
    private final double[][] aRe;
    private final double[][] aIm;
    private final double[][] lRe;
    private final double[][] lIm;
    private final double[] pRe;
    private final double[] pIm;
    private final double generatorError;
    private final double[] t1Re;
    private final double[] t1Im;
    private final double[] fRe;
    private final double[] fIm;
    private final double[] t2Re;
    private final double[] t2Im;

    private RedfieldTensor(int d, List<double[][]> operators, List<double[][]> dressed, double generatorError) {
        this.d = d;
        int k = operators.size();
        aRe = new double[k][];
        aIm = new double[k][];
        lRe = new double[k][];
        lIm = new double[k][];
        pRe = new double[d * d];
        pIm = new double[d * d];
        double[] tr = new double[d * d];
        double[] ti = new double[d * d];
        for (int a = 0; a < k; a++) {
            aRe[a] = operators.get(a)[0];
            aIm[a] = operators.get(a)[1];
            lRe[a] = dressed.get(a)[0];
            lIm[a] = dressed.get(a)[1];
            DenseOps.multiply(d, aRe[a], aIm[a], lRe[a], lIm[a], tr, ti);
            for (int i = 0; i < d * d; i++) {
                pRe[i] += tr[i];
                pIm[i] += ti[i];
            }
        }
        this.generatorError = generatorError;
        t1Re = new double[d * d];
        t1Im = new double[d * d];
        fRe = new double[d * d];
        fIm = new double[d * d];
        t2Re = new double[d * d];
        t2Im = new double[d * d];
    }

    /**
     * Builds the dressed operators of one reservoir in the basis with the given energies and vectors (columns of
     * basis, in the bare basis). Bohr frequencies with |w| &lt;= zeroTolerance are taken as exactly 0.
     *
     * @param shiftedByError add to every principal value S_ab(w) its quadrature error estimate (the perturbed
     *                       generator whose steady state measures the first-order sensitivity to the quadrature)
     */
    static RedfieldTensor of(CorrelationSpectrum spectrum, double[] energies, ComplexMatrix basis,
                             MasterEquationOptions options, boolean shiftedByError) {
        int d = energies.length;
        ComplexMatrix basisH = basis.conjugateTranspose();
        List<CorrelationSpectrum.Term> terms = spectrum.terms();
        int k = terms.size();
        List<double[][]> ops = new ArrayList<>();
        for (CorrelationSpectrum.Term t : terms) {
            ComplexMatrix local = basisH.times(t.operator()).times(basis);
            double[] re = local.realParts();
            double[] im = local.imaginaryParts();
            // Elements that vanish by symmetry (e.g. a + a^+ between number sectors) come out of the basis change as
            // rounding noise ~1e-17; setting them to exact zeros lets the products skip them (a ~7x speed-up at
            // d = 100) at a relative cost of 1e-14.
            double floor = NUMERICAL_ZERO * local.maxAbs();
            for (int i = 0; i < re.length; i++) {
                if (Math.hypot(re[i], im[i]) < floor) {
                    re[i] = 0;
                    im[i] = 0;
                }
            }
            ops.add(new double[][] {re, im});
        }
        double scale = 1;
        for (double e : energies) {
            scale = Math.max(scale, Math.abs(e));
        }
        double zero = Math.max(options.secularTolerance(), 1e-12 * scale);
        Map<Long, CorrelationSpectrum.LambShift> shifts = new HashMap<>();
        double worstShiftError = 0;
        List<double[][]> dressed = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            dressed.add(new double[][] {new double[d * d], new double[d * d]});
        }
        String name = spectrum.reservoir().name();
        for (int m = 0; m < d; m++) {
            for (int n = 0; n < d; n++) {
                int mn = m * d + n;
                double w = energies[m] - energies[n];
                if (Math.abs(w) <= zero) {
                    w = 0;
                }
                double x = -w; // Gamma_ab(-w_mn)
                CorrelationSpectrum.LambShift shift = null;
                for (int a = 0; a < k; a++) {
                    double sr = 0;
                    double si = 0;
                    for (int b = 0; b < k; b++) {
                        double br = ops.get(b)[0][mn];
                        double bi = ops.get(b)[1][mn];
                        if (br == 0 && bi == 0) {
                            continue;
                        }
                        double g = spectrum.gamma(a, b, x);
                        if (!Double.isFinite(g)) {
                            throw new InvalidModelException("baths." + name + ".spectral_density",
                                    "the rate gamma(w) diverges at w = " + x + " (n(w) ~ T/w with J(0) > 0 or a sub-Ohmic density)"
                                    + " and the coupling has matrix elements at that Bohr frequency");
                        }
                        double s = 0;
                        if (options.lambShift()) {
                            if (shift == null) {
                                long key = zero > 0 ? Math.round(x / zero) : Double.doubleToLongBits(x);
                                final double xf = x;
                                shift = shifts.computeIfAbsent(key, kk -> spectrum.lambShift(xf, options.quadrature()));
                            }
                            s = shift.values()[a * k + b] + (shiftedByError ? shift.errors()[a * k + b] : 0);
                            worstShiftError = Math.max(worstShiftError, shift.errors()[a * k + b] * Math.hypot(br, bi));
                        }
                        // (A_b)_mn (g/2 + i s)
                        sr += br * 0.5 * g - bi * s;
                        si += bi * 0.5 * g + br * s;
                    }
                    dressed.get(a)[0][mn] = sr;
                    dressed.get(a)[1][mn] = si;
                }
            }
        }
        double opNorm = 0;
        for (double[][] op : ops) {
            opNorm = Math.max(opNorm, frobenius(op));
        }
        // |delta D| <= 2 sum_a ||A_a|| ||delta Lambda_a|| with ||delta Lambda_a|| <= d * K * worst element error
        double error = 2 * k * opNorm * d * k * worstShiftError;
        return new RedfieldTensor(d, ops, dressed, error);
    }

    private static double frobenius(double[][] op) {
        double s = 0;
        for (int i = 0; i < op[0].length; i++) {
            s += op[0][i] * op[0][i] + op[1][i] * op[1][i];
        }
        return Math.sqrt(s);
    }

    /** All terms of several reservoirs in one matrix-product form (the reservoirs are uncorrelated). */
    static RedfieldTensor combine(List<RedfieldTensor> parts) {
        int d = parts.get(0).d;
        List<double[][]> ops = new ArrayList<>();
        List<double[][]> dressed = new ArrayList<>();
        double error = 0;
        for (RedfieldTensor p : parts) {
            for (int a = 0; a < p.aRe.length; a++) {
                ops.add(new double[][] {p.aRe[a], p.aIm[a]});
                dressed.add(new double[][] {p.lRe[a], p.lIm[a]});
            }
            error += p.generatorError;
        }
        return new RedfieldTensor(d, ops, dressed, error);
    }

    int dimension() {
        return d;
    }

    /** Bound on the operator-norm error of D from the Lamb-shift quadrature errors (0 with real rates only). */
    double generatorError() {
        return generatorError;
    }

    @Override
    public void addTo(double[] rho, double[] out) {
        int dd = d * d;
        // F = -P rho + sum_a Lambda_a (rho A_a); rho's imaginary half starts at dd
        multiplyOffset(pRe, pIm, rho, 0, dd, fRe, fIm);
        for (int i = 0; i < dd; i++) {
            fRe[i] = -fRe[i];
            fIm[i] = -fIm[i];
        }
        for (int a = 0; a < aRe.length; a++) {
            rhoTimes(rho, aRe[a], aIm[a], t1Re, t1Im);
            DenseOps.multiply(d, lRe[a], lIm[a], t1Re, t1Im, t2Re, t2Im);
            for (int i = 0; i < dd; i++) {
                fRe[i] += t2Re[i];
                fIm[i] += t2Im[i];
            }
        }
        DenseOps.addHermitianPart(d, fRe, fIm, out);
    }

    /** c = m * rho with rho read from the flat state (re at 0, im at dd). */
    private void multiplyOffset(double[] mRe, double[] mIm, double[] rho, int re, int im, double[] cRe, double[] cIm) {
        java.util.Arrays.fill(cRe, 0);
        java.util.Arrays.fill(cIm, 0);
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                double ar = mRe[i * d + k];
                double ai = mIm[i * d + k];
                if (ar == 0 && ai == 0) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    double br = rho[re + k * d + j];
                    double bi = rho[im + k * d + j];
                    cRe[i * d + j] += ar * br - ai * bi;
                    cIm[i * d + j] += ar * bi + ai * br;
                }
            }
        }
    }

    /** c = rho * a (rho from the flat state); loops over rho's rows so that zeros in a are skipped per entry. */
    private void rhoTimes(double[] rho, double[] bRe, double[] bIm, double[] cRe, double[] cIm) {
        int dd = d * d;
        java.util.Arrays.fill(cRe, 0);
        java.util.Arrays.fill(cIm, 0);
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < d; j++) {
                double ar = bRe[k * d + j];
                double ai = bIm[k * d + j];
                if (ar == 0 && ai == 0) {
                    continue;
                }
                for (int i = 0; i < d; i++) {
                    double rr = rho[i * d + k];
                    double ri = rho[dd + i * d + k];
                    cRe[i * d + j] += rr * ar - ri * ai;
                    cIm[i * d + j] += rr * ai + ri * ar;
                }
            }
        }
    }

    /** 2 (||P||_F + sum_a ||Lambda_a||_F ||A_a||_F) from D = F + F^+, F = -P rho + sum_a Lambda_a rho A_a. */
    @Override
    public double normBound() {
        double s = frobenius(new double[][] {pRe, pIm});
        for (int a = 0; a < aRe.length; a++) {
            s += frobenius(new double[][] {lRe[a], lIm[a]}) * frobenius(new double[][] {aRe[a], aIm[a]});
        }
        return 2 * s;
    }

    @Override
    public long cost() {
        long d3 = (long) d * d * d;
        return 4 * d3 * (1 + 2L * aRe.length);
    }

    /** Tensor element R_{mn,kl} as {re, im} (see the class comment). */
    @Override
    public void element(int m, int n, int k, int l, double[] out) {
        double re = 0;
        double im = 0;
        if (l == n) {
            re -= pRe[m * d + k];
            im -= pIm[m * d + k];
        }
        if (m == k) {
            re -= pRe[n * d + l];
            im += pIm[n * d + l];
        }
        for (int a = 0; a < aRe.length; a++) {
            double xr = lRe[a][m * d + k];
            double xi = lIm[a][m * d + k];
            double yr = aRe[a][l * d + n];
            double yi = aIm[a][l * d + n];
            re += xr * yr - xi * yi;
            im += xr * yi + xi * yr;
            // conj(A_km) conj(Lambda_nl) = conj(A_km Lambda_nl)
            double ur = aRe[a][k * d + m];
            double ui = aIm[a][k * d + m];
            double vr = lRe[a][n * d + l];
            double vi = lIm[a][n * d + l];
            re += ur * vr - ui * vi;
            im -= ur * vi + ui * vr;
        }
        out[0] = re;
        out[1] = im;
    }
}
