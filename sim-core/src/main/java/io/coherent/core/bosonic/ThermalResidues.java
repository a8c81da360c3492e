package io.coherent.core.bosonic;

import io.coherent.core.bath.ExponentialTerm;
import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.linalg.ComplexEigensystem;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.special.ComplexDigamma;
import java.util.List;

/**
 * The thermal frequency integrals of the steady state in closed form, by residues (issue 13): no quadrature.
 *
 * <p>With the bright generator diagonalised, A_b = V diag(lambda_m) V^{-1}, the steady response to bath k's mode
 * at w is Y_k(w) = -(A_b + iw)^{-1} E_k = -sum_m V_m c_km / (lambda_m + iw), c_k = V^{-1} E_k, so every thermal
 * integral reduces to the scalar integrals F_k(lambda) = P int dw J_k(w) n_k(w) / (lambda + iw):
 * <pre>
 *   &lt;y_i^+ c_j&gt; = sum_k sum_ml conj(W_im c_km) W_jl c_kl [conj F_k(lambda_m) + F_k(lambda_l)] / (conj lambda_m + lambda_l)
 *   &lt;xi_k^+ c_j&gt; = -sum_l W_jl c_kl F_k(lambda_l)                      (W = U V, U the bright basis)
 * </pre>
 * (partial fractions: 1/((a - iw)(b + iw)) = [1/(a - iw) + 1/(b + iw)]/(a + b)). J_k is rational: its exponential
 * kernel f(t) = sum a e^{-z t} = -2 pi i sum (lower poles) Res[J e^{-iwt}] gives the poles zeta = -i z (residue
 * i a/2pi) in the lower half plane and, J being real, their conjugates above. For a rational R(w) = J(w)/(lambda + iw)
 * with simple poles z_p, residues r_p (sum r_p = 0), the Bose function's Matsubara poles summed with digamma
 * functions give, on the whole line with the principal value at w = 0,
 * <pre>
 *   P int R n dw = - sum_{Im z_p &lt; 0} r_p psi(1 + i z_p / 2 pi T) - sum_{Im z_p &gt; 0} r_p [i pi + psi(-i z_p / 2 pi T)]
 *                  + i pi T R(0),
 * </pre>
 * (contour closed above: 2 pi i [sum_upper r_p n(z_p) + T sum_{k&gt;=1} R(i nu_k)] + i pi T R(0), nu_k = 2 pi k T;
 * the Matsubara sum is -sum_p r_p psi(1 + i z_p/2 pi T)/(2 pi i T) and the reflection formula removes n(z_p) from
 * the upper poles, so that no argument approaches a pole of psi). Every psi argument has a positive real part.
 *
 * <p>Error estimate: rounding in the residue sums (digamma to {@link ComplexDigamma#RELATIVE_ERROR} of the
 * magnitudes summed); each eigenvalue's error, measured at its peak against a direct LU solve ({@link #peakErrors})
 * and propagated through the 1/(conj lambda_m + lambda_l) and F'(lambda) ~ F/Re lambda sensitivities; the
 * eigenvectors' relative error eps cond(V); all with a safety factor of 64. Callers fall back to quadrature where
 * this exceeds their tolerance (nearly defective generators).
 */
final class ThermalResidues {
    private static final double EPS = 0x1p-52;
    /** Safety factor on the rounding-error model (the bound, not its typical value). */
    private static final double SAFETY = 64;

    private final PseudoModeEmbedding embedding;
    private final ComplexEigensystem eigen;
    private final int nb;
    private final int size;
    private final int n;
    private final int baths;
    /** W = U V, N x Nb. */
    private final double[] wRe;
    private final double[] wIm;
    /** c_k = V^{-1} E_k, baths x Nb. */
    private final double[][] cRe;
    private final double[][] cIm;
    /** Measured relative error of the eigen-expansion of the response at each pole's peak. */
    private final double[] peakError;

    ThermalResidues(PseudoModeEmbedding embedding) {
        if (embedding.model().support().kind() != FrequencySupport.Kind.WHOLE_LINE) {
            throw new IllegalArgumentException("residues need the whole-line frequency support");
        }
        this.embedding = embedding;
        this.nb = embedding.brightSize();
        this.size = embedding.size();
        this.n = embedding.modes();
        this.baths = embedding.model().baths().size();
        this.eigen = embedding.eigensystem();
        if (eigen == null) {
            throw new ArithmeticException("the generator has no eigendecomposition (defective)");
        }
        ComplexMatrix u = embedding.brightBasis();
        this.wRe = new double[size * nb];
        this.wIm = new double[size * nb];
        for (int i = 0; i < size; i++) {
            for (int m = 0; m < nb; m++) {
                double sr = 0;
                double si = 0;
                for (int a = 0; a < nb; a++) {
                    double ur = u.re(i, a);
                    double ui = u.im(i, a);
                    if (ur == 0 && ui == 0) {
                        continue;
                    }
                    double vr = eigen.vectorRe(a, m);
                    double vi = eigen.vectorIm(a, m);
                    sr += ur * vr - ui * vi;
                    si += ur * vi + ui * vr;
                }
                wRe[i * nb + m] = sr;
                wIm[i * nb + m] = si;
            }
        }
        this.cRe = new double[baths][nb];
        this.cIm = new double[baths][nb];
        for (int k = 0; k < baths; k++) {
            double[] er = embedding.brightNoiseRe(k);
            double[] ei = embedding.brightNoiseIm(k);
            for (int m = 0; m < nb; m++) {
                double sr = 0;
                double si = 0;
                for (int a = 0; a < nb; a++) {
                    double vr = eigen.inverseRe(m, a);
                    double vi = eigen.inverseIm(m, a);
                    sr += vr * er[a] - vi * ei[a];
                    si += vr * ei[a] + vi * er[a];
                }
                cRe[k][m] = sr;
                cIm[k][m] = si;
            }
        }
        this.peakError = peakErrors();
    }

    /**
     * At each pole's peak, w = -Im lambda_m, the response (A_b + iw)^{-1} E_k from the eigen-expansion against a
     * direct LU solve, which is componentwise backward stable: their relative difference measures how well the
     * eigenpairs resolve that peak (whose height is set by 1/Re lambda_m, the quantity the QR iteration alone gets
     * least accurately).
     */
    private double[] peakErrors() {
        double[] out = new double[nb];
        io.coherent.core.linalg.ComplexLu lu = new io.coherent.core.linalg.ComplexLu(nb);
        double[] xr = new double[nb];
        double[] xi = new double[nb];
        for (int m = 0; m < nb; m++) {
            double w = -eigen.eigenvalueIm(m);
            if (!lu.factorise(embedding.brightGeneratorRe(), embedding.brightGeneratorIm(), 0, w)) {
                out[m] = Double.POSITIVE_INFINITY;
                continue;
            }
            double diff = 0;
            double ref = 0;
            for (int k = 0; k < baths; k++) {
                System.arraycopy(embedding.brightNoiseRe(k), 0, xr, 0, nb);
                System.arraycopy(embedding.brightNoiseIm(k), 0, xi, 0, nb);
                lu.solveInPlace(xr, xi);
                for (int a = 0; a < nb; a++) {
                    double yr = 0;
                    double yi = 0;
                    for (int l = 0; l < nb; l++) {
                        // V_al c_kl / (lambda_l + iw)
                        double vr = eigen.vectorRe(a, l) * cRe[k][l] - eigen.vectorIm(a, l) * cIm[k][l];
                        double vi = eigen.vectorRe(a, l) * cIm[k][l] + eigen.vectorIm(a, l) * cRe[k][l];
                        double dr = eigen.eigenvalueRe(l);
                        double di = eigen.eigenvalueIm(l) + w;
                        double d2 = dr * dr + di * di;
                        yr += (vr * dr + vi * di) / d2;
                        yi += (vi * dr - vr * di) / d2;
                    }
                    diff += (yr - xr[a]) * (yr - xr[a]) + (yi - xi[a]) * (yi - xi[a]);
                    ref += xr[a] * xr[a] + xi[a] * xi[a];
                }
            }
            out[m] = ref > 0 ? Math.sqrt(diff / ref) : 0;
        }
        return out;
    }

    /** W_im c_km (real part): the weight of pole m in bath k's response on row i (mode or pseudomode). */
    private double weightRe(int k, int i, int m) {
        return wRe[i * nb + m] * cRe[k][m] - wIm[i * nb + m] * cIm[k][m];
    }

    private double weightIm(int k, int i, int m) {
        return wRe[i * nb + m] * cIm[k][m] + wIm[i * nb + m] * cRe[k][m];
    }

    /** A_im = W_im c_km (i < size, m < nb, row-major) and its modulus, for bath k. */
    void weights(int k, double[] aRe, double[] aIm, double[] aAbs) {
        for (int i = 0; i < size; i++) {
            for (int m = 0; m < nb; m++) {
                double ar = weightRe(k, i, m);
                double ai = weightIm(k, i, m);
                aRe[i * nb + m] = ar;
                aIm[i * nb + m] = ai;
                aAbs[i * nb + m] = Math.sqrt(ar * ar + ai * ai);
            }
        }
    }

    private static double abs(double re, double im) {
        return Math.sqrt(re * re + im * im);
    }

    /** The thermal part of the steady state and the noise correlations, with error estimates. */
    ThermalIntegral.Result steady() {
        double[] thRe = new double[size * n];
        double[] thIm = new double[size * n];
        double[] thErr = new double[size * n];
        double[] xiRe = new double[baths * n];
        double[] xiIm = new double[baths * n];
        double[] xiErr = new double[baths * n];
        double[] fRe = new double[nb];
        double[] fIm = new double[nb];
        double[] fErr = new double[nb];
        double[] iRe = new double[nb * nb];
        double[] iIm = new double[nb * nb];
        double[] iErr = new double[nb * nb];
        double[] aRe = new double[size * nb];
        double[] aIm = new double[size * nb];
        double[] aAbs = new double[size * nb];
        double vectorError = SAFETY * EPS * eigen.condition();
        // absolute error of each eigenvalue, from the measured peak error (relative to the peak height ~ 1/Re lambda)
        double[] dl = new double[nb];
        for (int m = 0; m < nb; m++) {
            dl[m] = SAFETY * (peakError[m] + EPS * eigen.condition()) * Math.abs(eigen.eigenvalueRe(m));
        }
        Bath previous = null;
        for (int k = 0; k < baths; k++) {
            Bath bath = embedding.model().baths().get(k);
            if (bath.temperature() == 0) {
                continue; // the vacuum convention: no thermal occupation at T = 0
            }
            if (previous == null || previous.temperature() != bath.temperature()
                    || !previous.spectralDensity().equals(bath.spectralDensity())) {
                scalarIntegrals(bath, fRe, fIm, fErr); // baths sharing J and T share F
                previous = bath;
            }
            for (int m = 0; m < nb; m++) {
                double lmr = eigen.eigenvalueRe(m);
                double lmi = -eigen.eigenvalueIm(m); // conj lambda_m
                for (int l = 0; l < nb; l++) {
                    double dr = lmr + eigen.eigenvalueRe(l);
                    double di = lmi + eigen.eigenvalueIm(l);
                    double den = dr * dr + di * di;
                    double nr = fRe[m] + fRe[l];   // conj F_m + F_l
                    double ni = -fIm[m] + fIm[l];
                    int ml = m * nb + l;
                    iRe[ml] = (nr * dr + ni * di) / den;
                    iIm[ml] = (ni * dr - nr * di) / den;
                    double absDen = Math.sqrt(den);
                    double shift = Math.sqrt(fRe[m] * fRe[m] + fIm[m] * fIm[m]) * dl[m] / Math.abs(eigen.eigenvalueRe(m))
                            + Math.sqrt(fRe[l] * fRe[l] + fIm[l] * fIm[l]) * dl[l] / Math.abs(eigen.eigenvalueRe(l));
                    iErr[ml] = (fErr[m] + fErr[l] + shift) / absDen
                            + Math.sqrt(iRe[ml] * iRe[ml] + iIm[ml] * iIm[ml]) * ((dl[m] + dl[l]) / absDen + vectorError);
                }
            }
            // A_im = W_im c_km and its modulus; E_ml the error weight of I_ml
            weights(k, aRe, aIm, aAbs);
            for (int ml = 0; ml < nb * nb; ml++) {
                iErr[ml] += SAFETY * EPS * Math.sqrt(iRe[ml] * iRe[ml] + iIm[ml] * iIm[ml]);
            }
            addCongruence(size, n, nb, aRe, aIm, aAbs, iRe, iIm, iErr, thRe, thIm, thErr);
            for (int j = 0; j < n; j++) {
                double sr = 0;
                double si = 0;
                double se = 0;
                for (int l = 0; l < nb; l++) {
                    double br = aRe[j * nb + l];
                    double bi = aIm[j * nb + l];
                    sr -= br * fRe[l] - bi * fIm[l];
                    si -= br * fIm[l] + bi * fRe[l];
                    double fAbs = Math.sqrt(fRe[l] * fRe[l] + fIm[l] * fIm[l]);
                    se += aAbs[j * nb + l] * (fErr[l] + fAbs * (vectorError + dl[l] / Math.abs(eigen.eigenvalueRe(l))));
                }
                xiRe[k * n + j] = sr;
                xiIm[k * n + j] = si;
                xiErr[k * n + j] = se;
            }
        }
        return new ThermalIntegral.Result(ComplexMatrix.of(size, n, thRe, thIm), ComplexMatrix.of(size, n, thErr, new double[size * n]),
                ComplexMatrix.of(baths, n, xiRe, xiIm), ComplexMatrix.of(baths, n, xiErr, new double[baths * n]), 0, true);
    }

    /**
     * F(lambda_m) = P int J n / (lambda_m + iw) for every bright pole, with rounding-error bounds. With
     * J = sum_p rho_p/(w - zeta_p) and 1/(lambda + iw) = -i/(w - z0), z0 = i lambda,
     * F = -i sum_p rho_p D(zeta_p, z0), D(a, b) = P int n(w) dw/((w - a)(w - b)) = [Phi(a) - Phi(b)]/(a - b)
     * + i pi T/(a b), where Phi(z) = -psi(1 + iz/2 pi T) below the axis and -i pi - psi(-iz/2 pi T) above (the
     * residue formula of the class comment for each pair). Two poles in the lower half plane may coincide
     * (a pseudomode that decouples keeps the rate of its Lorentzian): their quotient is the digamma divided
     * difference, exact at coincidence.
     */
    void scalarIntegrals(Bath bath, double[] fRe, double[] fIm, double[] fErr) {
        double t = bath.temperature();
        double twoPiT = 2 * Math.PI * t;
        List<ExponentialTerm> kernel = bath.spectralDensity().kernel();
        int terms = kernel.size();
        // per kernel term: lower pole zeta = -i z with residue i a/2pi; upper pole conj(zeta), residue conj
        double[] zr = new double[terms];
        double[] zi = new double[terms];
        double[] rr = new double[terms];
        double[] ri = new double[terms];
        double[] upperPhiR = new double[terms];
        double[] upperPhiI = new double[terms];
        double[] upperPhiAbs = new double[terms];
        double[] out = new double[2];
        for (int p = 0; p < terms; p++) {
            ExponentialTerm term = kernel.get(p);
            zr[p] = term.rateIm();
            zi[p] = -term.rateRe();
            rr[p] = -term.amplitudeIm() / (2 * Math.PI);
            ri[p] = term.amplitudeRe() / (2 * Math.PI);
            // upper pole conj(zeta): -i conj(zeta)/2 pi T = conj(z)/2 pi T
            ComplexDigamma.psi(term.rateRe() / twoPiT, -term.rateIm() / twoPiT, out);
            upperPhiR[p] = -out[0];
            upperPhiI[p] = -Math.PI - out[1];
            upperPhiAbs[p] = abs(out[0], out[1]) + Math.PI + twoPiT / abs(term.rateRe(), term.rateIm());
        }
        double[] dd = new double[2];
        for (int m = 0; m < nb; m++) {
            double lr = eigen.eigenvalueRe(m);
            double li = eigen.eigenvalueIm(m);
            double z0r = -li; // z0 = i lambda, below the axis
            double z0i = lr;
            // Phi(z0) = -psi(1 - lambda/2 pi T)
            double xr = 1 - lr / twoPiT;
            double xi = -li / twoPiT;
            ComplexDigamma.psi(xr, xi, out);
            double phi0R = -out[0];
            double phi0I = -out[1];
            double phi0Abs = abs(out[0], out[1]) + 1;
            double sr = 0;
            double si = 0;
            double mag = 0;
            double z02 = z0r * z0r + z0i * z0i;
            for (int p = 0; p < terms; p++) {
                for (int side = 0; side < 2; side++) {
                    double ar = zr[p];
                    double ai = side == 0 ? zi[p] : -zi[p];
                    double pr = rr[p];
                    double pi = side == 0 ? ri[p] : -ri[p];
                    double qr;
                    double qi;
                    double qAbs;
                    if (side == 0) {
                        // both below: [Phi(a) - Phi(z0)]/(a - z0) = -(i/2 pi T) psi[x_a, x_0], x = 1 + iz/2 pi T
                        ComplexDigamma.dividedDifference(1 - ai / twoPiT, ar / twoPiT, xr, xi, dd);
                        qr = dd[1] / twoPiT;
                        qi = -dd[0] / twoPiT;
                        qAbs = abs(qr, qi);
                    } else {
                        double dr = ar - z0r;
                        double di = ai - z0i;
                        double d2 = dr * dr + di * di;
                        double nr = upperPhiR[p] - phi0R;
                        double ni = upperPhiI[p] - phi0I;
                        qr = (nr * dr + ni * di) / d2;
                        qi = (ni * dr - nr * di) / d2;
                        qAbs = (upperPhiAbs[p] + phi0Abs) / Math.sqrt(d2);
                    }
                    // + i pi T/(a z0)
                    double abr = ar * z0r - ai * z0i;
                    double abi = ar * z0i + ai * z0r;
                    double ab2 = abr * abr + abi * abi;
                    qr += Math.PI * t * abi / ab2;
                    qi += Math.PI * t * abr / ab2;
                    qAbs += Math.PI * t / Math.sqrt(ab2);
                    // F += -i rho q
                    double cr = pr * qr - pi * qi;
                    double ci = pr * qi + pi * qr;
                    sr += ci;
                    si -= cr;
                    mag += abs(pr, pi) * qAbs;
                }
            }
            fRe[m] = sr;
            fIm[m] = si;
            fErr[m] = (ComplexDigamma.RELATIVE_ERROR + SAFETY * EPS) * mag;
        }
    }

    /**
     * th_ij += sum_ml conj(A_im) I_ml A_jl (i < size, j < n) with its error sum_ml |A_im| |A_jl| E_ml: the
     * congruence that turns the pole-pair integrals I of the thermal part into occupations (shared by the steady
     * state and the transient). Arrays are row-major: A is size x nb (its first n rows are the modes), I and E
     * are nb x nb, th is size x n. Allocation-free.
     */
    static void addCongruence(int size, int n, int nb, double[] aRe, double[] aIm, double[] aAbs, double[] iRe,
                              double[] iIm, double[] iErr, double[] thRe, double[] thIm, double[] thErr) {
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < n; j++) {
                double sr = 0;
                double si = 0;
                double se = 0;
                for (int m = 0; m < nb; m++) {
                    double ar = aRe[i * nb + m]; // conj(A_im)
                    double ai = -aIm[i * nb + m];
                    double aa = aAbs[i * nb + m];
                    for (int l = 0; l < nb; l++) {
                        double br = aRe[j * nb + l];
                        double bi = aIm[j * nb + l];
                        double pr = ar * br - ai * bi;
                        double pi = ar * bi + ai * br;
                        int ml = m * nb + l;
                        sr += pr * iRe[ml] - pi * iIm[ml];
                        si += pr * iIm[ml] + pi * iRe[ml];
                        se += aa * aAbs[j * nb + l] * iErr[ml];
                    }
                }
                thRe[i * n + j] += sr;
                thIm[i * n + j] += si;
                thErr[i * n + j] += se;
            }
        }
    }
}
