package io.coherent.core.heom;

import io.coherent.core.open.OpenSystem;

/**
 * Benchmark access (bench module only) to one steady-state solve of one fixed hierarchy, the unit of work QuTiP's
 * HEOMSolver.steady_state does; the product's {@link Heom#steadyState} also solves the lower levels that give the
 * error estimates. Lives in the engine's package because the single-level solver is package-private.
 */
public final class SingleLevelSolve {

    private SingleLevelSolve() {
    }

    /** Builds the hierarchy and solves it; returns {ADOs, GMRES iterations, residual, energy current of the last bath}. */
    public static double[] solve(OpenSystem system, int depth, int exponents, HeomOptions options) {
        HeomGenerator g = Heom.generator(system, depth, exponents, options, CorrelationSource.BATH_CORRELATIONS);
        HierarchySteadyState.Solution s = HierarchySteadyState.solve(g, null, options.maxMemory() / 2);
        String last = system.reservoirs().get(system.reservoirs().size() - 1).name();
        double current = g.observe(0, s.state()).values().get("energy_current." + last).value();
        return new double[] {g.adoCount(), s.iterations(), s.residual(), current};
    }

    /** Bytes per ADO of a steady-state solve and of a trajectory (as Heom sizes them before allocating). */
    public static long[] bytesPerAdo(OpenSystem system, int depth, int exponents, HeomOptions options) {
        BathExponents baths = new BathExponents(system, exponents, options.expansion(), options.terminator(),
                CorrelationSource.BATH_CORRELATIONS);
        return new long[] {Heom.size(system, baths, depth, options, 0).bytesPerAdo(),
                Heom.size(system, baths, depth, options, Heom.TRAJECTORY_VECTORS).bytesPerAdo(), baths.exponents.size()};
    }
}
