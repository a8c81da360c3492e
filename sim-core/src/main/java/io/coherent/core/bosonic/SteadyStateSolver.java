package io.coherent.core.bosonic;

import io.coherent.core.quadrature.QuadratureTolerance;

/**
 * Steady state straight from the frequency formula (physics notes Sec. 1):
 * N_ss = sum_k int dw J_k(w) n_k(w) conj(X_k(w)) X_k(w)^T with X_k(w) = Ghat(-iw) conj(v_k), plus the
 * stationary part of the decoherence-free modes. No time stepping.
 */
public final class SteadyStateSolver {
    private final QuadratureTolerance tolerance;

    public SteadyStateSolver(QuadratureTolerance tolerance) {
        this.tolerance = tolerance;
    }

    public SteadyState solve(BilinearModel model) {
        return solve(new PseudoModeEmbedding(model));
    }

    public SteadyState solve(PseudoModeEmbedding embedding) {
        ThermalIntegral.Result thermal = new ThermalIntegral(embedding, tolerance).steady();
        DecoherenceFreeSubspace.StationaryPart dark = DecoherenceFreeSubspace.stationaryPart(embedding);
        SecondMoments moments = new SecondMoments(dark.occupation(), thermal.thermal(), thermal.thermalError(),
                thermal.noise(), thermal.noiseError());
        double err = Math.max(thermal.thermalError().maxAbs(), thermal.noiseError().maxAbs());
        return new SteadyState(BosonicObservables.of(embedding, moments), moments, err, thermal.converged(),
                thermal.evaluations(), embedding.slowestRelaxationTime(), embedding.subspace().darkDimension(),
                dark.timeAveraged());
    }
}
