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
 * the residues in the tests. A model with an Ohmic bath (whose dynamics needs a fitted kernel) gets its steady state
 * from the true J and the exact self-energy instead ({@link SelfEnergyQuadrature}): no fit, only quadrature error.
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
        ThermalIntegral.Result closedForm = residues(embedding);
        ThermalIntegral.Result thermal = closedForm != null && withinTolerance(closedForm) ? closedForm : null;
        Scheme used = Scheme.RESIDUES;
        List<String> notes = new ArrayList<>();
        if (embedding.hasFittedKernel()) {
            // the true J and the exact self-energy: the fitted kernel only places the panels
            thermal = SelfEnergyQuadrature.steady(embedding, tolerance);
            used = Scheme.QUADRATURE;
            notes.add("an Ohmic bath: steady state from the exact self-energy of the true J (principal value by "
                    + "quadrature), no fitted kernel");
        } else if (thermal == null) {
            thermal = new ThermalIntegral(embedding, tolerance).steady();
            used = Scheme.QUADRATURE;
            if (!thermal.converged() && closedForm != null) {
                // neither meets the tolerance: keep the residues, whose estimate comes from the eigenvectors' conditioning
                // and bounds their error, over a quadrature that ran out of budget, whose estimate no longer does
                // (Gamma = 1e-10: the quadrature printed Jx = 6.2e-9 +- 4.9e-10, the residues 7.19e-12 +- 4e-8; the
                // truth is 7.19e-12, linear in Gamma)
                thermal = new ThermalIntegral.Result(closedForm.thermal(), closedForm.thermalError(), closedForm.noise(),
                        closedForm.noiseError(), 0, false);
                used = Scheme.RESIDUES;
                notes.add("nearly degenerate poles: neither the residues nor the quadrature met the tolerance; the "
                        + "residues are shown with their error bound");
            }
        }
        DecoherenceFreeSubspace.StationaryPart dark = DecoherenceFreeSubspace.stationaryPart(embedding);
        SecondMoments moments = new SecondMoments(dark.occupation(), ComplexMatrix.zeros(embedding.size(), embedding.modes()),
                thermal.thermal(), thermal.thermalError(), thermal.noise(), thermal.noiseError());
        double err = Math.max(thermal.thermalError().maxAbs(), thermal.noiseError().maxAbs());
        return new SteadyState(BosonicObservables.of(embedding, moments), moments, err, thermal.converged(),
                thermal.evaluations(), relaxationTime(embedding), embedding.subspace().darkDimension(),
                dark.timeAveraged(), used, notes);
    }

    /**
     * Slowest relaxation time of the modes: infinite if no bath reaches them (every mode undamped: Gamma = 0, where the
     * embedding's only poles were the uncoupled pseudomodes' rates, 1/gamma = 10); otherwise 1/min|Re pole| of the
     * model without the baths that couple to nothing (a bath with J = 0 adds pseudomodes whose rates are eigenvalues
     * of the embedding but not poles of the modes' Green's function, which they never enter).
     */
    static double relaxationTime(PseudoModeEmbedding embedding) {
        if (embedding.subspace().bright().cols() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        BilinearModel model = embedding.model();
        List<Bath> coupled = model.baths().stream().filter(BrightSubspace::couples).toList();
        if (coupled.size() == model.baths().size()) {
            return embedding.slowestRelaxationTime();
        }
        return new PseudoModeEmbedding(new BilinearModel(model.hamiltonian(), coupled, model.initialOccupation(),
                model.support())).slowestRelaxationTime();
    }

    /** The residue result if it applies and is finite, whatever its error; null otherwise. */
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
        return Double.isFinite(scale) && Double.isFinite(err) ? r : null;
    }

    private boolean withinTolerance(ThermalIntegral.Result r) {
        double scale = Math.max(r.thermal().maxAbs(), r.noise().maxAbs());
        double err = Math.max(r.thermalError().maxAbs(), r.noiseError().maxAbs());
        return err <= Math.max(tolerance.absolute(), tolerance.relative() * scale);
    }
}
