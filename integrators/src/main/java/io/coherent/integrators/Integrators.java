package io.coherent.integrators;

import java.util.OptionalLong;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.ode.nonstiff.AdamsMoultonIntegrator;
import org.hipparchus.ode.nonstiff.AdaptiveStepsizeIntegrator;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.nonstiff.GraggBulirschStoerIntegrator;

/**
 * Builds the Hipparchus integrator named in the settings. Where Hipparchus exposes the per-attempt error
 * estimate (the embedded Runge-Kutta pairs and Adams-Moulton), the integrator reports it to a
 * {@link StepCounter}; an estimate >= 1 is a rejected step (Hipparchus' own rule in both families).
 * Gragg-Bulirsch-Stoer keeps its error control private, so its rejections are not counted. The Krylov
 * exponential propagator is ours, for linear time-independent generators only.
 */
final class Integrators {
    /** Order of the Adams-Moulton method (number of steps 4: order 5). */
    private static final int ADAMS_STEPS = 4;

    private Integrators() {
    }

    static AdaptiveStepsizeIntegrator create(IntegratorSettings s, double span, StepCounter counter) {
        double maxStep = s.maxStep() > 0 ? s.maxStep() : span;
        // Hipparchus fails with "minimal step size reached" below this: our step-size underflow
        double minStep = 1e-12 * Math.max(1, span);
        double atol = s.absoluteTolerance();
        double rtol = s.relativeTolerance();
        AdaptiveStepsizeIntegrator integrator = switch (s.name()) {
            case "dormand-prince-853" -> new DormandPrince853Integrator(minStep, maxStep, atol, rtol) {
                @Override
                protected double estimateError(double[][] yDotK, double[] y0, double[] y1, double h) {
                    return counter.attempt(super.estimateError(yDotK, y0, y1, h));
                }
            };
            case "dormand-prince-54" -> new DormandPrince54Integrator(minStep, maxStep, atol, rtol) {
                @Override
                protected double estimateError(double[][] yDotK, double[] y0, double[] y1, double h) {
                    return counter.attempt(super.estimateError(yDotK, y0, y1, h));
                }
            };
            case "adams-moulton" -> new AdamsMoultonIntegrator(ADAMS_STEPS, minStep, maxStep, atol, rtol) {
                @Override
                protected double errorEstimation(double[] previousState, double predictedTime, double[] predictedState,
                                                 double[] predictedScaled, RealMatrix predictedNordsieck) {
                    return counter.attempt(super.errorEstimation(previousState, predictedTime, predictedState,
                            predictedScaled, predictedNordsieck));
                }
            };
            case "gragg-bulirsch-stoer" -> {
                counter.uncounted();
                yield new GraggBulirschStoerIntegrator(minStep, maxStep, atol, rtol);
            }
            case "krylov" -> new KrylovIntegrator(minStep, maxStep, atol, rtol, counter);
            default -> throw new IllegalArgumentException("unknown integrator " + s.name());
        };
        if (s.initialStep() > 0) {
            integrator.setInitialStepSize(s.initialStep());
        }
        return integrator;
    }

    /** Counts step attempts whose error estimate rejects them. Used by one integration thread. */
    static final class StepCounter {
        private long rejected;
        private boolean counted = true;

        double attempt(double error) {
            if (error >= 1.0) {
                rejected++;
            }
            return error;
        }

        void uncounted() {
            counted = false;
        }

        /** Rejected attempts, empty if the integrator does not expose them. */
        OptionalLong rejected() {
            return counted ? OptionalLong.of(rejected) : OptionalLong.empty();
        }
    }
}
