package io.coherent.config;

import io.coherent.core.heom.HeomOptions;
import io.coherent.core.methods.EngineOptions;
import io.coherent.core.quadrature.QuadratureTolerance;
import io.coherent.integrators.IntegratorSettings;
import io.coherent.integrators.OutputGrid;
import java.util.List;

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
 * @param initialStep                   first trial step of the integrator (0: chosen from the tolerances)
 * @param maxStep                       largest integrator step (0: the whole run)
 * @param output                        one of {@link OutputGrid#KINDS}: output times uniform from 0 to until,
 *                                      logarithmic (0, then {@code points - 1} times from until / 10^decades
 *                                      to until) or the listed {@code times}
 * @param times                         the output times of {@code output = list}; the run ends at the last one
 * @param decades                       decades spanned by a logarithmic grid (default 4)
 * @param lambShift                     whether master equations keep the Lamb shift; null lets the model or the
 *                                      engine decide (on except for a flat density; refused where the principal value diverges)
 * @param heom                          hierarchy settings of method heom (keys heom_depth, heom_exponents,
 *                                      heom_expansion, heom_terminator, heom_tolerance, heom_max_memory)
 * @param untilGiven                    the scenario or the command line set {@code until} (or listed the times);
 *                                      otherwise a command may fit it to the model ({@link #withLength})
 * @param pointsGiven                   the scenario or the command line set {@code points}
 */
public record RunSettings(double until, int points, String integrator, double atol, double rtol,
                          double quadratureTolerance, double steadyQuadratureTolerance, double initialStep,
                          double maxStep, String output, List<Double> times, double decades, Boolean lambShift,
                          HeomOptions heom, boolean untilGiven, boolean pointsGiven) {

    public static final double DEFAULT_UNTIL = 200;
    public static final int DEFAULT_POINTS = 401;
    public static final double DEFAULT_DECADES = 4;

    public RunSettings {
        times = List.copyOf(times);
        if (heom == null) {
            heom = HeomOptions.DEFAULT;
        }
    }

    /** The same settings with another final time and number of output times (both then count as given). */
    public RunSettings withLength(double until, int points) {
        return new RunSettings(until, points, integrator, atol, rtol, quadratureTolerance, steadyQuadratureTolerance,
                initialStep, maxStep, output, times, decades, lambShift, heom, true, true);
    }

    public IntegratorSettings integratorSettings() {
        return new IntegratorSettings(integrator, atol, rtol, initialStep, maxStep);
    }

    public OutputGrid outputGrid() {
        return switch (output) {
            case "logarithmic" -> OutputGrid.logarithmic(until, points, decades);
            case "list" -> OutputGrid.list(times.stream().mapToDouble(Double::doubleValue).toArray());
            default -> OutputGrid.uniform(0, until, points);
        };
    }

    public QuadratureTolerance trajectoryQuadrature() {
        return new QuadratureTolerance(quadratureTolerance, quadratureTolerance,
                QuadratureTolerance.TRAJECTORY.maxEvaluations());
    }

    public EngineOptions engineOptions() {
        return new EngineOptions(trajectoryQuadrature(), steadyQuadrature(), lambShift, heom);
    }

    public QuadratureTolerance steadyQuadrature() {
        return new QuadratureTolerance(steadyQuadratureTolerance, steadyQuadratureTolerance,
                QuadratureTolerance.STEADY_STATE.maxEvaluations());
    }
}
