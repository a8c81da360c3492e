package io.coherent.config;

import io.coherent.core.methods.EngineOptions;
import io.coherent.core.quadrature.QuadratureTolerance;
import io.coherent.integrators.IntegratorSettings;

/**
 * How to run a scenario.
 *
 * @param until                         final time of a trajectory (> 0)
 * @param points                        number of output times, uniformly spaced from 0 to {@code until} (>= 2)
 * @param integrator                    one of {@link IntegratorSettings#NAMES}
 * @param atol                          integrator absolute tolerance (> 0)
 * @param rtol                          integrator relative tolerance (>= 0)
 * @param quadratureTolerance           absolute and relative tolerance of the thermal quadrature at each sample
 *                                      of a trajectory (default 1e-8)
 * @param steadyQuadratureTolerance     the same for the steady-state solver (default 1e-10; the key
 *                                      {@code quadrature_tolerance} sets both)
 * @param lambShift                     whether master equations keep the Lamb shift; null lets the model or the
 *                                      engine decide (on wherever the principal value exists)
 */
public record RunSettings(double until, int points, String integrator, double atol, double rtol,
                          double quadratureTolerance, double steadyQuadratureTolerance, Boolean lambShift) {

    public static final double DEFAULT_UNTIL = 200;
    public static final int DEFAULT_POINTS = 401;

    public IntegratorSettings integratorSettings() {
        return new IntegratorSettings(integrator, atol, rtol, 0, 0);
    }

    public QuadratureTolerance trajectoryQuadrature() {
        return new QuadratureTolerance(quadratureTolerance, quadratureTolerance,
                QuadratureTolerance.TRAJECTORY.maxEvaluations());
    }

    public EngineOptions engineOptions() {
        return new EngineOptions(trajectoryQuadrature(), steadyQuadrature(), lambShift);
    }

    public QuadratureTolerance steadyQuadrature() {
        return new QuadratureTolerance(steadyQuadratureTolerance, steadyQuadratureTolerance,
                QuadratureTolerance.STEADY_STATE.maxEvaluations());
    }
}
