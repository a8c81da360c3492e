package io.coherent.core.bosonic;

import io.coherent.core.bath.BoseEinstein;
import io.coherent.core.bath.ExponentialTerm;
import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.linalg.ComplexLu;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.quadrature.GaussKronrod;
import io.coherent.core.quadrature.Panel;
import io.coherent.core.quadrature.QuadratureResult;
import io.coherent.core.quadrature.VectorIntegrand;
import java.util.ArrayList;
import java.util.List;

/**
 * The steady state of a model with an Ohmic bath from the true spectral density, with no fitted kernel: the
 * frequency formula N = sum_k int J_k n_k conj(X_k) X_k^T dw with the exact self-energy of every bath,
 * <pre>
 *   X_k(w) = [-iH + iw - sum_q Sigma_q(w) conj(v_q) v_q^T]^{-1} i conj(v_k),
 *   Sigma_q(w) = int_0^inf f_q(t) e^{iwt} dt = pi J_q(w) - i P int J_q(w') / (w' - w) dw'
 * </pre>
 * (the pseudomodes eliminated from (A + iw) Y = -E). Exponential kernels give Sigma = sum_m a_m / (z_m - iw) exactly;
 * the Ohmic family's principal value P int_0^inf u^s e^{-u} / (u - y) du (y = w/Omega) is done by Gauss-Kronrod to
 * 1e-13 relative, with the singularity subtracted on [0, 2y]. The bath force's pseudomode sum, which the energy
 * currents read, is P_q = -i Sigma_q v_q^T X. The outer integral runs on the panels of the fitted embedding's poles
 * (which sit near the true peaks), its error estimate the only one; the fit never enters the values.
 */
final class SelfEnergyQuadrature {
    private static final double INNER_TOLERANCE = 1e-13;
    private static final int INNER_EVALUATIONS = 40_000;

    private SelfEnergyQuadrature() {
    }

    /**
     * The thermal moments (modes' rows, and bath q's pseudomode sum on its first pseudomode's row), the noise
     * correlations, with the outer quadrature's error estimates.
     */
    static ThermalIntegral.Result steady(PseudoModeEmbedding embedding, io.coherent.core.quadrature.QuadratureTolerance tolerance) {
        BilinearModel model = embedding.model();
        int n = model.modes();
        int baths = model.baths().size();
        int size = embedding.size();
        if (model.baths().stream().noneMatch(b -> b.temperature() > 0)) {
            return new ThermalIntegral.Result(ComplexMatrix.zeros(size, n), ComplexMatrix.zeros(size, n),
                    ComplexMatrix.zeros(baths, n), ComplexMatrix.zeros(baths, n), 0, true);
        }
        Integrand f = new Integrand(embedding);
        QuadratureResult q = new GaussKronrod(f).integrate(FrequencyGrid.panels(embedding.poles(), model),
                tolerance.absolute(), tolerance.relative(), tolerance.maxEvaluations());
        double[] v = q.values();
        double[] e = q.errors();
        int[] firstRow = new int[baths];
        java.util.Arrays.fill(firstRow, -1);
        for (int m = embedding.pseudoModes() - 1; m >= 0; m--) {
            firstRow[embedding.bathOfPseudoMode(m)] = n + m;
        }
        double[] sRe = new double[size * n];
        double[] sIm = new double[size * n];
        double[] sErr = new double[size * n];
        int nn = n * n;
        for (int i = 0; i < nn; i++) {
            sRe[i] = v[i];
            sIm[i] = v[nn + i];
            sErr[i] = e[i] + e[nn + i];
        }
        int forces = 2 * nn;
        int noises = forces + 2 * baths * n;
        double[] xRe = new double[baths * n];
        double[] xIm = new double[baths * n];
        double[] xErr = new double[baths * n];
        for (int k = 0; k < baths; k++) {
            for (int j = 0; j < n; j++) {
                int at = k * n + j;
                if (firstRow[k] >= 0) {
                    sRe[firstRow[k] * n + j] = v[forces + at];
                    sIm[firstRow[k] * n + j] = v[forces + baths * n + at];
                    sErr[firstRow[k] * n + j] = e[forces + at] + e[forces + baths * n + at];
                }
                xRe[at] = v[noises + at];
                xIm[at] = v[noises + baths * n + at];
                xErr[at] = e[noises + at] + e[noises + baths * n + at];
            }
        }
        return new ThermalIntegral.Result(ComplexMatrix.of(size, n, sRe, sIm), ComplexMatrix.of(size, n, sErr, new double[size * n]),
                ComplexMatrix.of(baths, n, xRe, xIm), ComplexMatrix.of(baths, n, xErr, new double[baths * n]),
                q.evaluations(), q.converged());
    }

    /**
     * Sigma(w) = int_0^inf f(t) e^{iwt} dt of one bath as {Re, Im}: the exponential kernel's sum, or for the Ohmic family
     * pi J(w) - i lambda Omega P int_0^inf u^s e^{-u} / (u - w/Omega) du.
     */
    static double[] selfEnergy(Bath bath, MemoryKernel kernel, double w) {
        if (bath.spectralDensity() instanceof OhmicFamily o) {
            double y = w / o.cutoff();
            double pv = principalValue(o.exponent(), y);
            return new double[] {Math.PI * o.value(w), -o.lambda() * o.cutoff() * pv};
        }
        double re = 0;
        double im = 0;
        for (ExponentialTerm t : kernel.terms()) {
            // a / (z - iw)
            double dr = t.rateRe();
            double di = t.rateIm() - w;
            double d2 = dr * dr + di * di;
            re += (t.amplitudeRe() * dr + t.amplitudeIm() * di) / d2;
            im += (t.amplitudeIm() * dr - t.amplitudeRe() * di) / d2;
        }
        return new double[] {re, im};
    }

    /** P int_0^inf u^s e^{-u} / (u - y) du; for y &gt; 0 the pole is subtracted on [0, 2y]. */
    static double principalValue(double s, double y) {
        List<Panel> panels = new ArrayList<>();
        if (y <= 0) {
            double lo = Math.min(Math.max(-y, 1e-30), 1) * 0x1p-20;
            panels.add(Panel.graded(0, lo, s + 1));
            double x = lo;
            for (; x < 64; x *= 2) {
                panels.add(Panel.finite(x, 2 * x));
            }
            panels.add(Panel.upperTail(x));
            return integrate(u -> Math.pow(u, s) * Math.exp(-u) / (u - y), panels);
        }
        double gy = Math.pow(y, s) * Math.exp(-y);
        double lo = y * 0x1p-20;
        List<Panel> near = new ArrayList<>();
        near.add(Panel.graded(0, lo, s + 1));
        for (double x = lo; x < y / 2; x *= 2) {
            near.add(Panel.finite(x, Math.min(2 * x, y / 2)));
        }
        near.add(Panel.finite(y / 2, y));
        near.add(Panel.finite(y, 1.5 * y));
        near.add(Panel.finite(1.5 * y, 2 * y));
        // the difference quotient by its Taylor series near u = y, where it would cancel to noise (and to 0/0 at y)
        double a = s / y - 1;
        double a1 = -s / (y * y);
        double a2 = 2 * s / (y * y * y);
        double g1 = a * gy;
        double g2 = (a * a + a1) * gy;
        double g3 = (2 * a * a1 + a2 + (a * a + a1) * a) * gy;
        double inner = integrate(u -> {
            double d = u - y;
            return Math.abs(d) < 1e-4 * y ? g1 + d * (g2 / 2 + d * g3 / 6) : (Math.pow(u, s) * Math.exp(-u) - gy) / d;
        }, near);
        for (double x = 2 * y; x < Math.max(64, 4 * y); x *= 2) {
            panels.add(Panel.finite(x, 2 * x));
        }
        double end = 2 * y;
        while (end < Math.max(64, 4 * y)) {
            end *= 2;
        }
        panels.add(Panel.upperTail(end));
        double outer = integrate(u -> Math.pow(u, s) * Math.exp(-u) / (u - y), panels);
        return inner + outer;
    }

    private static double integrate(java.util.function.DoubleUnaryOperator g, List<Panel> panels) {
        VectorIntegrand f = new VectorIntegrand() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void evaluate(double u, double[] out) {
                out[0] = g.applyAsDouble(u);
            }
        };
        return new GaussKronrod(f).integrate(panels, 0, INNER_TOLERANCE, INNER_EVALUATIONS).values()[0];
    }

    /**
     * Output: S = sum_k J n conj(X_k) X_k^T (n x n: re, im), then the pseudomode sums R_q = sum_k J n conj(P_qk) X_k^T
     * (K x n: re, im), then the noise correlations J_k n_k X_k (K x n: re, im).
     */
    private static final class Integrand implements VectorIntegrand {
        private final PseudoModeEmbedding embedding;
        private final BilinearModel model;
        private final int n;
        private final int baths;
        private final BoseEinstein[] occupations;
        private final ComplexLu lu;
        private final double[] mRe;
        private final double[] mIm;
        private final double[] xRe;
        private final double[] xIm;
        private final double[][] sigma;

        Integrand(PseudoModeEmbedding embedding) {
            this.embedding = embedding;
            this.model = embedding.model();
            this.n = model.modes();
            this.baths = model.baths().size();
            this.occupations = new BoseEinstein[baths];
            for (int k = 0; k < baths; k++) {
                occupations[k] = model.baths().get(k).occupation(model.support());
            }
            this.lu = new ComplexLu(n);
            this.mRe = new double[n * n];
            this.mIm = new double[n * n];
            this.xRe = new double[n];
            this.xIm = new double[n];
            this.sigma = new double[baths][];
        }

        @Override
        public int dimension() {
            return 2 * n * n + 4 * baths * n;
        }

        @Override
        public void evaluate(double w, double[] out) {
            java.util.Arrays.fill(out, 0);
            boolean any = false;
            double[] weight = new double[baths];
            for (int k = 0; k < baths; k++) {
                double jn = model.baths().get(k).spectralDensity().value(w) * occupations[k].occupation(w);
                weight[k] = Double.isFinite(jn) ? jn : 0;
                any |= weight[k] != 0;
            }
            if (!any) {
                return;
            }
            // M = -iH + iw - sum_q Sigma_q conj(v_q) v_q^T
            ComplexMatrix h = model.hamiltonian();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    mRe[i * n + j] = h.im(i, j);
                    mIm[i * n + j] = -h.re(i, j) + (i == j ? w : 0);
                }
            }
            for (int q = 0; q < baths; q++) {
                Bath b = model.baths().get(q);
                sigma[q] = selfEnergy(b, embedding.kernel(q), w);
                ComplexMatrix v = b.coupling();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        double pr = v.re(0, i) * v.re(0, j) + v.im(0, i) * v.im(0, j);
                        double pi = v.re(0, i) * v.im(0, j) - v.im(0, i) * v.re(0, j);
                        mRe[i * n + j] -= sigma[q][0] * pr - sigma[q][1] * pi;
                        mIm[i * n + j] -= sigma[q][0] * pi + sigma[q][1] * pr;
                    }
                }
            }
            lu.factorise(mRe, mIm, 0, 0);
            int nn = n * n;
            int forces = 2 * nn;
            int noises = forces + 2 * baths * n;
            int half = baths * n;
            for (int k = 0; k < baths; k++) {
                double jn = weight[k];
                if (jn == 0) {
                    continue;
                }
                ComplexMatrix v = model.baths().get(k).coupling();
                for (int i = 0; i < n; i++) {
                    xRe[i] = v.im(0, i);   // i conj(v) = vi + i vr
                    xIm[i] = v.re(0, i);
                }
                lu.solveInPlace(xRe, xIm);
                for (int i = 0; i < n; i++) {
                    double cr = jn * xRe[i];
                    double ci = -jn * xIm[i];
                    for (int j = 0; j < n; j++) {
                        out[i * n + j] += cr * xRe[j] - ci * xIm[j];
                        out[nn + i * n + j] += cr * xIm[j] + ci * xRe[j];
                    }
                }
                for (int q = 0; q < baths; q++) {
                    ComplexMatrix u = model.baths().get(q).coupling();
                    double tr = 0;
                    double ti = 0;
                    for (int i = 0; i < n; i++) {
                        tr += u.re(0, i) * xRe[i] - u.im(0, i) * xIm[i];
                        ti += u.re(0, i) * xIm[i] + u.im(0, i) * xRe[i];
                    }
                    // P = -i Sigma (v^T X)
                    double sr = sigma[q][0] * tr - sigma[q][1] * ti;
                    double si = sigma[q][0] * ti + sigma[q][1] * tr;
                    double pr = si;
                    double pi = -sr;
                    double cr = jn * pr;
                    double ci = -jn * pi;
                    for (int j = 0; j < n; j++) {
                        out[forces + q * n + j] += cr * xRe[j] - ci * xIm[j];
                        out[forces + half + q * n + j] += cr * xIm[j] + ci * xRe[j];
                    }
                }
                for (int j = 0; j < n; j++) {
                    out[noises + k * n + j] += jn * xRe[j];
                    out[noises + half + k * n + j] += jn * xIm[j];
                }
            }
        }
    }
}
