package io.coherent.core.methods;

import io.coherent.core.heom.HeomOptions;
import io.coherent.core.quadrature.QuadratureTolerance;

/**
 * Accuracy and physics options shared by every method.
 *
 * @param trajectoryQuadrature tolerance of frequency integrals evaluated at each sample of a trajectory
 * @param steadyQuadrature     tolerance of frequency integrals of a steady state
 * @param lambShift            master equations: keep the Lamb shift (principal-value parts of the rates)?
 *                             null lets the engine decide (on except for a flat density; refused where the principal value diverges)
 * @param heom                 settings of the hierarchical equations of motion (method heom)
 */
public record EngineOptions(QuadratureTolerance trajectoryQuadrature, QuadratureTolerance steadyQuadrature,
                            Boolean lambShift, HeomOptions heom) {

    public static final EngineOptions DEFAULT =
            new EngineOptions(QuadratureTolerance.TRAJECTORY, QuadratureTolerance.STEADY_STATE, null);

    public EngineOptions {
        if (heom == null) {
            heom = HeomOptions.DEFAULT;
        }
    }

    /** The options with the default hierarchy settings. */
    public EngineOptions(QuadratureTolerance trajectoryQuadrature, QuadratureTolerance steadyQuadrature, Boolean lambShift) {
        this(trajectoryQuadrature, steadyQuadrature, lambShift, HeomOptions.DEFAULT);
    }
}
