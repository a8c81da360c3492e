package io.coherent.core.bosonic;

import io.coherent.core.bath.DrudeLorentz;
import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.linalg.ComplexLu;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.linalg.HermitianEigen;
import io.coherent.core.quadrature.GaussKronrod;
import io.coherent.core.quadrature.QuadratureResult;
import io.coherent.core.quadrature.VectorIntegrand;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.special.Gamma;

/**
 * What a fitted memory kernel ({@link MemoryKernel}, an Ohmic bath) does to the second moments: a rigorous bound,
 * added to every error estimate of the exact engine.
 *
 * <p>The Green's function obeys the Volterra equation G' = -iHG - int_0^t M(t-u) G(u) du, M = C^H D C with C the
 * K x n matrix of coupling rows v_k^T and D = diag(f_k). With the fitted kernels M_f and their solution G_f, the
 * difference E = G - G_f obeys the same equation driven by dM * G, so (resolvent identity)
 * <pre>
 *   E = -G_f C^H * dD * C G,        dD = diag(f_k - f_fit,k),   int_0^t ||dD|| &lt;= delta(t) = sum_k int_0^t |df_k|.
 * </pre>
 * The true G is a contraction, ||G(t)|| &lt;= 1 (the commutators [c_i(t), c_j^+(t)] = delta_ij give G G^+ &lt;= 1 when
 * every J &gt;= 0; Drude-Lorentz is odd and breaks this, so it gets no bound). Hence, with a(t) = int_0^t ||G_f C^H||
 * and b(t) = int_0^t ||C G_f C^H|| (propagated with the state; Frobenius norms, which bound the operator norms):
 * <pre>
 *   ||G - G_f||(t)                 &lt;= eG = ||C|| a delta
 *   int_0^t ||(G - G_f) C^H||      &lt;= eY = a delta g,   g = b / (1 - b delta) &gt;= int_0^t ||C G C^H||  (needs b delta &lt; 1)
 * </pre>
 * and the moments follow: vacuum conj(G) N0 G^T within ||N0|| eG (||G_f|| + 1); the thermal part sum_k int J_k n_k
 * conj(Y_k) Y_k^T, |Y_k| &lt;= a, within sum_k W_k eY (2a + eY), W_k = int |J_k n_k| dw (Ohmic: lambda Omega^(1-s)
 * Gamma(s+1) T^(s+1) zeta(s+1, 1 + T/Omega)); the bath force's pseudomode sum P_k = -i f_k * v_k^T c through
 * ||f_fit,k||_1 &lt;= kappa_k = sum |a_m| / Re z_m. The bound at time t needs the kernels' error on [0, t] only (causality).
 *
 * <p>Steady state: the same identity in frequency, Ghat - Ghat_f = -Ghat_f C^H dDhat C Ghat with |dDhat(w)| &lt;= delta(inf),
 * pointwise at every w, integrated against J n by the same quadrature (a bound that scales with the moments
 * themselves). The vacuum part vanishes in both models when the true one has no bound state below the band: an Ohmic
 * bath (J = 0 for w &lt;= 0) binds a state iff H - sum_k lambda_k Omega_k Gamma(s_k) conj(v_k) v_k^T has an eigenvalue
 * &lt;= 0 on the bright modes (the eigenvalues of H + Sigma(w) - w decrease with w, Sigma real below the band); then
 * the steady state is refused as not converged.
 */
final class KernelFitBound {
    /** A bound above this fraction of the moments' scale (or b delta &gt;= 1) leaves the value not converged. */
    static final double RELATIVE_LIMIT = 0.01;
    private static final double BOUND_RELATIVE_TOLERANCE = 1e-3;
    private static final int BOUND_EVALUATIONS = 100_000;

    private final PseudoModeEmbedding embedding;
    private final int n;
    private final int baths;
    private final boolean active;
    private final boolean contraction;
    private final double[] vNorm;
    private final double cNorm;
    private final double[] kappa;
    private final double[] weight;
    private final double initialNorm;

    /**
     * The bound's pieces at one time, as entry bounds: on every entry of the modes' block of the vacuum and thermal
     * moments, on bath k's noise correlation &lt;xi_k^+ c&gt;, and on the pseudomode sums &lt;P_k^+ c&gt; (vacuum, thermal).
     */
    record Errors(double vacuum, double thermal, double[] noise, double[] forceVacuum, double[] forceThermal, String note) {
        boolean finite() {
            boolean ok = Double.isFinite(vacuum) && Double.isFinite(thermal);
            for (int k = 0; k < noise.length; k++) {
                ok &= Double.isFinite(noise[k]) && Double.isFinite(forceVacuum[k]) && Double.isFinite(forceThermal[k]);
            }
            return ok;
        }

        double max() {
            double m = Math.max(vacuum, thermal);
            for (int k = 0; k < noise.length; k++) {
                m = Math.max(m, Math.max(noise[k], Math.max(forceVacuum[k], forceThermal[k])));
            }
            return m;
        }
    }

    KernelFitBound(PseudoModeEmbedding embedding) {
        this.embedding = embedding;
        BilinearModel model = embedding.model();
        this.n = model.modes();
        this.baths = model.baths().size();
        this.active = embedding.hasFittedKernel();
        this.contraction = model.baths().stream().noneMatch(b -> b.spectralDensity() instanceof DrudeLorentz);
        this.vNorm = new double[baths];
        this.kappa = new double[baths];
        this.weight = new double[baths];
        double c2 = 0;
        for (int k = 0; k < baths; k++) {
            Bath b = model.baths().get(k);
            vNorm[k] = Math.sqrt(norm2(b.coupling()));
            c2 += vNorm[k] * vNorm[k];
            kappa[k] = embedding.kernel(k).l1Norm();
            weight[k] = thermalWeight(b);
        }
        this.cNorm = Math.sqrt(c2);
        this.initialNorm = Math.sqrt(norm2(model.initialOccupation()));
    }

    boolean active() {
        return active;
    }

    /** Sum of |M_ij|^2. */
    private static double norm2(ComplexMatrix m) {
        double s = 0;
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                s += m.re(i, j) * m.re(i, j) + m.im(i, j) * m.im(i, j);
            }
        }
        return s;
    }

    /**
     * W = int |J n| dw: 0 at T = 0; the Ohmic family's int_0^inf lambda Omega^(1-s) w^s e^{-w/Omega} / (e^{w/T} - 1) dw
     * = lambda Omega^(1-s) Gamma(s+1) T^(s+1) zeta(s+1, 1 + T/Omega), the Hurwitz zeta bounded above by its first
     * 2000 terms plus the integral of the rest; +infinity for the rational densities at T &gt; 0 (J(0) != 0 on the
     * whole line makes |J n| ~ T J(0)/|w| at w = 0).
     */
    private static double thermalWeight(Bath b) {
        double t = b.temperature();
        if (t == 0) {
            return 0;
        }
        if (!(b.spectralDensity() instanceof OhmicFamily o)) {
            return Double.POSITIVE_INFINITY;
        }
        double p = o.exponent() + 1;
        double q = 1 + t / o.cutoff();
        int terms = 2000;
        double zeta = 0;
        for (int k = 0; k < terms; k++) {
            zeta += Math.pow(k + q, -p);
        }
        zeta += Math.pow(terms - 1 + q, 1 - p) / (p - 1);
        return o.lambda() * Math.pow(o.cutoff(), 1 - o.exponent()) * Gamma.gamma(p) * Math.pow(t, p) * zeta;
    }

    /** Sum over baths of the kernels' L1 error on [0, t]. */
    private double delta(double t) {
        double d = 0;
        for (int k = 0; k < baths; k++) {
            d += embedding.kernel(k).l1Error(t);
        }
        return d;
    }

    /**
     * The bound at time t of a trajectory.
     *
     * @param a     int_0^t ||G_f C^H||_F
     * @param b     int_0^t ||C G_f C^H||_F
     * @param phiRe Phi(t)[:, 0:n], N x n row-major real parts (and {@code phiIm})
     */
    Errors at(double t, double a, double b, double[] phiRe, double[] phiIm) {
        double[] zero = new double[baths];
        if (!active) {
            return new Errors(0, 0, zero, zero.clone(), zero.clone(), "");
        }
        double delta = delta(t);
        if (!contraction) {
            return infinite("drude-lorentz (J < 0 below w = 0) with a fitted kernel: no bound on the fit's effect");
        }
        double gNorm = 0;
        for (int i = 0; i < n * n; i++) {
            gNorm += phiRe[i] * phiRe[i] + phiIm[i] * phiIm[i];
        }
        gNorm = Math.sqrt(gNorm);
        double[] psi = new double[baths];
        for (int m = 0; m < embedding.pseudoModes(); m++) {
            int k = embedding.bathOfPseudoMode(m);
            int row = (n + m) * n;
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += phiRe[row + j] * phiRe[row + j] + phiIm[row + j] * phiIm[row + j];
            }
            psi[k] += Math.sqrt(s); // |sum_m row_m| <= sum_m |row_m|
        }
        double eG = cNorm * a * delta;
        double bd = b * delta;
        double eY = delta == 0 ? 0 : bd < 1 ? a * delta * b / (1 - bd) : Double.POSITIVE_INFINITY;
        double vacuum = initialNorm * eG * (gNorm + 1);
        return assemble(t, vacuum, a, eG, eY, psi, bd < 1 ? "" : String.format(java.util.Locale.ROOT,
                "kernel-fit bound void at t = %.4g (b delta = %.3g >= 1)", t, bd));
    }

    private Errors assemble(double t, double vacuum, double a, double eG, double eY, double[] psi, String note) {
        double thermal = 0;
        double[] noise = new double[baths];
        double[] forceVacuum = new double[baths];
        double[] forceThermal = new double[baths];
        double weights = 0;
        for (int k = 0; k < baths; k++) {
            if (weight[k] > 0) {
                thermal += weight[k] * eY * (2 * a + eY);
                noise[k] = weight[k] * eY;
                weights += weight[k];
            }
        }
        for (int k = 0; k < baths; k++) {
            double dk = embedding.kernel(k).l1Error(t);
            double ePsi = vNorm[k] * (dk + kappa[k] * eG);
            forceVacuum[k] = initialNorm * (ePsi + psi[k] * eG);
            if (weights > 0) {
                double eZ = vNorm[k] * (dk * (a + eY) + kappa[k] * eY);
                forceThermal[k] = weights * (eZ * (a + eY) + kappa[k] * vNorm[k] * a * eY);
            }
        }
        return new Errors(vacuum, thermal, noise, forceVacuum, forceThermal, note);
    }

    private Errors infinite(String note) {
        double[] inf = new double[baths];
        java.util.Arrays.fill(inf, Double.POSITIVE_INFINITY);
        return new Errors(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, inf, inf.clone(), inf.clone(), note);
    }

    /**
     * The bound on the steady state: pointwise in frequency, integrated against |J n| over the thermal integral's
     * panels; the vacuum part is zero when the true model has no bound state (else infinite, with the reason).
     */
    Errors steady() {
        double[] zero = new double[baths];
        if (!active) {
            return new Errors(0, 0, zero, zero.clone(), zero.clone(), "");
        }
        if (!contraction) {
            return infinite("drude-lorentz (J < 0 below w = 0) with a fitted kernel: no bound on the fit's effect");
        }
        double bottom = lowestBoundEnergy();
        if (!(bottom > 0)) {
            return infinite(String.format(java.util.Locale.ROOT, "the Ohmic bath binds a state below its band (lowest "
                    + "eigenvalue of H - sum lambda Omega Gamma(s) v v^+ on the bright modes: %.4g <= 0): the true steady state "
                    + "keeps part of the initial state, which the fitted kernel cannot follow", bottom));
        }
        double delta = delta(Double.POSITIVE_INFINITY);
        if (java.util.Arrays.stream(weight).allMatch(w -> w == 0)) {
            return new Errors(0, 0, zero, zero.clone(), zero.clone(), "");
        }
        SteadyIntegrand f = new SteadyIntegrand(delta);
        QuadratureResult r = new GaussKronrod(f).integrate(FrequencyGrid.panels(embedding.poles(), embedding.model()),
                0, BOUND_RELATIVE_TOLERANCE, BOUND_EVALUATIONS);
        double[] v = r.values();
        double[] e = r.errors();
        if (f.voidAt != null) {
            return infinite(f.voidAt);
        }
        double thermal = v[0] + e[0];
        double[] noise = new double[baths];
        double[] force = new double[baths];
        for (int k = 0; k < baths; k++) {
            noise[k] = v[1 + k] + e[1 + k];
            force[k] = v[1 + baths + k] + e[1 + baths + k];
        }
        return new Errors(0, thermal, noise, zero, force, r.converged() ? "" : "the kernel-fit bound's quadrature did not "
                + "converge");
    }

    /**
     * The lowest eigenvalue on the bright modes of H - sum_k lambda_k Omega_k Gamma(s_k) conj(v_k) v_k^T (Ohmic baths;
     * = H + Sigma(0), Sigma(0) = -int J(w)/w dw): &gt; 0 means no bound state below the band.
     */
    private double lowestBoundEnergy() {
        BilinearModel model = embedding.model();
        ComplexMatrix h = model.hamiltonian();
        double[] re = h.realParts();
        double[] im = h.imaginaryParts();
        for (Bath b : model.baths()) {
            if (b.spectralDensity() instanceof OhmicFamily o) {
                double shift = o.lambda() * o.cutoff() * Gamma.gamma(o.exponent());
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        // conj(v_i) v_j
                        double vr = b.coupling().re(0, i) * b.coupling().re(0, j) + b.coupling().im(0, i) * b.coupling().im(0, j);
                        double vi = b.coupling().re(0, i) * b.coupling().im(0, j) - b.coupling().im(0, i) * b.coupling().re(0, j);
                        re[i * n + j] -= shift * vr;
                        im[i * n + j] -= shift * vi;
                    }
                }
            }
        }
        ComplexMatrix u = embedding.subspace().bright();
        if (u.cols() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        ComplexMatrix reduced = u.conjugateTranspose().times(ComplexMatrix.of(n, n, re, im)).times(u);
        double[] values = HermitianEigen.of(reduced).values();
        double min = Double.POSITIVE_INFINITY;
        for (double x : values) {
            min = Math.min(min, x);
        }
        return min;
    }

    /**
     * At each w: X_k = (A_b + iw)^{-1} E_k on the modes (|X_k| = |Ghat_f conj(v_k)|), eX = ||X||_F delta g(w) with
     * g = ||C X||_F / (1 - ||C X||_F delta); output [thermal, noise_k, force_k] weighted by |J_k n_k|.
     */
    private final class SteadyIntegrand implements VectorIntegrand {
        private final double delta;
        private final ComplexLu lu;
        private final int nb;
        private final double[] basisRe;
        private final double[] basisIm;
        private final double[][] xRe;
        private final double[][] xIm;
        private final double[] norm;
        private final double[] jn;
        private final io.coherent.core.bath.BoseEinstein[] occupations;
        private String voidAt;

        SteadyIntegrand(double delta) {
            this.delta = delta;
            this.nb = embedding.brightSize();
            this.lu = new ComplexLu(nb);
            this.basisRe = embedding.brightBasis().realParts();
            this.basisIm = embedding.brightBasis().imaginaryParts();
            this.xRe = new double[baths][nb];
            this.xIm = new double[baths][nb];
            this.norm = new double[baths];
            this.jn = new double[baths];
            BilinearModel model = embedding.model();
            this.occupations = new io.coherent.core.bath.BoseEinstein[baths];
            for (int k = 0; k < baths; k++) {
                occupations[k] = model.baths().get(k).occupation(model.support());
            }
        }

        @Override
        public int dimension() {
            return 1 + 2 * baths;
        }

        @Override
        public void evaluate(double w, double[] out) {
            java.util.Arrays.fill(out, 0);
            BilinearModel model = embedding.model();
            boolean any = false;
            for (int k = 0; k < baths; k++) {
                double v = model.baths().get(k).spectralDensity().value(w) * occupations[k].occupation(w);
                jn[k] = Double.isFinite(v) ? Math.abs(v) : 0;
                any |= jn[k] > 0;
            }
            if (!any) {
                return;
            }
            lu.factorise(embedding.brightGeneratorRe(), embedding.brightGeneratorIm(), 0, w);
            double x2 = 0;
            double cx2 = 0;
            for (int k = 0; k < baths; k++) {
                System.arraycopy(embedding.brightNoiseRe(k), 0, xRe[k], 0, nb);
                System.arraycopy(embedding.brightNoiseIm(k), 0, xIm[k], 0, nb);
                lu.solveInPlace(xRe[k], xIm[k]);
            }
            for (int k = 0; k < baths; k++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    double yr = 0;
                    double yi = 0;
                    for (int a = 0; a < nb; a++) {
                        yr += basisRe[i * nb + a] * xRe[k][a] - basisIm[i * nb + a] * xIm[k][a];
                        yi += basisRe[i * nb + a] * xIm[k][a] + basisIm[i * nb + a] * xRe[k][a];
                    }
                    s += yr * yr + yi * yi;
                    // (C X)_{k'k} = v_k'^T X_k, bounded by |v_k'| |X_k| summed below
                }
                norm[k] = Math.sqrt(s);
                x2 += s;
            }
            for (int k = 0; k < baths; k++) {
                cx2 += vNorm[k] * vNorm[k] * x2;
            }
            double xNorm = Math.sqrt(x2);
            double cx = Math.sqrt(cx2);
            if (!(cx * delta < 1)) {
                if (voidAt == null) {
                    voidAt = String.format(java.util.Locale.ROOT, "kernel-fit bound void at w = %.4g (|C Ghat_f C^+| delta "
                            + "= %.3g >= 1)", w, cx * delta);
                }
                return;
            }
            double eX = xNorm * delta * cx / (1 - cx * delta);
            for (int k = 0; k < baths; k++) {
                out[0] += jn[k] * eX * (2 * norm[k] + eX);
                out[1 + k] = jn[k] * eX;
            }
            for (int k = 0; k < baths; k++) {
                double dk = embedding.kernel(k).l1Error(Double.POSITIVE_INFINITY);
                for (int kk = 0; kk < baths; kk++) {
                    if (jn[kk] == 0) {
                        continue;
                    }
                    double eZ = vNorm[k] * (dk * (norm[kk] + eX) + kappa[k] * eX);
                    out[1 + baths + k] += jn[kk] * (eZ * (norm[kk] + eX) + kappa[k] * vNorm[k] * norm[kk] * eX);
                }
            }
        }
    }

    /** Notes for a report: one line per fitted kernel. */
    List<String> describeKernels() {
        List<String> notes = new ArrayList<>();
        for (int k = 0; k < baths; k++) {
            if (embedding.kernel(k).fitted()) {
                notes.add(embedding.kernel(k).describe(embedding.model().baths().get(k).name()));
            }
        }
        return notes;
    }
}
