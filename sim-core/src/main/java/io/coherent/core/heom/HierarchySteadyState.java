package io.coherent.core.heom;

import io.coherent.core.master.RestartedGmres;

/**
 * The steady state of a hierarchy at fixed depth and exponents: L x = 0 on the whole hierarchy with Tr rho_0 = 1,
 * solved matrix-free by GMRES ({@link RestartedGmres}, the master equations' solver) with the block-ILU preconditioner
 * {@link HierarchyPreconditioner}. The trace condition is a rank-one border as in the master equations: A x = L x +
 * u Tr(rho_0), u = (g/d) 1 on tier 0, b = u; L keeps Tr rho_0 (every term of d rho_0/dt but the coherent one is a
 * commutator, and that one is traceless too), so A x = b forces Tr rho_0 = 1 and L x = 0, and A is non-singular
 * exactly when the steady state is unique.
 *
 * <p>When the hierarchy preserves Hermiticity ({@link HeomGenerator#hermitian()}: bosonic Hermitian couplings with
 * real rates) the solution has Hermitian ADOs (if x solves A x = b so does x^dagger, ADO by ADO, and the solution is
 * unique), so GMRES runs in the real subspace of Hermitian ADOs: b and the start are Hermitian, the operator is the
 * right-hand side for Hermitian input (half the sparse products) and the preconditioner keeps its output Hermitian;
 * every Krylov vector is then Hermitian to the last bit, and GMRES keeps them packed ({@link PackedHermitian}: d^2
 * reals per ADO instead of 2 d^2, the same norm), which halves its memory. The final residual is computed with the
 * general right-hand side, an independent check.
 */
final class HierarchySteadyState {
    /** GMRES stops at ||A x - b|| &lt;= TOLERANCE ||b||. */
    static final double TOLERANCE = 1e-11;
    static final int RESTART = 40;
    static final int MAX_ITERATIONS = 3000;
    /** Pivot ratio of D_0 below this: the steady state is not unique (refused like the master equations do). */
    static final double SINGULAR = 1e-12;

    /**
     * @param state      the whole hierarchy, flat, Tr rho_0 = 1
     * @param iterations GMRES iterations
     * @param residual   max |(L x)_i| over the hierarchy
     * @param converged  GMRES met its tolerance
     * @param singular   the tier-0 block of the preconditioner is numerically singular (dark state, conserved
     *                   quantity): the steady state is not unique
     * @param fullPreconditioner every block of the preconditioner was factorised (else tier 0 and diagonals)
     */
    record Solution(double[] state, int iterations, double residual, boolean converged, boolean singular,
                    boolean fullPreconditioner) {
    }

    private HierarchySteadyState() {
    }

    /**
     * Bytes per ADO of the solve, an upper bound of what {@link #solve} holds at once (GMRES allocates its Krylov
     * vectors as it uses them). Vectors of 16 d^2 bytes per ADO: the caller's start, the iterate, b (afterwards the
     * residual check), GMRES's 41 Krylov and 2 work vectors, the preconditioner's sweep vector; on a Hermitian hierarchy GMRES's
     * 41 + 2 and b and the iterate are packed (8 d^2 bytes), beside the start, the preconditioner's sweep vector and
     * two full operands for the operator and the preconditioner (the first becomes the solution, the second the
     * residual check).
     */
    static long bytesPerAdo(int d, boolean fullPreconditioner, boolean hermitian) {
        long dd = (long) d * d;
        long vectors = hermitian ? (RESTART + 5) * 8 * dd + 4 * 16 * dd : (RESTART + 7) * 16 * dd;
        return vectors + HierarchyPreconditioner.bytesPerAdo(d, fullPreconditioner);
    }

    /**
     * @param start a guess for the whole hierarchy (e.g. the previous level's solution embedded), or null
     * @param preconditionerBytes bytes the preconditioner may take
     */
    static Solution solve(HeomGenerator g, double[] start, long preconditionerBytes) {
        Solution light = solve(g, start, false);
        if (light.converged() || light.singular()
                || !HierarchyPreconditioner.fits(g.adoCount(), g.exponentCount(), g.dimension(), preconditionerBytes)) {
            return light;
        }
        int lightIterations = light.iterations();
        light = null; // its state is not kept beside the second solve's (bytesPerAdo counts one)
        Solution full = solve(g, start, true);
        return new Solution(full.state(), lightIterations + full.iterations(), full.residual(), full.converged(),
                full.singular(), true);
    }

    /**
     * One solve with the preconditioner's tier-0 block always exact (the Schur complement over tier 1) and, unless
     * full, only diagonal blocks beyond: at weak to moderate coupling that costs a few more GMRES iterations (11
     * instead of 8 on the two-qubit benchmark) and saves forming d^4-sized blocks for every ADO; full is the fallback
     * when that does not converge.
     */
    private static Solution solve(HeomGenerator g, double[] start, boolean full) {
        int n = g.stateDimension();
        int d = g.dimension();
        double border = rateScale(g);
        HierarchyPreconditioner preconditioner = new HierarchyPreconditioner(g, border, full);
        if (preconditioner.pivotRatio() < SINGULAR) {
            return new Solution(null, 0, Double.NaN, false, true, full);
        }
        double[] x = start == null ? new double[n] : start.clone();
        double[] lx;
        RestartedGmres.Outcome outcome;
        if (g.hermitian()) {
            // GMRES on packed Hermitian vectors; x and y are the full operands of the operator and preconditioner
            double[] y = new double[n];
            double[] xPacked = new double[n / 2];
            PackedHermitian.pack(x, xPacked, d);
            double[] bPacked = new double[n / 2];
            for (int i = 0; i < d; i++) {
                bPacked[i * (d + 1)] = border / d; // the diagonal is stored as it is
            }
            RestartedGmres.LinearMap operator = (p, q) -> {
                PackedHermitian.unpack(p, x, d);
                bordered(g, border, x, y);
                PackedHermitian.pack(y, q, d);
            };
            RestartedGmres.LinearMap packedPreconditioner = (p, q) -> {
                PackedHermitian.unpack(p, x, d);
                preconditioner.apply(x, y);
                PackedHermitian.pack(y, q, d);
            };
            outcome = new RestartedGmres(n / 2, RESTART, operator, packedPreconditioner)
                    .solve(bPacked, xPacked, TOLERANCE, MAX_ITERATIONS);
            PackedHermitian.unpack(xPacked, x, d);
            lx = y;
        } else {
            RestartedGmres gmres = new RestartedGmres(n, RESTART, (p, q) -> bordered(g, border, p, q), preconditioner);
            double[] b = new double[n];
            for (int i = 0; i < d; i++) {
                b[i * (d + 1)] = border / d;
            }
            outcome = gmres.solve(b, x, TOLERANCE, MAX_ITERATIONS);
            lx = b;
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += x[i * (d + 1)];
        }
        for (int i = 0; i < n; i++) {
            x[i] /= trace;
        }
        g.computeDerivatives(0, x, lx);
        double residual = 0;
        for (double v : lx) {
            residual = Math.max(residual, Math.abs(v));
        }
        return new Solution(x, outcome.iterations(), residual, outcome.converged(), false, full);
    }

    /** y = L x + (g/d) Tr(rho_0(x)) 1 on tier 0 (complex trace). */
    private static void bordered(HeomGenerator g, double border, double[] x, double[] y) {
        if (g.hermitian()) {
            g.derivativesOfHermitian(x, y);
        } else {
            g.computeDerivatives(0, x, y);
        }
        int d = g.dimension();
        int dd = d * d;
        double tr = 0;
        double ti = 0;
        for (int i = 0; i < d; i++) {
            tr += x[i * (d + 1)];
            ti += x[dd + i * (d + 1)];
        }
        for (int i = 0; i < d; i++) {
            y[i * (d + 1)] += border / d * tr;
            y[dd + i * (d + 1)] += border / d * ti;
        }
    }

    /** A rate scale of the baths for the border: sum over exponents of |a| / Re gamma, times the operators' size. */
    private static double rateScale(HeomGenerator g) {
        double s = 0;
        for (BathExponents.Exponent e : g.baths().exponents) {
            double size = g.baths().operators.get(e.upOperator()).matrix().maxAbs()
                    * g.baths().operators.get(e.downOperator()).matrix().maxAbs();
            s += (Math.hypot(e.aRe(), e.aIm()) + Math.hypot(e.bRe(), e.bIm())) / (2 * e.rateRe()) * size;
        }
        return s > 0 ? s : 1;
    }
}
