package io.coherent.integrators;

import io.coherent.core.dynamics.Generator;
import java.util.function.ToDoubleFunction;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.events.AbstractODEDetector;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventHandler;

/**
 * The switching functions of a run's events. Each detector only says where its event is (the sign change
 * of g); what happens then is the business of its {@link ODEEventHandler} ({@link EventLog}).
 */
final class EventDetectors {
    private EventDetectors() {
    }

    /** g = t - mark. */
    static final class TimeMark extends AbstractODEDetector<TimeMark> {
        private final double mark;

        TimeMark(double mark, AdaptableInterval maxCheck, int maxIter,
                 BracketedUnivariateSolver<UnivariateFunction> solver, ODEEventHandler handler) {
            super(maxCheck, maxIter, solver, handler);
            this.mark = mark;
        }

        @Override
        protected TimeMark create(AdaptableInterval maxCheck, int maxIter,
                                  BracketedUnivariateSolver<UnivariateFunction> solver, ODEEventHandler handler) {
            return new TimeMark(mark, maxCheck, maxIter, solver, handler);
        }

        @Override
        public double g(ODEStateAndDerivative s) {
            return s.getTime() - mark;
        }
    }

    /** g = observable(t, y) - level: evaluates the generator's observables at the interpolated state. */
    static final class Threshold extends AbstractODEDetector<Threshold> {
        private final Generator generator;
        private final String observable;
        private final double level;

        Threshold(Generator generator, String observable, double level, AdaptableInterval maxCheck, int maxIter,
                  BracketedUnivariateSolver<UnivariateFunction> solver, ODEEventHandler handler) {
            super(maxCheck, maxIter, solver, handler);
            this.generator = generator;
            this.observable = observable;
            this.level = level;
        }

        @Override
        protected Threshold create(AdaptableInterval maxCheck, int maxIter,
                                   BracketedUnivariateSolver<UnivariateFunction> solver, ODEEventHandler handler) {
            return new Threshold(generator, observable, level, maxCheck, maxIter, solver, handler);
        }

        @Override
        public double g(ODEStateAndDerivative s) {
            return generator.observe(s.getTime(), s.getPrimaryState()).value(observable) - level;
        }
    }

    /**
     * Positive when the run is steady: g = min(derivative part, time part, window part).
     * <ul>
     *   <li>derivative: (tol - max|dy/dt|) / tol, continuous in the state, located exactly;</li>
     *   <li>time: (t - m tau) / max(1, m tau) when the relaxation time tau is known, else +1;</li>
     *   <li>window: +1 if the observables were flat over the window at the output times seen so far, else -1.</li>
     * </ul>
     * The window part depends on samples, which the step handler records after Hipparchus has checked the
     * events of a step. It is therefore applied from the end of that step on ({@link #windowFlat}): for
     * every time Hipparchus may still ask about (the end of the last step and later) g stays a function of
     * time and state, and a flip shows up as a sign change just after that step end.
     */
    static final class SteadyState extends AbstractODEDetector<SteadyState> {
        private final SteadyStateMonitor monitor;
        private final ToDoubleFunction<ODEStateAndDerivative> derivativeNorm;
        private final double derivativeTolerance;
        /** The stated multiple of the slowest relaxation time; NaN when the model does not know it. */
        private final double late;
        private boolean flatBefore;
        private boolean flatAfter;
        private double switchTime = Double.NEGATIVE_INFINITY;

        SteadyState(SteadyStateMonitor monitor, ToDoubleFunction<ODEStateAndDerivative> derivativeNorm,
                    AdaptableInterval maxCheck, int maxIter, BracketedUnivariateSolver<UnivariateFunction> solver,
                    ODEEventHandler handler) {
            super(maxCheck, maxIter, solver, handler);
            this.monitor = monitor;
            this.derivativeNorm = derivativeNorm;
            this.derivativeTolerance = monitor.criterion().derivativeTolerance();
            this.late = monitor.criterion().relaxationMultiple() * monitor.relaxationTime().orElse(Double.NaN);
        }

        @Override
        protected SteadyState create(AdaptableInterval maxCheck, int maxIter,
                                     BracketedUnivariateSolver<UnivariateFunction> solver, ODEEventHandler handler) {
            return new SteadyState(monitor, derivativeNorm, maxCheck, maxIter, solver, handler);
        }

        /** The step handler reports the window's verdict at the end of each accepted step. */
        void windowFlat(double stepEnd, boolean flat) {
            if (flat != flatAfter) {
                flatBefore = flatAfter;
                flatAfter = flat;
                switchTime = stepEnd;
            }
        }

        @Override
        public double g(ODEStateAndDerivative s) {
            double t = s.getTime();
            boolean flat = t > switchTime ? flatAfter : flatBefore;
            double window = flat ? 1 : -1;
            double derivative = (derivativeTolerance - derivativeNorm.applyAsDouble(s)) / derivativeTolerance;
            double time = Double.isNaN(late) ? 1 : (t - late) / Math.max(1, late);
            return Math.min(window, Math.min(derivative, time));
        }
    }

    /**
     * g = +1 from the end of the step at which the step handler noticed a stop or failure request
     * ({@link #arm}), -1 before: ends the run one step end after the request, without splitting every step
     * as a step-end handler would.
     */
    static final class StopRequest extends AbstractODEDetector<StopRequest> {
        private double armedAt = Double.POSITIVE_INFINITY;

        StopRequest(AdaptableInterval maxCheck, int maxIter, BracketedUnivariateSolver<UnivariateFunction> solver,
                    ODEEventHandler handler) {
            super(maxCheck, maxIter, solver, handler);
        }

        @Override
        protected StopRequest create(AdaptableInterval maxCheck, int maxIter,
                                     BracketedUnivariateSolver<UnivariateFunction> solver, ODEEventHandler handler) {
            return new StopRequest(maxCheck, maxIter, solver, handler);
        }

        void arm(double stepEnd) {
            armedAt = Math.min(armedAt, stepEnd);
        }

        @Override
        public double g(ODEStateAndDerivative s) {
            return s.getTime() > armedAt ? 1 : -1;
        }
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
