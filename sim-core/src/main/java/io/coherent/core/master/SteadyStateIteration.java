package io.coherent.core.master;

import io.coherent.core.linalg.Vectors;
import java.util.ArrayList;
import java.util.List;

/**
 * The steady state of a master equation without a dense Liouvillian: L rho = 0 with Tr rho = 1 solved matrix-free by
 * preconditioned GMRES on the d^2 Hermitian parameters (docs/master-equations.md, "Steady state").
 *
 * <p>Trace condition by a rank-one border: A x = L x + u Tr x with u = (g/d) 1 (g the dissipator's rate scale, so
 * that A is balanced), b = u. Because L preserves the trace (Tr L x = 0 for all x), Tr(A x) = g Tr x, so A x = b
 * forces Tr x = 1 and then L x = 0; and A is non-singular exactly when the null space of L is one-dimensional
 * (A x = 0 gives Tr x = 0, then L x = 0 with Tr x = 0). Unlike replacing one population equation, the border keeps
 * every equation and is invariant under relabelling of the levels; its spectrum is L's non-zero spectrum plus g.
 *
 * <p>Each product A x is one application of the generator's own right-hand side (O(K d^3), allocation-free); the
 * preconditioner is {@link SecularPreconditioner}.
 *
 * <p>Error estimate of the returned state (2-norm over the Hermitian parameters, which bounds every element):
 * the error e = x - x* solves A e = r with r = A x - b = L x the computed residual, so a second, loose GMRES solve
 * (relative 1e-6) of A e = r measures it directly. The corrected state x - e is returned, so that each observable's
 * error can be taken as twice its change under the correction, plus what the loose solve leaves: the error of e is
 * at most ||A^-1|| ||r - A e||, doubled, with ||A^-1|| estimated by a few steps of inverse iteration (each a GMRES
 * solve). Inverse iteration finds the largest eigenvalue of A^-1, a lower estimate of its norm for a non-normal L;
 * the factors 2 and the tests' check against independent states (dense null space, Gibbs state, long propagation)
 * are what support it. ||A^-1|| also flags a nearly singular Liouvillian. The Lamb-shift quadrature error is not part of
 * it: the caller solves the generator with shifted principal values ({@link #steadyStateOf}) and compares.
 */
final class SteadyStateIteration {
    /** GMRES stops when ||A x - b|| &lt;= TOLERANCE ||b||. */
    static final double TOLERANCE = 1e-10;
    /** Krylov dimension before a restart. */
    static final int RESTART = 40;
    /** Arnoldi steps allowed for the steady state itself. */
    static final int MAX_ITERATIONS = 600;
    /** Relative accuracy of the inverse-iteration solves. */
    static final double ESTIMATE_TOLERANCE = 1e-2;
    /**
     * Relative accuracy of the solve for the error e: what it leaves, ||A^-1|| ||r - A e||, is propagated to the
     * observables by norm bounds, so it is kept well below the error itself (a few more iterations).
     */
    static final double CORRECTION_TOLERANCE = 1e-6;
    /** Inverse-iteration steps for ||A^-1||. */
    static final int INVERSE_ITERATIONS = 4;
    /** ||A^-1|| g above this: L is numerically singular on the traceless matrices (steady state not unique). */
    static final double SINGULAR = 1e9;
    /** LU pivot ratio of a preconditioner block below this: that block is numerically singular. */
    static final double SINGULAR_BLOCK = 1e-12;

    /**
     * @param rho             the steady state, flat [Re, Im] in the H_S eigenbasis, trace 1
     * @param iterations      GMRES steps for the steady state (not counting the error estimate's)
     * @param residual        max |(L rho)_i| over the Hermitian parameters
     * @param converged       GMRES met its tolerance
     * @param corrected       rho - e, e the solved error (flat [Re, Im]); null if the error solve did not converge
     * @param correctedError  2 ||A^-1|| ||r - A e||, the error estimate of corrected (2-norm); NaN if not formed
     * @param inverseNorm     the estimate of ||A^-1||
     * @param nearlySingular  A looks singular: the steady state may not be unique
     * @param notes           what was done, for people
     */
    record Result(double[] rho, int iterations, double residual, boolean converged, double[] corrected,
                  double correctedError, double inverseNorm, boolean nearlySingular, List<String> notes) {
    }

    private final MasterEquationGenerator generator;
    private final int d;
    private final double border;
    private final double[] flatIn;
    private final double[] flatOut;
    private final SecularPreconditioner preconditioner;
    private final RestartedGmres gmres;
    private final double groupTolerance;

    /**
     * @param tensor         the dissipator's elements in the H_S eigenbasis (exact, or an approximation: it only
     *                       shapes the preconditioner)
     * @param secularGroups  group only equal Bohr frequencies (within this tolerance) when the dissipator is secular
     *                       in the H_S eigenbasis; NaN to group by the rate scale (non-secular generators)
     */
    SteadyStateIteration(MasterEquationGenerator generator, TensorElements tensor, double secularGroups) {
        this.generator = generator;
        this.d = generator.dimension();
        int n = d * d;
        double rates = SecularPreconditioner.rateScale(d, tensor);
        this.border = rates > 0 ? rates : 1;
        // Couplings between groups farther apart than 10 rates perturb the inverse by ~ 1/10 or less: GMRES removes
        // that in a few steps. The block cap keeps the factorisations within ~1e7 complex entries (160 MB).
        this.groupTolerance = Double.isNaN(secularGroups) ? 10 * border : secularGroups;
        int maxBlock = (int) Math.max(16, Math.min((long) d, 10_000_000L / ((long) n)));
        this.preconditioner = new SecularPreconditioner(generator.energies(), tensor, border, groupTolerance, maxBlock);
        this.flatIn = new double[2 * n];
        this.flatOut = new double[2 * n];
        this.gmres = new RestartedGmres(n, RESTART, (x, y) -> applyBordered(generator, x, y), preconditioner);
    }

    /** y = L x + u Tr x on the Hermitian parameters, L the given generator's (allocation-free). */
    private void applyBordered(MasterEquationGenerator liouvillian, double[] x, double[] y) {
        HermitianLiouvillian.fromParameters(d, x, flatIn);
        liouvillian.computeDerivatives(0, flatIn, flatOut);
        HermitianLiouvillian.toParameters(d, flatOut, y);
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += x[i * d + i];
        }
        for (int i = 0; i < d; i++) {
            y[i * d + i] += border / d * trace;
        }
    }

    Result solve() {
        int n = d * d;
        double[] b = rightHandSide();
        double[] x = new double[n];
        RestartedGmres.Outcome main = gmres.solve(b, x, TOLERANCE, MAX_ITERATIONS);
        normaliseTrace(x);
        // r = A x - b = L x once Tr x = 1
        double[] r = new double[n];
        applyBordered(generator, x, r);
        double residual = 0;
        for (int i = 0; i < n; i++) {
            r[i] -= b[i];
            residual = Math.max(residual, Math.abs(r[i]));
        }
        double[] e = new double[n];
        RestartedGmres.Outcome correction = gmres.solve(r, e, CORRECTION_TOLERANCE, MAX_ITERATIONS);
        double correctionNorm = Vectors.norm(e);
        double inverseNorm = inverseNorm(correctionNorm > 0 ? e : b);
        List<String> notes = new ArrayList<>();
        notes.add(String.format(java.util.Locale.ROOT, "GMRES(%d) on the %d Hermitian parameters, %d iterations, residual"
                        + " %.2g; preconditioner: %d Bohr-frequency blocks (grouping tolerance %.3g, largest %d)",
                RESTART, n, main.iterations(), residual, preconditioner.blocks(), groupTolerance,
                preconditioner.largestBlock()));
        boolean singularBlock = preconditioner.worstPivotRatio() < SINGULAR_BLOCK;
        boolean nearlySingular = singularBlock || !(inverseNorm * border < SINGULAR);
        if (!main.converged()) {
            notes.add("GMRES did not reach the relative residual " + TOLERANCE + " (stalled at "
                    + main.residual() / Vectors.norm(b) + " after " + main.iterations() + " iterations)");
        }
        if (singularBlock) {
            notes.add("a preconditioner block is numerically singular (LU pivot ratio " + preconditioner.worstPivotRatio()
                    + "): the steady state is probably not unique (dark states, a decoherence-free subspace or a conserved"
                    + " quantity)");
        }
        if (nearlySingular && !singularBlock) {
            notes.add("the Liouvillian is nearly singular on traceless matrices (||L^-1|| ~ " + inverseNorm + " vs rates "
                    + border + "): the steady state is probably not unique");
        }
        boolean estimated = correction.converged() && Double.isFinite(inverseNorm);
        double error = estimated ? 2 * inverseNorm * correction.residual() : Double.NaN;
        double[] rho = new double[2 * n];
        HermitianLiouvillian.fromParameters(d, x, rho);
        double[] corrected = null;
        if (estimated) {
            for (int i = 0; i < n; i++) {
                e[i] = x[i] - e[i];
            }
            corrected = new double[2 * n];
            HermitianLiouvillian.fromParameters(d, e, corrected);
        }
        return new Result(rho, main.iterations(), residual, main.converged(), corrected, error, inverseNorm, nearlySingular,
                notes);
    }

    /**
     * The steady state of another generator of the same dimension and nearly the same dissipator (the one with
     * shifted principal values), by the same preconditioned GMRES warm-started from start (a steady state flat
     * [Re, Im]): a few iterations when the two are close. Null if GMRES does not reach {@link #TOLERANCE}.
     */
    double[] steadyStateOf(MasterEquationGenerator perturbed, double[] start) {
        int n = d * d;
        double[] x = new double[n];
        HermitianLiouvillian.toParameters(d, start, x);
        RestartedGmres solver = new RestartedGmres(n, RESTART, (v, y) -> applyBordered(perturbed, v, y), preconditioner);
        if (!solver.solve(rightHandSide(), x, TOLERANCE, MAX_ITERATIONS).converged()) {
            return null;
        }
        normaliseTrace(x);
        double[] rho = new double[2 * n];
        HermitianLiouvillian.fromParameters(d, x, rho);
        return rho;
    }

    /** b = u = (g/d) 1, the border's column. */
    private double[] rightHandSide() {
        double[] b = new double[d * d];
        for (int i = 0; i < d; i++) {
            b[i * d + i] = border / d;
        }
        return b;
    }

    private void normaliseTrace(double[] x) {
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += x[i * d + i];
        }
        for (int i = 0; i < x.length; i++) {
            x[i] /= trace;
        }
    }

    /** Largest |eigenvalue| of A^-1 by inverse iteration from start (each step a loose GMRES solve). */
    private double inverseNorm(double[] start) {
        int n = d * d;
        double[] v = start.clone();
        double[] z = new double[n];
        double scale = Vectors.norm(v);
        double estimate = Double.NaN;
        for (int step = 0; step < INVERSE_ITERATIONS; step++) {
            for (int i = 0; i < n; i++) {
                v[i] /= scale;
                z[i] = 0;
            }
            if (!gmres.solve(v, z, ESTIMATE_TOLERANCE, MAX_ITERATIONS).converged()) {
                return Double.POSITIVE_INFINITY;
            }
            estimate = Vectors.norm(z);
            System.arraycopy(z, 0, v, 0, n);
            scale = estimate;
        }
        return estimate;
    }
}
