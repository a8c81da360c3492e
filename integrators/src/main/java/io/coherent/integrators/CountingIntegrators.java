package io.coherent.integrators;

import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.nonstiff.EmbeddedRungeKuttaIntegrator;

/**
 * Hipparchus embedded Runge-Kutta integrators that count their step attempts: every attempt ends in an
 * error estimate, and an estimate >= 1 means the step is rejected (Hipparchus' own rule).
 */
final class CountingIntegrators {
    private CountingIntegrators() {
    }

    /** Rejection counter shared by the integrator and its owner. */
    static final class Counter {
        private long attempts;
        private long rejected;

        void record(double error) {
            attempts++;
            if (error >= 1.0) {
                rejected++;
            }
        }

        long rejected() {
            return rejected;
        }
    }

    static EmbeddedRungeKuttaIntegrator create(IntegratorSettings s, double span, Counter counter) {
        double maxStep = s.maxStep() > 0 ? s.maxStep() : span;
        double minStep = 1e-12 * Math.max(1, span);
        EmbeddedRungeKuttaIntegrator integrator = switch (s.name()) {
            case "dormand-prince-853" -> new DormandPrince853Integrator(minStep, maxStep, s.absoluteTolerance(),
                    s.relativeTolerance()) {
                @Override
                protected double estimateError(double[][] yDotK, double[] y0, double[] y1, double h) {
                    double e = super.estimateError(yDotK, y0, y1, h);
                    counter.record(e);
                    return e;
                }
            };
            case "dormand-prince-54" -> new DormandPrince54Integrator(minStep, maxStep, s.absoluteTolerance(),
                    s.relativeTolerance()) {
                @Override
                protected double estimateError(double[][] yDotK, double[] y0, double[] y1, double h) {
                    double e = super.estimateError(yDotK, y0, y1, h);
                    counter.record(e);
                    return e;
                }
            };
            default -> throw new IllegalArgumentException("unknown integrator " + s.name());
        };
        if (s.initialStep() > 0) {
            integrator.setInitialStepSize(s.initialStep());
        }
        return integrator;
    }
}
