package io.coherent.core.master;

import static io.coherent.core.linalg.Vectors.axpy;
import static io.coherent.core.linalg.Vectors.dot;
import static io.coherent.core.linalg.Vectors.norm;
import static io.coherent.core.linalg.Vectors.scale;

import java.util.Optional;
import java.util.SplittableRandom;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The slowest nonzero decay rate min |Re lambda| of a master-equation Liouvillian L, matrix-free, for dimensions
 * where its dense spectrum is too expensive.
 *
 * <p>Why the propagator: the slowest rate is the smallest |Re lambda|, not the smallest |lambda|, so shift-invert
 * near 0 can miss a slow coherence that oscillates fast (lambda = -gamma + i omega with large omega). On the
 * propagator P = exp(L tau) every eigenvalue maps to mu = exp(lambda tau) with |mu| = exp(-|Re lambda| tau)
 * exactly, whatever the frequency: the slowest decay is the eigenvalue of P of largest modulus. Arnoldi finds it.
 *
 * <p>Deflation: the trace is a left eigenvector of L for the eigenvalue 0 (L preserves the trace), so the traceless
 * Hermitian matrices form an invariant subspace holding every eigenvalue but the steady state's. Arnoldi runs there
 * (each vector re-projected onto trace 0 against rounding); further zero eigenvalues (non-unique steady states) and
 * undamped coherences give |mu| = 1 and are skipped with the dense path's rule (rate &lt;= 1e-9 x ||L||).
 *
 * <p>P is applied by s steps of a Taylor series of exp(h L), h = tau/s &lt;= 1/||L|| (truncated when a term is
 * below 1e-17 of the sum: the step error is at rounding level, so the modulus of mu carries no integrator error).
 * tau = 2 / (bound on the dissipator's gain), so the dissipative rates map well inside the unit circle and the slow
 * modes stand out near it (a growing mode of a non-positive Redfield generator, |mu| &gt; 1, counts by its |Re lambda|
 * like in the dense path). Accuracy: the Ritz residual r = h_{j+1,j} |s_j| of the selected Ritz pair bounds
 * |delta mu| for a well-conditioned eigenvalue; the rate error is taken as r / (|mu| tau) plus the change of the
 * rate over the last step. Converged when both are below {@link #TOLERANCE} of the rate; not converged within
 * {@link #MAX_KRYLOV} vectors gives no result (the caller says "not computed").
 */
final class SlowestDecay {
    /** Relative accuracy at which the rate counts as converged. */
    static final double TOLERANCE = 1e-8;
    /** Largest Krylov dimension (memory 2 d^2 x MAX_KRYLOV doubles). */
    static final int MAX_KRYLOV = 160;
    /** Krylov vectors of the first run. */
    static final int FIRST_KRYLOV = 15;
    /** Taylor step h ||L||: terms grow to 4^4/4! ~ 10 before they fall, so about one digit is lost to cancellation. */
    static final double TAYLOR_STEP = 4;
    /** Random probes of the mean decay rate. */
    static final int PROBES = 4;
    /**
     * Budget in real multiply-adds (Liouvillian applications x their cost): 2e11, about 20 s on one core;
     * beyond it the rate is not computed (a relaxation time is worth a short wait before a steady state or a run,
     * not minutes). Secular generators reach d = 60 within it; Redfield at d = 60 (~6.5e11) does not.
     */
    static final double MAX_WORK = 2e11;

    /**
     * The slowest decay rate.
     *
     * @param rate        min |Re lambda| over the nonzero eigenvalues of L (0 would mean nothing decays)
     * @param error       estimate of the error of rate
     * @param krylov      Arnoldi vectors used
     * @param evaluations applications of the Liouvillian (right-hand side evaluations)
     */
    record Rate(double rate, double error, int krylov, long evaluations) {
        /** 1/rate, infinite when nothing decays. */
        double time() {
            return 1 / rate;
        }
    }

    /** The map out += L(rho) on the flat [Re, Im] layout (allocation-free). */
    private final HermitianLiouvillian.FlatMap liouvillian;
    private final int d;
    private final int n;
    private final double norm;
    private final double cost;
    private final double[] term;
    private final double[] next;
    private final SplittableRandom random = new SplittableRandom(2026);
    private double tau;
    private int steps;
    private long evaluations;

    /**
     * @param d           dimension of H_S
     * @param liouvillian the Liouvillian on the flat layout
     * @param norm        a bound on ||L|| (Frobenius gain), the scale of "zero" for a rate
     * @param cost        multiply-adds of one application of the Liouvillian (for the budget)
     */
    SlowestDecay(int d, HermitianLiouvillian.FlatMap liouvillian, double norm, double cost) {
        this.cost = Math.max(cost, 1);
        this.d = d;
        this.n = 2 * d * d;
        this.liouvillian = liouvillian;
        this.norm = norm;
        this.term = new double[n];
        this.next = new double[n];
    }

    /** The slowest decay rate of g (empty when not converged within the budget or when g has no reservoir). */
    static Optional<Rate> of(MasterEquationGenerator g) {
        double dissipation = g.dissipator().normBound();
        if (!(dissipation > 0)) {
            return Optional.empty();
        }
        double[] e = g.energies();
        double bohr = e[e.length - 1] - e[0];
        int d = g.dimension();
        // the dissipator's own form: faster than the dense d^4 matrix in a side-by-side run at d = 16 (Redfield)
        return new SlowestDecay(d, g::addFull, bohr + dissipation, g.dissipator().cost() + 2.0 * d * d).solve();
    }

    /**
     * Two Arnoldi runs: the first with tau = 2 / (mean decay rate, a Hutchinson estimate of -tr L / d^2) on at most
     * {@link #FIRST_KRYLOV} vectors; if it has not converged, a second with tau = 2 / (the slowest rate it saw), which
     * moves the slowest mode away from the others near the unit circle.
     */
    Optional<Rate> solve() {
        int dim = Math.min(MAX_KRYLOV, d * d - 1);
        if (dim < 1) {
            return Optional.empty();
        }
        double radius = spectralRadius();
        double mean = meanRate();
        if (!(mean > 0) || !(radius > 0)) {
            return Optional.empty();
        }
        setTau(2 / mean, radius);
        Attempt first = arnoldi(Math.min(dim, FIRST_KRYLOV));
        if (first.rate != null || first.last == null) {
            return Optional.ofNullable(first.rate);
        }
        setTau(Math.max(tau, 1 / first.last.rate), radius);
        return Optional.ofNullable(arnoldi(dim).rate);
    }

    private void setTau(double tau, double radius) {
        this.tau = tau;
        this.steps = (int) Math.max(1, Math.ceil(tau * radius / TAYLOR_STEP));
    }

    /** Outcome of one Arnoldi run: the converged rate or null, and the last Ritz estimate. */
    private record Attempt(Rate rate, Ritz last) {
    }

    private Attempt arnoldi(int dim) {
        double[][] v = new double[dim + 1][];
        double[] h = new double[(dim + 1) * dim];
        double[] start = randomTraceless();
        scale(start, 1 / norm(start));
        v[0] = start;
        double previous = Double.NaN;
        Ritz r = null;
        for (int j = 0; j < dim; j++) {
            double[] w = new double[n];
            if (!propagate(v[j], w)) {
                return new Attempt(null, null);
            }
            traceless(w);
            // classical Gram-Schmidt twice (reorthogonalisation keeps the Krylov basis orthonormal to rounding)
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= j; i++) {
                    double c = dot(v[i], w);
                    h[i * dim + j] += c;
                    axpy(-c, v[i], w);
                }
            }
            double beta = norm(w);
            h[(j + 1) * dim + j] = beta;
            boolean invariant = beta <= 1e-13;
            r = slowest(h, dim, j + 1, beta);
            if (r != null) {
                double change = Math.abs(r.rate - previous);
                double error = invariant ? r.error : r.error + (Double.isNaN(change) ? Double.POSITIVE_INFINITY : change);
                if (error <= TOLERANCE * r.rate && j >= 4 || invariant) {
                    return new Attempt(new Rate(r.rate, error, j + 1, evaluations), r);
                }
                previous = r.rate;
            } else if (invariant) {
                // an invariant subspace without a decaying mode: nothing decays
                return new Attempt(new Rate(0, 0, j + 1, evaluations), null);
            }
            if (j + 1 < dim) {
                scale(w, 1 / beta);
                v[j + 1] = w;
            }
        }
        return new Attempt(null, r);
    }

    /** A random traceless Hermitian matrix (flat layout). */
    private double[] randomTraceless() {
        double[] x = new double[n];
        int dd = d * d;
        for (int m = 0; m < d; m++) {
            x[m * d + m] = random.nextDouble(-1, 1);
            for (int k = m + 1; k < d; k++) {
                double re = random.nextDouble(-1, 1);
                double im = random.nextDouble(-1, 1);
                x[m * d + k] = re;
                x[k * d + m] = re;
                x[dd + m * d + k] = im;
                x[dd + k * d + m] = -im;
            }
        }
        traceless(x);
        return x;
    }

    /** -x.L x / x.x averaged over random traceless Hermitian x: the mean decay rate -tr L / (d^2 - 1), roughly. */
    private double meanRate() {
        double sum = 0;
        for (int probe = 0; probe < PROBES; probe++) {
            double[] x = randomTraceless();
            java.util.Arrays.fill(next, 0);
            liouvillian.addTo(x, next);
            evaluations++;
            sum -= dot(x, next) / dot(x, x);
        }
        return sum / PROBES;
    }

    /** ||L|| by power iteration (the largest ratio seen; sets the Taylor step, so a rough value is enough). */
    private double spectralRadius() {
        double[] x = randomTraceless();
        double radius = 0;
        for (int it = 0; it < 30; it++) {
            double size = norm(x);
            java.util.Arrays.fill(next, 0);
            liouvillian.addTo(x, next);
            evaluations++;
            radius = Math.max(radius, norm(next) / size);
            for (int i = 0; i < n; i++) {
                x[i] = next[i] / norm(next);
            }
        }
        return radius;
    }

    /** A Ritz value as a decay rate with its residual-based error. */
    private record Ritz(double rate, double error) {
    }

    /** The Ritz value of the leading k x k Hessenberg block with the largest modulus below the undamped ones. */
    private Ritz slowest(double[] h, int dim, int k, double beta) {
        DMatrixRMaj hk = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                hk.set(i, j, h[i * dim + j]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, false);
        if (!eig.decompose(hk.copy())) {
            return null;
        }
        double undamped = MasterEquations.NULL_TOLERANCE * norm;
        double best = -1;
        double slowest = Double.POSITIVE_INFINITY;
        Complex_F64 chosen = null;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            Complex_F64 mu = eig.getEigenvalue(i);
            double modulus = Math.hypot(mu.real, mu.imaginary);
            // |Re lambda| as the dense path takes it (a growing Redfield mode counts by its rate too)
            double rate = Math.abs(Math.log(modulus)) / tau;
            if (modulus > 0 && rate > undamped && rate < slowest) {
                slowest = rate;
                best = modulus;
                chosen = mu;
            }
        }
        if (chosen == null) {
            return null;
        }
        // unit Ritz vector s of H_k by inverse iteration; the residual of V s is beta |s_k|
        double[][] s = MasterEquations.eigenvector(hk.data, k, chosen, 1e-14 * Math.max(best, 1e-300));
        if (s == null) {
            return new Ritz(slowest, Double.POSITIVE_INFINITY);
        }
        double residual = beta * Math.hypot(s[0][k - 1], s[1][k - 1]);
        return new Ritz(slowest, residual / (best * tau));
    }

    /** out = exp(L tau) x by {@link #steps} Taylor steps (x is left unchanged); false when over the budget. */
    private boolean propagate(double[] x, double[] out) {
        if (evaluations * cost > MAX_WORK) {
            return false;
        }
        double h = tau / steps;
        System.arraycopy(x, 0, out, 0, n);
        for (int s = 0; s < steps; s++) {
            System.arraycopy(out, 0, term, 0, n);
            double size = norm(out);
            boolean small = false;
            for (int k = 1; k <= 100; k++) {
                java.util.Arrays.fill(next, 0);
                liouvillian.addTo(term, next);
                evaluations++;
                double f = h / k;
                double t = 0;
                for (int i = 0; i < n; i++) {
                    term[i] = f * next[i];
                    out[i] += term[i];
                    t += term[i] * term[i];
                }
                // two consecutive terms at rounding level: the series has converged
                boolean tiny = Math.sqrt(t) <= 1e-17 * size;
                if (tiny && small) {
                    break;
                }
                small = tiny;
            }
        }
        return true;
    }

    /** Removes the trace (along the identity), keeping the matrix Hermitian. */
    private void traceless(double[] x) {
        double trace = 0;
        for (int m = 0; m < d; m++) {
            trace += x[m * d + m];
        }
        for (int m = 0; m < d; m++) {
            x[m * d + m] -= trace / d;
        }
    }
}
