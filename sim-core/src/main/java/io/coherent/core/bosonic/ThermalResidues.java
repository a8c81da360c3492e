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
 * magnitudes summed), the eigenvalues' absolute error eps ||A|| cond(V) propagated through the 1/(conj lambda_m +
 * lambda_l) and F'(lambda) ~ F/Re lambda sensitivities, and the eigenvectors' relative error eps cond(V). Callers
 * fall back to quadrature where this exceeds their tolerance (nearly defective generators).
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

    ThermalResidues(PseudoModeEmbedding embedding) {
        if (embedding.model().support().kind() != FrequencySupport.Kind.WHOLE_LINE) {
            throw new IllegalArgumentException("residues need the whole-line frequency support");
        }
        this.embedding = embedding;
        this.nb = embedding.brightSize();
        this.size = embedding.size();
        this.n = embedding.modes();
        this.baths = embedding.model().baths().size();
        this.eigen = ComplexEigensystem.of(nb, embedding.brightGeneratorRe(), embedding.brightGeneratorIm());
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
        double eigenvalueError = EPS * eigen.norm() * eigen.condition();
        double vectorError = SAFETY * EPS * eigen.condition();
        for (int k = 0; k < baths; k++) {
            Bath bath = embedding.model().baths().get(k);
            if (bath.temperature() == 0) {
                continue; // the vacuum convention: no thermal occupation at T = 0
            }
            scalarIntegrals(bath, fRe, fIm, fErr);
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
                    double sensitivity = Math.hypot(fRe[m], fIm[m]) / Math.abs(eigen.eigenvalueRe(m))
                            + Math.hypot(fRe[l], fIm[l]) / Math.abs(eigen.eigenvalueRe(l));
                    iErr[ml] = (fErr[m] + fErr[l] + SAFETY * eigenvalueError * sensitivity) / absDen
                            + Math.hypot(iRe[ml], iIm[ml]) * (SAFETY * eigenvalueError / absDen + vectorError);
                }
            }
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < n; j++) {
                    double sr = 0;
                    double si = 0;
                    double se = 0;
                    for (int m = 0; m < nb; m++) {
                        // conj(W_im c_km)
                        double ar = wRe[i * nb + m] * cRe[k][m] - wIm[i * nb + m] * cIm[k][m];
                        double ai = -(wRe[i * nb + m] * cIm[k][m] + wIm[i * nb + m] * cRe[k][m]);
                        double aa = Math.hypot(ar, ai);
                        for (int l = 0; l < nb; l++) {
                            double br = wRe[j * nb + l] * cRe[k][l] - wIm[j * nb + l] * cIm[k][l];
                            double bi = wRe[j * nb + l] * cIm[k][l] + wIm[j * nb + l] * cRe[k][l];
                            double pr = ar * br - ai * bi;
                            double pi = ar * bi + ai * br;
                            int ml = m * nb + l;
                            sr += pr * iRe[ml] - pi * iIm[ml];
                            si += pr * iIm[ml] + pi * iRe[ml];
                            se += aa * Math.hypot(br, bi) * (iErr[ml] + SAFETY * EPS * Math.hypot(iRe[ml], iIm[ml]));
                        }
                    }
                    thRe[i * n + j] += sr;
                    thIm[i * n + j] += si;
                    thErr[i * n + j] += se;
                }
            }
            for (int j = 0; j < n; j++) {
                double sr = 0;
                double si = 0;
                double se = 0;
                for (int l = 0; l < nb; l++) {
                    double br = wRe[j * nb + l] * cRe[k][l] - wIm[j * nb + l] * cIm[k][l];
                    double bi = wRe[j * nb + l] * cIm[k][l] + wIm[j * nb + l] * cRe[k][l];
                    sr -= br * fRe[l] - bi * fIm[l];
                    si -= br * fIm[l] + bi * fRe[l];
                    double fAbs = Math.hypot(fRe[l], fIm[l]);
                    se += Math.hypot(br, bi) * (fErr[l] + fAbs * (vectorError + SAFETY * eigenvalueError
                            / Math.abs(eigen.eigenvalueRe(l))));
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
     * F(lambda_m) = P int J n / (lambda_m + iw) for every bright pole, with rounding-error bounds (see the class
     * comment for the residue formula).
     */
    private void scalarIntegrals(Bath bath, double[] fRe, double[] fIm, double[] fErr) {
        double t = bath.temperature();
        double twoPiT = 2 * Math.PI * t;
        List<ExponentialTerm> kernel = bath.spectralDensity().kernel();
        int poles = 2 * kernel.size();
        double[] zr = new double[poles];
        double[] zi = new double[poles];
        double[] rr = new double[poles];
        double[] ri = new double[poles];
        double[] psiR = new double[poles];
        double[] psiI = new double[poles];
        double[] psiAbs = new double[poles];
        double[] out = new double[2];
        for (int p = 0; p < kernel.size(); p++) {
            ExponentialTerm term = kernel.get(p);
            // lower pole zeta = -i z, residue i a / 2 pi; upper pole conj(zeta), residue conj
            zr[2 * p] = term.rateIm();
            zi[2 * p] = -term.rateRe();
            rr[2 * p] = -term.amplitudeIm() / (2 * Math.PI);
            ri[2 * p] = term.amplitudeRe() / (2 * Math.PI);
            zr[2 * p + 1] = zr[2 * p];
            zi[2 * p + 1] = -zi[2 * p];
            rr[2 * p + 1] = rr[2 * p];
            ri[2 * p + 1] = -ri[2 * p];
            // lower: -psi(1 + i zeta / 2 pi T) = -psi(1 + z / 2 pi T)
            ComplexDigamma.psi(1 + term.rateRe() / twoPiT, term.rateIm() / twoPiT, out);
            psiR[2 * p] = -out[0];
            psiI[2 * p] = -out[1];
            // upper: -i pi - psi(-i conj(zeta) / 2 pi T) = -i pi - psi(conj(z) / 2 pi T)
            ComplexDigamma.psi(term.rateRe() / twoPiT, -term.rateIm() / twoPiT, out);
            psiR[2 * p + 1] = -out[0];
            psiI[2 * p + 1] = -Math.PI - out[1];
            psiAbs[2 * p] = Math.hypot(psiR[2 * p], psiI[2 * p]) + 1;
            psiAbs[2 * p + 1] = Math.hypot(out[0], out[1]) + Math.PI + twoPiT / Math.hypot(term.rateRe(), term.rateIm());
        }
        double j0 = bath.spectralDensity().value(0);
        for (int m = 0; m < nb; m++) {
            double lr = eigen.eigenvalueRe(m);
            double li = eigen.eigenvalueIm(m);
            // z0 = i lambda (lower half plane); R = J(w) (-i)/(w - z0)
            double z0r = -li;
            double z0i = lr;
            double sr = 0;
            double si = 0;
            double mag = 0;
            double jr = 0; // J(z0)
            double ji = 0;
            for (int p = 0; p < poles; p++) {
                // residue of R at zeta_p: rho (-i)/(zeta - z0)
                double dr = zr[p] - z0r;
                double di = zi[p] - z0i;
                double d2 = dr * dr + di * di;
                double qr = (rr[p] * dr + ri[p] * di) / d2; // rho/(zeta - z0)
                double qi = (ri[p] * dr - rr[p] * di) / d2;
                jr -= qr;                                   // J(z0) = sum rho/(z0 - zeta)
                ji -= qi;
                double resR = qi;                           // (-i) q
                double resI = -qr;
                sr += resR * psiR[p] - resI * psiI[p];
                si += resR * psiI[p] + resI * psiR[p];
                mag += Math.hypot(resR, resI) * psiAbs[p];
            }
            // residue at z0: -i J(z0), times -psi(1 + i z0 / 2 pi T) = -psi(1 - lambda / 2 pi T)
            ComplexDigamma.psi(1 - lr / twoPiT, -li / twoPiT, out);
            double resR = ji;
            double resI = -jr;
            sr -= resR * out[0] - resI * out[1];
            si -= resR * out[1] + resI * out[0];
            mag += Math.hypot(resR, resI) * (Math.hypot(out[0], out[1]) + 1);
            // i pi T R(0), R(0) = J(0)/lambda
            if (j0 != 0) {
                double l2 = lr * lr + li * li;
                double r0r = j0 * lr / l2;
                double r0i = -j0 * li / l2;
                sr -= Math.PI * t * r0i;
                si += Math.PI * t * r0r;
                mag += Math.PI * t * Math.abs(j0) / Math.sqrt(l2);
            }
            fRe[m] = sr;
            fIm[m] = si;
            fErr[m] = (ComplexDigamma.RELATIVE_ERROR + SAFETY * EPS) * mag;
        }
    }
}
