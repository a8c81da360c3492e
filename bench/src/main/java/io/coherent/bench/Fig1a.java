package io.coherent.bench;

import io.coherent.core.bosonic.PartialCollectiveModel;
import io.coherent.core.bosonic.SteadyState;
import io.coherent.core.bosonic.SteadyStateSolver;
import io.coherent.core.quadrature.QuadratureTolerance;

/**
 * The workload shared by the benchmarks, {@link ScanDump} and the scipy comparison: steady states of the
 * partial-collective model at the parameters of Fig. 1(a), at quadrature tolerance 1e-9.
 */
final class Fig1a {
    /** Requested quadrature accuracy (absolute and relative), as given to scipy's quad. */
    static final double TOLERANCE = 1e-9;
    /** Largest acceptable reported error estimate of a benchmarked point. */
    static final double MAX_ERROR = 1e-8;
    static final QuadratureTolerance QUADRATURE = new QuadratureTolerance(TOLERANCE, TOLERANCE, 400_000);
    /** The residues' tolerance (issue 13: relative error 1e-10); they fall back to quadrature only above it. */
    static final QuadratureTolerance RESIDUES = new QuadratureTolerance(1e-10, 1e-10, 400_000);
    /** Scan theta_i = (pi/2) i / SCAN_STEPS, i = 0..SCAN_STEPS. */
    static final int SCAN_STEPS = 400;

    private Fig1a() {
    }

    static double scanTheta(int i) {
        return Math.PI / 2 * i / SCAN_STEPS;
    }

    /** One steady-state point, from the model's parameters to the solved state. */
    static SteadyState solve(SteadyStateSolver solver, double theta) {
        return solver.solve(PartialCollectiveModel.FIG_1A.withTheta(theta).toModel());
    }

    static SteadyState solve(double theta) {
        return solve(solver("quadrature"), theta);
    }

    /** "residues" (the default solver: closed form at the poles) or "quadrature" (the adaptive frequency integral). */
    static SteadyStateSolver solver(String scheme) {
        return switch (scheme) {
            case "residues" -> new SteadyStateSolver(RESIDUES, SteadyStateSolver.Scheme.RESIDUES);
            case "quadrature" -> new SteadyStateSolver(QUADRATURE, SteadyStateSolver.Scheme.QUADRATURE);
            default -> throw new IllegalArgumentException("scheme " + scheme + ": residues or quadrature");
        };
    }

    /** Fails loudly unless the point converged with both its overall and its Jx error estimate below MAX_ERROR. */
    static SteadyState checked(SteadyState s, double theta) {
        double err = s.errorEstimate();
        double jxErr = s.observables().error("Jx");
        if (!s.converged() || !(err < MAX_ERROR) || !(jxErr < MAX_ERROR)) {
            throw new IllegalStateException(String.format(
                    "steady state at theta=%.17g not accurate enough: converged=%s errorEstimate=%.3e Jx error=%.3e "
                            + "(need < %.0e), evaluations=%d", theta, s.converged(), err, jxErr, MAX_ERROR, s.evaluations()));
        }
        return s;
    }

    /** Parses "pi/8", "pi/400", "0.3". */
    static double parseTheta(String spec) {
        String t = spec.trim();
        if (t.startsWith("pi/")) {
            return Math.PI / Double.parseDouble(t.substring(3));
        }
        if (t.equals("pi")) {
            return Math.PI;
        }
        return Double.parseDouble(t);
    }
}
