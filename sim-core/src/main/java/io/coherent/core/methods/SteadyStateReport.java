package io.coherent.core.methods;

import io.coherent.core.dynamics.RelaxationTime;
import io.coherent.core.heom.HierarchyReport;
import io.coherent.core.observables.ObservableSet;
import java.util.List;

/**
 * A steady state computed directly (no time stepping), whatever the method: the frequency formula of the
 * exact engine, the Lyapunov equation of the second-moment master equations, the null space of a
 * finite system's Liouvillian, or a paper's leading-order closed forms.
 *
 * @param method         the method id
 * @param how            how it was computed, for people
 * @param observables    values with error estimates
 * @param errorEstimate  largest error estimate of the observables
 * @param converged      whether the computation met its tolerance (quadrature converged, residual small)
 * @param residual       residual of the linear problem (0 for the frequency formula and closed forms, which have none)
 * @param relaxation     slowest relaxation time (infinite if nothing decays, NaN if not computed) with its accuracy
 * @param unique         false if a decoherence-free subspace or dark state makes the steady state depend on the
 *                       initial state (the state reported is then the one reached from the scenario's initial state)
 * @param undamped       dimension of what does not decay: decoherence-free modes, or the extra null-space dimensions
 * @param timeAveraged   true if undamped modes keep oscillating and the reported values are time averages
 * @param evaluations    integrand evaluations of the frequency formula; -1 where not counted (linear systems, closed forms)
 * @param notes          anything else to know
 * @param solver         the numerical method: closed-form, frequency-formula, lyapunov, dense-svd, gmres or heom-gmres
 * @param iterations     iterations of an iterative solver (gmres); -1 for the others
 * @param hierarchy      for method heom, the hierarchy used and how converged it is; null for the other methods
 */
public record SteadyStateReport(String method, String how, ObservableSet observables, double errorEstimate,
                                boolean converged, double residual, RelaxationTime relaxation, boolean unique,
                                int undamped, boolean timeAveraged, int evaluations, List<String> notes,
                                String solver, int iterations, HierarchyReport hierarchy) {

    public SteadyStateReport {
        notes = List.copyOf(notes);
    }

    /** A report whose relaxation time (NaN: not computed) comes without an accuracy estimate. */
    public SteadyStateReport(String method, String how, ObservableSet observables, double errorEstimate,
                             boolean converged, double residual, double relaxationTime, boolean unique,
                             int undamped, boolean timeAveraged, int evaluations, List<String> notes,
                             String solver, int iterations, HierarchyReport hierarchy) {
        this(method, how, observables, errorEstimate, converged, residual, Double.isNaN(relaxationTime)
                        ? RelaxationTime.notComputed("not computed by method " + method)
                        : RelaxationTime.unestimated(relaxationTime, "accuracy not estimated"), unique, undamped,
                timeAveraged, evaluations, notes, solver, iterations, hierarchy);
    }

    /** The slowest relaxation time (infinite if nothing decays, NaN if not computed). */
    public double relaxationTime() {
        return relaxation.time();
    }

    /** A report of a method without a hierarchy. */
    public SteadyStateReport(String method, String how, ObservableSet observables, double errorEstimate,
                             boolean converged, double residual, double relaxationTime, boolean unique,
                             int undamped, boolean timeAveraged, int evaluations, List<String> notes,
                             String solver, int iterations) {
        this(method, how, observables, errorEstimate, converged, residual, relaxationTime, unique, undamped,
                timeAveraged, evaluations, notes, solver, iterations, null);
    }
}
