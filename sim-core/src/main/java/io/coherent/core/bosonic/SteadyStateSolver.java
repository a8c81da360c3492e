package io.coherent.core.bosonic;

import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.util.ArrayList;
import java.util.List;

/**
 * Steady state straight from the frequency formula (physics notes Sec. 1):
 * N_ss = sum_k int dw J_k(w) n_k(w) conj(X_k(w)) X_k(w)^T with X_k(w) = Ghat(-iw) conj(v_k), plus the
 * stationary part of the decoherence-free modes. No time stepping.
 *
 * <p>Two ways to the integral. {@link Scheme#RESIDUES} (the default on the whole line): in closed form from one
 * eigendecomposition of the generator and digamma functions at its poles ({@link ThermalResidues}); where its
 * error estimate exceeds the tolerance (a nearly defective generator) the solver falls back to quadrature.
 * {@link Scheme#QUADRATURE}: adaptive Gauss-Kronrod on pole-following panels ({@link ThermalIntegral}), the only
 * way for the {@code positive} frequency support and for fitted (Ohmic) kernels, and the independent cross-check of
 * the residues in the tests. With a fitted kernel the quadrature weighs the true J n; the fit enters only through the
 * generator, and {@link KernelFitBound#steady()} bounds its effect, which is added to every error estimate.
 */
public final class SteadyStateSolver {
    /** How the thermal frequency integral is done. */
    public enum Scheme { RESIDUES, QUADRATURE }

    private final QuadratureTolerance tolerance;
    private final Scheme scheme;

    public SteadyStateSolver(QuadratureTolerance tolerance) {
        this(tolerance, Scheme.RESIDUES);
    }

    /** With {@code scheme} QUADRATURE the residues are never used (cross-checks, benchmarks of the old path). */
    public SteadyStateSolver(QuadratureTolerance tolerance, Scheme scheme) {
        this.tolerance = tolerance;
        this.scheme = scheme;
    }

    public SteadyState solve(BilinearModel model) {
        return solve(new PseudoModeEmbedding(model));
    }

    public SteadyState solve(PseudoModeEmbedding embedding) {
        ThermalIntegral.Result thermal = residues(embedding);
        Scheme used = Scheme.RESIDUES;
        if (thermal == null) {
            thermal = new ThermalIntegral(embedding, tolerance).steady();
            used = Scheme.QUADRATURE;
        }
        DecoherenceFreeSubspace.StationaryPart dark = DecoherenceFreeSubspace.stationaryPart(embedding);
        int n = embedding.modes();
        int size = embedding.size();
        int baths = embedding.model().baths().size();
        ComplexMatrix vacuumError = ComplexMatrix.zeros(size, n);
        ComplexMatrix thermalError = thermal.thermalError();
        ComplexMatrix noiseError = thermal.noiseError();
        boolean converged = thermal.converged();
        List<String> notes = new ArrayList<>();
        KernelFitBound bound = new KernelFitBound(embedding);
        double fitError = 0;
        if (bound.active()) {
            KernelFitBound.Errors e = bound.steady();
            double[][] parts = ExactDynamics.withFitBound(embedding, e, thermalError.realParts(), noiseError.realParts());
            vacuumError = ComplexMatrix.of(size, n, parts[0], new double[size * n]);
            thermalError = ComplexMatrix.of(size, n, parts[1], new double[size * n]);
            noiseError = ComplexMatrix.of(baths, n, parts[2], new double[baths * n]);
            fitError = e.max();
            notes.addAll(bound.describeKernels());
            double scale = Math.max(Math.max(dark.occupation().maxAbs(), thermal.thermal().maxAbs()), thermal.noise().maxAbs());
            if (!e.finite()) {
                converged = false;
                notes.add("NOT converged: " + e.note());
            } else if (fitError > KernelFitBound.RELATIVE_LIMIT * scale) {
                converged = false;
                notes.add(String.format(java.util.Locale.ROOT, "NOT converged: the kernel fit's bound %.3g exceeds %.0f%% "
                        + "of the moments' scale %.3g", fitError, 100 * KernelFitBound.RELATIVE_LIMIT, scale));
            } else {
                notes.add(String.format(java.util.Locale.ROOT, "kernel fit's effect bounded by %.3g (included in every "
                        + "error estimate)", fitError));
            }
        }
        SecondMoments moments = new SecondMoments(dark.occupation(), vacuumError, thermal.thermal(), thermalError,
                thermal.noise(), noiseError);
        double err = Math.max(Math.max(thermalError.maxAbs(), noiseError.maxAbs()), vacuumError.maxAbs());
        return new SteadyState(BosonicObservables.of(embedding, moments), moments, err, converged,
                thermal.evaluations(), embedding.slowestRelaxationTime(), embedding.subspace().darkDimension(),
                dark.timeAveraged(), used, notes);
    }

    /** The residue result if it applies and meets the tolerance; null otherwise. */
    private ThermalIntegral.Result residues(PseudoModeEmbedding embedding) {
        if (scheme != Scheme.RESIDUES || embedding.model().support().kind() != FrequencySupport.Kind.WHOLE_LINE
                || embedding.hasFittedKernel()) {
            return null;
        }
        ThermalIntegral.Result r;
        try {
            r = new ThermalResidues(embedding).steady();
        } catch (ArithmeticException defective) {
            return null;
        }
        double scale = Math.max(r.thermal().maxAbs(), r.noise().maxAbs());
        double err = Math.max(r.thermalError().maxAbs(), r.noiseError().maxAbs());
        boolean finite = Double.isFinite(scale) && Double.isFinite(err);
        return finite && err <= Math.max(tolerance.absolute(), tolerance.relative() * scale) ? r : null;
    }
}
