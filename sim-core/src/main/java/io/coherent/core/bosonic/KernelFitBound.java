package io.coherent.core.bosonic;

import io.coherent.core.bath.DrudeLorentz;
import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.linalg.ComplexMatrix;
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
 * <p>The steady state needs no bound: it is computed from the true J and the exact self-energy
 * ({@link SelfEnergyQuadrature}), without the fit.
 */
final class KernelFitBound {

    private final PseudoModeEmbedding embedding;
    private final int n;
    private final int baths;
    private final boolean active;
    private final boolean contraction;
    private final double[] vNorm;
    private final double cNorm;
    private final double[] kappa;
    private final double[] weight;
    /** sup_w J_k n_k (+infinity where unbounded or unknown). */
    private final double[] peak;
    private final double initialNorm;

    /**
     * The bound's pieces at one time, as entry bounds: on every entry of the modes' block of the vacuum and thermal
     * moments, on bath k's noise correlation &lt;xi_k^+ c&gt;, and on the pseudomode sums &lt;P_k^+ c&gt; (vacuum, thermal).
     */
    record Errors(double vacuum, double thermal, double[] noise, double[] forceVacuum, double[] forceThermal) {
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
        this.peak = new double[baths];
        double c2 = 0;
        for (int k = 0; k < baths; k++) {
            Bath b = model.baths().get(k);
            vNorm[k] = Math.sqrt(norm2(b.coupling()));
            c2 += vNorm[k] * vNorm[k];
            kappa[k] = embedding.kernel(k).l1Norm();
            weight[k] = thermalWeight(b);
            peak[k] = thermalPeak(b);
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

    /**
     * sup_w J n for the Ohmic family with s &gt;= 1: n &lt;= T/w gives J n &lt;= lambda Omega^(1-s) T w^(s-1) e^{-w/Omega},
     * largest at w = (s-1) Omega: lambda T (s-1)^(s-1) e^(1-s) (lambda T at s = 1); +infinity for s &lt; 1 (J n ~ w^(s-1)
     * at 0) and for the other densities (not needed: their W is 0 or infinite).
     */
    private static double thermalPeak(Bath b) {
        if (b.temperature() == 0) {
            return 0;
        }
        if (b.spectralDensity() instanceof OhmicFamily o && o.exponent() >= 1) {
            double s = o.exponent();
            return o.lambda() * b.temperature() * (s == 1 ? 1 : Math.pow(s - 1, s - 1) * Math.exp(1 - s));
        }
        return Double.POSITIVE_INFINITY;
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
     * @param thermalTrace the trace of the computed thermal moments' modes block, sum_k int J_k n_k |Y_f,k|^2
     * @param absorptionError per bath, a bound on sup |C_in - C_in,used| of the absorption correlation the thermal part
     *                        was computed with (0 where it used the true J; see {@link #withAbsorptionFit})
     */
    Errors at(double t, double a, double b, double[] phiRe, double[] phiIm, double thermalTrace, double[] absorptionError) {
        Errors kernel = at(t, a, b, phiRe, phiIm, thermalTrace + n * absorptionSum(absorptionError) * a * a);
        return withAbsorptionFit(kernel, a, absorptionError);
    }

    private static double absorptionSum(double[] e) {
        double s = 0;
        for (double x : e) {
            s += x;
        }
        return s;
    }

    /**
     * The thermal part computed with a fitted C_in,k (sup error e_k) instead of the true J: each moment is a double
     * time integral of C_in against the responses y_k(u) = G_f(t - u) conj(v_k), whose L1 norms on [0, t] are at most
     * a, so (|int int conj(y(u)) dC(u - u') y(u') du du'| &lt;= e a^2) the modes block moves by at most a^2 sum_k e_k,
     * bath k's noise &lt;xi_k^+ c&gt; (a single integral) by e_k a, and bath k's pseudomode sum, whose response is
     * f_fit,k * (v_k^T y) with L1 norm &lt;= kappa_k |v_k| a, by kappa_k |v_k| a^2 sum_q e_q. The trace passed to the
     * Parseval bound is raised by n a^2 sum_k e_k, so that it still bounds the true-J trace.
     */
    private Errors withAbsorptionFit(Errors e, double a, double[] absorptionError) {
        double sum = absorptionSum(absorptionError);
        if (sum == 0) {
            return e;
        }
        double[] noise = e.noise().clone();
        double[] force = e.forceThermal().clone();
        for (int k = 0; k < baths; k++) {
            noise[k] += absorptionError[k] * a;
            force[k] += kappa[k] * vNorm[k] * a * a * sum;
        }
        return new Errors(e.vacuum(), e.thermal() + a * a * sum, noise, e.forceVacuum(), force);
    }

    private Errors at(double t, double a, double b, double[] phiRe, double[] phiIm, double thermalTrace) {
        double[] zero = new double[baths];
        if (!active) {
            return new Errors(0, 0, zero, zero.clone(), zero.clone());
        }
        double delta = delta(t);
        if (!contraction) {
            return infinite(); // Drude-Lorentz has J < 0 below w = 0: G need not be a contraction, no bound
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
        return assemble(t, vacuum, a, eG, eY, psi, Math.max(0, thermalTrace)); // eY infinite once b delta >= 1
    }

    /**
     * The thermal part two ways, the smaller kept: (i) |Y_k| &lt;= a and int |J n| = W: W eY (2a + eY); (ii) Cauchy-Schwarz
     * with Parseval, int J n |dY|^2 dw &lt;= M 2 pi int_0^t |(G - G_f) conj(v_k)|^2 &lt;= M 2 pi eG |v_k| eY =: D_k^2 (M =
     * sup J_k n_k) and int J_k n_k |Y_f,k|^2 &lt;= tr N_th,f: sum_k D_k (2 sqrt(tr N_th,f) + D_k); the noise likewise
     * through int J n |dY| &lt;= sqrt(W_k) D_k.
     */
    private Errors assemble(double t, double vacuum, double a, double eG, double eY, double[] psi, double trace) {
        double thermal = 0;
        double parseval = 0;
        double[] noise = new double[baths];
        double[] forceVacuum = new double[baths];
        double[] forceThermal = new double[baths];
        double weights = 0;
        for (int k = 0; k < baths; k++) {
            if (weight[k] > 0) {
                double product = eG * vNorm[k] * eY;
                double d = product == 0 ? 0 : Math.sqrt(2 * Math.PI * peak[k] * product); // no infinity x 0
                thermal += weight[k] * eY * (2 * a + eY);
                parseval += d * (2 * Math.sqrt(trace) + d);
                noise[k] = Math.min(weight[k] * eY, Math.sqrt(weight[k]) * d);
                weights += weight[k];
            }
        }
        thermal = Math.min(thermal, parseval);
        for (int k = 0; k < baths; k++) {
            double dk = embedding.kernel(k).l1Error(t);
            double ePsi = vNorm[k] * (dk + kappa[k] * eG);
            forceVacuum[k] = initialNorm * (ePsi + psi[k] * eG);
            if (weights > 0) {
                double eZ = vNorm[k] * (dk * (a + eY) + kappa[k] * eY);
                forceThermal[k] = weights * (eZ * (a + eY) + kappa[k] * vNorm[k] * a * eY);
            }
        }
        return new Errors(vacuum, thermal, noise, forceVacuum, forceThermal);
    }

    private Errors infinite() {
        double[] inf = new double[baths];
        java.util.Arrays.fill(inf, Double.POSITIVE_INFINITY);
        return new Errors(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, inf, inf.clone(), inf.clone());
    }
}
