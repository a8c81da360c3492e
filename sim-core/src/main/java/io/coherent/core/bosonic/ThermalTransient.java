package io.coherent.core.bosonic;

import io.coherent.core.bath.BathCorrelations;
import io.coherent.core.bath.CorrelationExpansion;
import io.coherent.core.bath.CorrelationTerm;
import io.coherent.core.bath.ExpansionOptions;
import io.coherent.core.bath.ExpansionScheme;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.MatsubaraRemainder;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.linalg.ComplexEigensystem;
import io.coherent.core.linalg.ComplexMatrix;

/**
 * The thermal second moments at a time t in closed form (issue 13): no frequency quadrature per sample.
 *
 * <p>In the eigenbasis of the bright generator the response to bath k's mode at w is
 * Y_k(w, t) = sum_l V_l c_kl g_l(w, t), g_l = (e^{(lambda_l + iw) t} - 1)/(lambda_l + iw) ({@link ThermalResponse}),
 * and conj(g_m) g_l splits by partial fractions into
 * <pre>
 *   int J n conj(g_m) g_l dw = [ (e^{(conj lambda_m + lambda_l) t} + 1)(conj F_m + F_l)
 *                               - e^{conj lambda_m t} (conj H+_m + H-_l) - e^{lambda_l t} (conj H-_m + H+_l) ]
 *                              / (conj lambda_m + lambda_l),
 *   int J n g_l dw = e^{lambda_l t} H+_l - F_l,
 * </pre>
 * with F_l = int J n/(lambda_l + iw) (exact, {@link ThermalResidues}) and H+-_l(t) = int J n e^{+-iwt}/(lambda_l + iw).
 * Writing 1/(lambda + iw) = -int_0^inf e^{(lambda + iw)s} ds (Re lambda &lt; 0), H+- are integrals of the
 * absorption correlation C_in(tau) = int J n e^{iw tau} dw = sum_j eta_j e^{-gamma_j tau} (its conjugate terms
 * etaBar_j for tau &lt; 0): the poles of J, the principal value at w = 0 and N Matsubara terms of the shared bath
 * expansion ({@link BathCorrelations#exchange}, whole line, the exact engine's convention), and every further
 * Matsubara term through its exact sum ({@link MatsubaraRemainder}):
 * <pre>
 *   H+(lambda, t) = -sum_j eta_j e^{-gamma_j t}/(gamma_j - lambda)
 *   H-(lambda, t) = e^{lambda t} F(lambda) - sum_j etaBar_j t e^{-gamma_j t} phi1((lambda + gamma_j) t)
 * </pre>
 * (phi1(x) = (e^x - 1)/x; for the Matsubara terms far from -lambda the non-decaying e^{lambda t}/(lambda + gamma_j)
 * parts are summed once, over all k). The cost per sample is a few operations per pole and live exponent.
 *
 * <p>Errors: the decaying parts of the dropped Matsubara terms, at most 2 I e^{-nu_(N+1) t} (I the expansion's
 * integratedError); F's own estimate; and the rounding of the partial fractions, eps times the magnitudes summed over
 * |conj lambda_m + lambda_l| (large only for two very slow poles at early times). A sample whose estimate exceeds
 * the tolerance is the caller's to recompute by quadrature.
 *
 * <p>A bath whose J has no pole expansion (the Ohmic family, s &gt;= 1) takes C_in from the shared fit instead (8 exponents,
 * nothing dropped, F(lambda) = -sum_j eta_j/(gamma_j - lambda)): the formulas above hold for any finite sum, and the
 * fit's sup error ({@link #absorptionFitError}) is bounded on the moments by {@link KernelFitBound}.
 */
final class ThermalTransient {
    private static final double EPS = 0x1p-52;
    private static final double SAFETY = 64;
    /** Rate times t beyond which e^{-gamma t} &lt; 1e-20 is dropped. */
    private static final double DECAYED = 46;
    /**
     * Matsubara exponents kept explicitly: samples with nu_(N+1) t &gt; 46 see none of the dropped ones decay (their
     * non-decaying part is exact), i.e. t &gt; 0.014/T; earlier samples get a larger estimate (and quadrature).
     */
    private static final int EXPONENTS = 512;

    private final ThermalResidues residues;
    private final ComplexEigensystem eigen;
    private final int nb;
    private final int size;
    private final int n;
    private final int baths;
    /** Per bath: rates, eta, etaBar of C_in (null for T = 0), and the expansion's integrated error. */
    private final double[][] rate;
    private final double[][] eta;
    private final double[][] etaBar;
    private final double[] expansionError;
    /** Per bath: the sup error of a fitted C_in (0: exact pole expansion). */
    private final double[] fitError;
    /** Per bath: the first dropped Matsubara rate nu_(N+1). */
    private final double[] firstDropped;
    /**
     * Per bath and pole: G = sum over the far terms (|lambda_m + gamma_j| &gt;= 1) of etaBar_j/(lambda_m + gamma_j), the part
     * of H- that does not decay with t (precomputed once), and which terms are near (kept in the stable phi1 form).
     */
    private final double[][] gRe;
    private final double[][] gIm;
    private final boolean[][][] near;
    /** Per bath: the bath whose transforms it shares (same J and T), or itself. */
    private final int[] owner;
    /** Per bath: F_k(lambda_m) and its error. */
    private final double[][] fRe;
    private final double[][] fIm;
    private final double[][] fErr;

    /**
     * @throws InvalidModelException if a bath has no exponential expansion (a Bose pole on a pole of J)
     * @throws ArithmeticException   if the generator has no eigendecomposition
     */
    ThermalTransient(PseudoModeEmbedding embedding, ThermalResidues residues) {
        this.residues = residues;
        this.eigen = embedding.eigensystem();
        this.nb = embedding.brightSize();
        this.size = embedding.size();
        this.n = embedding.modes();
        this.baths = embedding.model().baths().size();
        this.rate = new double[baths][];
        this.eta = new double[baths][];
        this.etaBar = new double[baths][];
        this.expansionError = new double[baths];
        this.fitError = new double[baths];
        this.firstDropped = new double[baths];
        this.fRe = new double[baths][nb];
        this.fIm = new double[baths][nb];
        this.fErr = new double[baths][nb];
        this.gRe = new double[baths][];
        this.gIm = new double[baths][];
        this.near = new boolean[baths][][];
        this.owner = new int[baths];
        for (int k = 0; k < baths; k++) {
            Bath bath = embedding.model().baths().get(k);
            if (bath.temperature() == 0) {
                continue;
            }
            int shared = sharedWith(embedding, k);
            owner[k] = shared >= 0 ? shared : k;
            if (shared >= 0) {
                gRe[k] = gRe[shared];
                gIm[k] = gIm[shared];
                near[k] = near[shared];
                rate[k] = rate[shared];
                eta[k] = eta[shared];
                etaBar[k] = etaBar[shared];
                expansionError[k] = expansionError[shared];
                fitError[k] = fitError[shared];
                firstDropped[k] = firstDropped[shared];
                fRe[k] = fRe[shared];
                fIm[k] = fIm[shared];
                fErr[k] = fErr[shared];
                continue;
            }
            boolean fitted = embedding.kernel(k).fitted();
            // the kept terms resolve times t with e^{-nu_(N+1) t} negligible; the dropped ones enter H- only through
            // sum_{k > N} etaBar_k/(lambda + nu_k), summed exactly (MatsubaraRemainder). A fitted bath (Ohmic): C_in is
            // the shared fit, nothing dropped, and its sup error is the caller's to bound (absorptionFitError)
            CorrelationExpansion c = fitted ? fittedAbsorption(bath) : expansion(bath, EXPONENTS);
            firstDropped[k] = fitted ? Double.POSITIVE_INFINITY : 2 * Math.PI * (EXPONENTS + 1) * bath.temperature();
            fitError[k] = fitted ? c.error() : 0;
            int terms = c.terms().size();
            rate[k] = new double[2 * terms];
            eta[k] = new double[2 * terms];
            etaBar[k] = new double[2 * terms];
            for (int j = 0; j < terms; j++) {
                CorrelationTerm term = c.terms().get(j);
                rate[k][2 * j] = term.rateRe();
                rate[k][2 * j + 1] = term.rateIm();
                eta[k][2 * j] = term.etaRe();
                eta[k][2 * j + 1] = term.etaIm();
                etaBar[k][2 * j] = term.etaBarRe();
                etaBar[k][2 * j + 1] = term.etaBarIm();
            }
            expansionError[k] = fitted ? 0 : c.integratedError();
            if (fitted) {
                transformOfSum(k, fRe[k], fIm[k], fErr[k]);
            } else {
                residues.scalarIntegrals(bath, fRe[k], fIm[k], fErr[k]);
            }
            gRe[k] = new double[nb];
            gIm[k] = new double[nb];
            near[k] = new boolean[nb][terms];
            double[] tail = new double[2];
            for (int m = 0; m < nb; m++) {
                for (int j = 0; j < terms; j++) {
                    double sr = eigen.eigenvalueRe(m) + rate[k][2 * j];
                    double si = eigen.eigenvalueIm(m) + rate[k][2 * j + 1];
                    double s2 = sr * sr + si * si;
                    if (s2 < 1) {
                        near[k][m][j] = true;
                        continue;
                    }
                    gRe[k][m] += (etaBar[k][2 * j] * sr + etaBar[k][2 * j + 1] * si) / s2;
                    gIm[k][m] += (etaBar[k][2 * j + 1] * sr - etaBar[k][2 * j] * si) / s2;
                }
                if (fitted) {
                    continue; // nothing dropped
                }
                // + sum_{k > N} etaBar_k/(lambda + nu_k) = conj Q(conj lambda)
                MatsubaraRemainder.absorption(bath.spectralDensity(), bath.temperature(), EXPONENTS,
                        eigen.eigenvalueRe(m), -eigen.eigenvalueIm(m), tail);
                gRe[k][m] += tail[0];
                gIm[k][m] -= tail[1];
            }
        }
    }

    private static CorrelationExpansion expansion(Bath bath, int exponents) {
        return BathCorrelations.exchange(bath.spectralDensity(), ThermalOccupation.bose(bath.temperature()),
                new ExpansionOptions(ExpansionScheme.MATSUBARA, exponents, false)).absorption();
    }

    /**
     * C_in of a bath whose J has no pole expansion (the Ohmic family): the shared bath layer's fit, as many exponents as
     * the memory kernel's ({@link MemoryKernel#FIT_EXPONENTS}), with its measured sup error.
     *
     * @throws ArithmeticException if a fitted term does not decay (the transforms below need Re gamma &gt; 0)
     */
    private static CorrelationExpansion fittedAbsorption(Bath bath) {
        if (bath.spectralDensity() instanceof io.coherent.core.bath.OhmicFamily o && o.exponent() < 1) {
            // C_in ~ t^-s is not integrable: the fit's sup error is about 10% of C_in(0) (s = 0.5, measured), and its
            // bound a^2 e would exceed the per-sample quadrature's estimate several times over
            throw new ArithmeticException("sub-Ohmic C_in is left to the quadrature");
        }
        CorrelationExpansion c;
        try {
            c = BathCorrelations.absorption(bath.spectralDensity(), ThermalOccupation.bose(bath.temperature()),
                    new ExpansionOptions(ExpansionScheme.FIT, MemoryKernel.FIT_EXPONENTS, false));
        } catch (org.hipparchus.exception.MathIllegalArgumentException singular) {
            throw new ArithmeticException("the fit of C_in is singular: " + singular.getMessage());
        }
        if (c.terms().stream().anyMatch(term -> !(term.rateRe() > 0)) || !Double.isFinite(c.error())) {
            throw new ArithmeticException("the fit of C_in has an undamped term or no error bound");
        }
        return c;
    }

    /**
     * F(lambda_m) = int J n/(lambda_m + iw) dw = -int_0^inf e^{lambda_m s} C_in(s) ds = -sum_j eta_j/(gamma_j - lambda_m)
     * for C_in a finite sum (Re gamma_j &gt; 0 &gt;= Re lambda_m): consistent with H+(lambda, 0) = F; its error the rounding.
     */
    private void transformOfSum(int k, double[] outRe, double[] outIm, double[] outErr) {
        for (int m = 0; m < nb; m++) {
            double sr = 0;
            double si = 0;
            double abs = 0;
            for (int j = 0; j < rate[k].length / 2; j++) {
                double dr = rate[k][2 * j] - eigen.eigenvalueRe(m);
                double di = rate[k][2 * j + 1] - eigen.eigenvalueIm(m);
                double d2 = dr * dr + di * di;
                double er = eta[k][2 * j];
                double ei = eta[k][2 * j + 1];
                sr -= (er * dr + ei * di) / d2;
                si -= (ei * dr - er * di) / d2;
                abs += Math.sqrt((er * er + ei * ei) / d2);
            }
            outRe[m] = sr;
            outIm[m] = si;
            outErr[m] = SAFETY * EPS * abs;
        }
    }

    /**
     * Per bath, a bound on sup_tau |C_in(tau) - C_in,fit(tau)| of the fitted absorption correlation used (0 where C_in
     * is the exact pole expansion): the thermal moments' error from it is the caller's ({@link KernelFitBound}).
     */
    double[] absorptionFitError() {
        return fitError.clone();
    }

    /** A lower-numbered bath with the same J and T (its expansion and F are reused), or -1. */
    private static int sharedWith(PseudoModeEmbedding embedding, int k) {
        Bath b = embedding.model().baths().get(k);
        for (int i = 0; i < k; i++) {
            Bath a = embedding.model().baths().get(i);
            if (a.temperature() == b.temperature() && a.spectralDensity().equals(b.spectralDensity())) {
                return i;
            }
        }
        return -1;
    }

    /** Thermal moments and noise correlations at time t &gt; 0, with error estimates. */
    ThermalIntegral.Result at(double t) {
        double[] thRe = new double[size * n];
        double[] thIm = new double[size * n];
        double[] thErr = new double[size * n];
        double[] xiRe = new double[baths * n];
        double[] xiIm = new double[baths * n];
        double[] xiErr = new double[baths * n];
        double[] hpRe = new double[nb];
        double[] hpIm = new double[nb];
        double[] hmRe = new double[nb];
        double[] hmIm = new double[nb];
        double[] hAbs = new double[nb];
        double[] plusErr = new double[nb];
        double[] minusErr = new double[nb];
        double[] elRe = new double[nb]; // e^{lambda_l t}
        double[] elIm = new double[nb];
        double[] iRe = new double[nb * nb];
        double[] iIm = new double[nb * nb];
        double[] iErr = new double[nb * nb];
        double[] aRe = new double[size * nb];
        double[] aIm = new double[size * nb];
        double[] aAbs = new double[size * nb];
        for (int l = 0; l < nb; l++) {
            double mag = Math.exp(eigen.eigenvalueRe(l) * t);
            elRe[l] = mag * Math.cos(eigen.eigenvalueIm(l) * t);
            elIm[l] = mag * Math.sin(eigen.eigenvalueIm(l) * t);
        }
        for (int k = 0; k < baths; k++) {
            if (rate[k] == null) {
                continue;
            }
            if (owner[k] == k) {
                transforms(k, t, hpRe, hpIm, hmRe, hmIm, hAbs, plusErr, minusErr); // shared baths reuse these
            }
            double[] fr = fRe[k];
            double[] fi = fIm[k];
            for (int m = 0; m < nb; m++) {
                double emr = elRe[m]; // e^{conj lambda_m t} = conj(e^{lambda_m t})
                double emi = -elIm[m];
                double emAbs = Math.sqrt(emr * emr + emi * emi);
                for (int l = 0; l < nb; l++) {
                    double dr = eigen.eigenvalueRe(m) + eigen.eigenvalueRe(l);
                    double di = -eigen.eigenvalueIm(m) + eigen.eigenvalueIm(l);
                    double den = dr * dr + di * di;
                    // E + 1 = e^{conj lambda_m t} e^{lambda_l t} + 1
                    double er = emr * elRe[l] - emi * elIm[l] + 1;
                    double ei = emr * elIm[l] + emi * elRe[l];
                    double sr = fr[m] + fr[l];   // conj F_m + F_l
                    double si = -fi[m] + fi[l];
                    double nr = er * sr - ei * si;
                    double ni = er * si + ei * sr;
                    double mag = Math.sqrt(er * er + ei * ei) * Math.sqrt(sr * sr + si * si);
                    // - e^{conj lambda_m t}(conj H+_m + H-_l)
                    double ar = hpRe[m] + hmRe[l];
                    double ai = -hpIm[m] + hmIm[l];
                    nr -= emr * ar - emi * ai;
                    ni -= emr * ai + emi * ar;
                    mag += emAbs * Math.sqrt(ar * ar + ai * ai);
                    // - e^{lambda_l t}(conj H-_m + H+_l)
                    double br = hmRe[m] + hpRe[l];
                    double bi = -hmIm[m] + hpIm[l];
                    nr -= elRe[l] * br - elIm[l] * bi;
                    ni -= elRe[l] * bi + elIm[l] * br;
                    double elAbs = Math.sqrt(elRe[l] * elRe[l] + elIm[l] * elIm[l]);
                    mag += elAbs * Math.sqrt(br * br + bi * bi);
                    int ml = m * nb + l;
                    iRe[ml] = (nr * dr + ni * di) / den;
                    iIm[ml] = (ni * dr - nr * di) / den;
                    double absDen = Math.sqrt(den);
                    double propagated = Math.sqrt(er * er + ei * ei) * (fErr[k][m] + fErr[k][l])
                            + emAbs * (plusErr[m] + minusErr[l] + hAbs[m] + hAbs[l])
                            + elAbs * (minusErr[m] + plusErr[l] + hAbs[m] + hAbs[l]);
                    iErr[ml] = (propagated + SAFETY * EPS * mag) / absDen;
                }
            }
            residues.weights(k, aRe, aIm, aAbs);
            for (int ml = 0; ml < nb * nb; ml++) {
                iErr[ml] += SAFETY * EPS * Math.sqrt(iRe[ml] * iRe[ml] + iIm[ml] * iIm[ml]);
            }
            ThermalResidues.addCongruence(size, n, nb, aRe, aIm, aAbs, iRe, iIm, iErr, thRe, thIm, thErr);
            for (int j = 0; j < n; j++) {
                double sr = 0;
                double si = 0;
                double se = 0;
                for (int l = 0; l < nb; l++) {
                    // e^{lambda_l t} H+_l - F_l
                    double gr = elRe[l] * hpRe[l] - elIm[l] * hpIm[l] - fr[l];
                    double gi = elRe[l] * hpIm[l] + elIm[l] * hpRe[l] - fi[l];
                    double br = aRe[j * nb + l];
                    double bi = aIm[j * nb + l];
                    sr += br * gr - bi * gi;
                    si += br * gi + bi * gr;
                    double elAbs = Math.sqrt(elRe[l] * elRe[l] + elIm[l] * elIm[l]);
                    se += aAbs[j * nb + l] * (fErr[k][l] + elAbs * (plusErr[l] + hAbs[l])
                            + SAFETY * EPS * Math.sqrt(gr * gr + gi * gi));
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
     * H+(lambda_m, t) and H-(lambda_m, t) of bath k for every pole, the magnitudes summed (for rounding) and bounds on
     * what the truncation leaves: with R the dropped Matsubara terms (rates &gt;= nu = nu_(N+1)) and Delta = int R,
     * |dH+| &lt;= 2 int_t^inf |R| &lt;= 2 I e^{-nu t} (I = integratedError &gt;= sum |eta_k|/nu_k, |gamma_k - lambda| &gt;= nu_k/2),
     * and the window part of H- is e^{lambda t} [conj(Delta) + O(|lambda| int tau |R| + int_t^inf |R|)].
     */
    private void transforms(int k, double t, double[] hpRe, double[] hpIm, double[] hmRe, double[] hmIm, double[] hAbs,
                            double[] plusErr, double[] minusErr) {
        double[] g = rate[k];
        double[] e = eta[k];
        double[] eb = etaBar[k];
        int terms = g.length / 2;
        double[] phi = new double[2];
        double ie = expansionError[k];
        double tail = ie * Math.exp(-firstDropped[k] * t);
        for (int m = 0; m < nb; m++) {
            double lr = eigen.eigenvalueRe(m);
            double li = eigen.eigenvalueIm(m);
            double elMag = Math.exp(lr * t);
            double elr = elMag * Math.cos(li * t);
            double eli = elMag * Math.sin(li * t);
            double pr = 0;
            double pi = 0;
            // H- = e^{lambda t} F - sum_j etaBar_j t e^{-gamma_j t} phi1((lambda + gamma_j) t), all Matsubara terms
            double cr = fRe[k][m];
            double ci = fIm[k][m];
            double qr = elr * cr - eli * ci;
            double qi = elr * ci + eli * cr;
            double abs = elMag * Math.sqrt(cr * cr + ci * ci);
            // the far terms' non-decaying part: - e^{lambda t} G
            qr -= elr * gRe[k][m] - eli * gIm[k][m];
            qi -= elr * gIm[k][m] + eli * gRe[k][m];
            abs += elMag * Math.sqrt(gRe[k][m] * gRe[k][m] + gIm[k][m] * gIm[k][m]);
            boolean[] isNear = near[k][m];
            for (int j = 0; j < terms; j++) {
                double gr = g[2 * j];
                double decay = gr * t;
                if (decay > DECAYED && !isNear[j]) {
                    continue; // e^{-gamma t} below 1e-20: its terms vanish (the far part of H- is in G)
                }
                double gi = g[2 * j + 1];
                double mag = Math.exp(-decay);
                double xr = mag * Math.cos(gi * t);
                double xi = -mag * Math.sin(gi * t);
                double dr = gr - lr;
                double di = gi - li;
                double d2 = dr * dr + di * di;
                double invR = dr / d2;
                double invI = -di / d2;
                double ur = e[2 * j] * invR - e[2 * j + 1] * invI;
                double ui = e[2 * j] * invI + e[2 * j + 1] * invR;
                pr -= ur * xr - ui * xi;
                pi -= ur * xi + ui * xr;
                double sr = lr + gr;
                double si = li + gi;
                double fr;
                double fi;
                if (isNear[j]) {
                    // t e^{-gamma t} phi1((lambda + gamma) t) = (e^{lambda t} - e^{-gamma t})/(lambda + gamma), stable form
                    if ((sr * sr + si * si) * t * t < 1) {
                        phi1(sr * t, si * t, phi);
                        fr = t * (xr * phi[0] - xi * phi[1]);
                        fi = t * (xr * phi[1] + xi * phi[0]);
                    } else {
                        double nr = elr - xr;
                        double ni = eli - xi;
                        double s2 = sr * sr + si * si;
                        fr = (nr * sr + ni * si) / s2;
                        fi = (ni * sr - nr * si) / s2;
                    }
                } else {
                    // far: only - e^{-gamma t}/(lambda + gamma) here, e^{lambda t}/(lambda + gamma) is in G
                    double s2 = sr * sr + si * si;
                    fr = -(xr * sr + xi * si) / s2;
                    fi = -(xi * sr - xr * si) / s2;
                }
                qr -= eb[2 * j] * fr - eb[2 * j + 1] * fi;
                qi -= eb[2 * j] * fi + eb[2 * j + 1] * fr;
                abs += Math.sqrt(ur * ur + ui * ui) * mag
                        + Math.sqrt(eb[2 * j] * eb[2 * j] + eb[2 * j + 1] * eb[2 * j + 1]) * Math.sqrt(fr * fr + fi * fi);
            }
            hpRe[m] = pr;
            hpIm[m] = pi;
            hmRe[m] = qr;
            hmIm[m] = qi;
            hAbs[m] = SAFETY * EPS * abs;
            plusErr[m] = 2 * tail;
            minusErr[m] = elMag * fErr[k][m] + 2 * tail;
        }
    }

    /** phi1(x) = (e^x - 1)/x for complex |x| &lt; 1, by its series near 0 and expm1 otherwise. */
    private static void phi1(double xr, double xi, double[] out) {
        double a = Math.sqrt(xr * xr + xi * xi);
        if (a < 1e-3) {
            // 1 + x/2 + x^2/6 + x^3/24
            double x2r = xr * xr - xi * xi;
            double x2i = 2 * xr * xi;
            double x3r = x2r * xr - x2i * xi;
            double x3i = x2r * xi + x2i * xr;
            out[0] = 1 + xr / 2 + x2r / 6 + x3r / 24;
            out[1] = xi / 2 + x2i / 6 + x3i / 24;
            return;
        }
        double ei = Math.exp(xr) * Math.sin(xi);
        double er = Math.expm1(xr) * Math.cos(xi) - 2 * Math.sin(xi / 2) * Math.sin(xi / 2);
        double d = xr * xr + xi * xi;
        out[0] = (er * xr + ei * xi) / d;
        out[1] = (ei * xr - er * xi) / d;
    }
}
