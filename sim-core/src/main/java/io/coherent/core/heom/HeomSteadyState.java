package io.coherent.core.heom;

import io.coherent.core.observables.ObservableSet;
import java.util.List;

/**
 * A steady state of the hierarchical equations of motion.
 *
 * @param observables the master equations' observables of rho_0 and the currents from the first tier; each error
 *                    is the observable's change in the last refinement of depth and exponents (plus rounding)
 * @param converged   every observable changed by less than heom_tolerance and GMRES met its own tolerance
 * @param hierarchy   the hierarchy used and the levels tried
 * @param residual    max |(L x)_i| over the whole hierarchy of the returned state
 * @param iterations  GMRES iterations of the returned state
 * @param notes       what was done, for people
 */
public record HeomSteadyState(ObservableSet observables, boolean converged, HierarchyReport hierarchy, double residual,
                              int iterations, List<String> notes) {

    public HeomSteadyState {
        notes = List.copyOf(notes);
    }
}
