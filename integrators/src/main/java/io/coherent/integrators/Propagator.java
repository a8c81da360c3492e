package io.coherent.integrators;

import io.coherent.core.dynamics.Generator;
import io.coherent.core.dynamics.LinearGenerator;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.observables.SampleTolerance;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Locale;
import java.util.function.Consumer;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.nonstiff.AdaptiveStepsizeIntegrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * Drives a {@link Generator} through time with an adaptive Hipparchus integrator. Samples are taken at
 * the output times from the integrator's dense output, plus one at every event, and handed to a sink in
 * time order. Events (steady state, thresholds, time marks) are Hipparchus event detectors; one that
 * stops, a {@link RunControl} request, a non-finite state, a step-size underflow or a sink that throws
 * ends the run with its reason. Nothing is thrown for a failed run: the outcome says why it ended.
 */
public final class Propagator {
    private static final int MAX_ITERATIONS = 100;

    private final IntegratorSettings settings;

    public Propagator(IntegratorSettings settings) {
        this.settings = settings;
    }

    /** A run with its own control and metrics registry: uniform use from tests and benchmarks. */
    public RunOutcome run(Generator generator, OutputGrid grid, SteadyStateCriterion criterion, Consumer<Sample> sink) {
        RunPlan plan = criterion == null ? RunPlan.of(grid) : RunPlan.of(grid).stopOnSteady(criterion);
        return run(generator, plan, sink, new RunControl(), new RunMetrics(new SimpleMeterRegistry()));
    }

    /**
     * @throws IllegalArgumentException if an event names an unknown observable or a time outside the run, or the
     *                                  Krylov integrator is asked for a generator that is not linear
     */
    public RunOutcome run(Generator generator, RunPlan plan, Consumer<Sample> sink, RunControl control, RunMetrics metrics) {
        if (settings.name().equals(IntegratorSettings.KRYLOV) && !(generator instanceof LinearGenerator)) {
            throw new IllegalArgumentException("integrator = krylov needs a linear time-independent method (heom); "
                    + "method " + generator.method() + " is not: use one of the Runge-Kutta integrators");
        }
        long started = System.nanoTime();
        OutputGrid grid = plan.grid();
        double span = grid.end() - grid.start();
        Integrators.StepCounter counter = new Integrators.StepCounter();
        AdaptiveStepsizeIntegrator integrator = Integrators.create(settings, span, counter);
        Equations equations = new Equations(generator);
        EventLog log = new EventLog();
        SteadyStateMonitor monitor = plan.steadyState()
                .map(c -> new SteadyStateMonitor(c, generator.slowestRelaxationTime())).orElse(null);
        AdaptableInterval maxCheck = AdaptableInterval.of(span / (grid.size() - 1));
        var solver = new BracketingNthOrderBrentSolver(0, EventSpec.TIME_ACCURACY * Math.max(1, Math.abs(grid.end())), 0, 5);
        addEvents(integrator, generator, plan, log, maxCheck, solver);
        EventDetectors.SteadyState steady = monitor == null ? null : new EventDetectors.SteadyState(monitor,
                equations::derivativeNorm, maxCheck, MAX_ITERATIONS, solver,
                log.handler(EventLog.STEADY_STATE, true, true, rising -> "steady state"));
        if (steady != null) {
            integrator.addEventDetector(steady);
        }
        // its g only changes at step ends: one check per step is enough (checks inside a step cost interpolations)
        var stopRequest = new EventDetectors.StopRequest(AdaptableInterval.of(span), MAX_ITERATIONS, solver,
                log.stopRequest(control));
        integrator.addEventDetector(stopRequest);
        Sampler sampler = new Sampler(generator, equations, grid, sink, log, monitor, steady, stopRequest, control);
        integrator.addStepHandler(sampler);

        String failure = null;
        try {
            integrator.integrate(equations, new ODEState(grid.start(), generator.initialState()), grid.end());
        } catch (NonFiniteState e) {
            failure = e.getMessage();
        } catch (SinkFailure e) {
            // an observer that failed asynchronously has already said why through the control
            failure = control.failure() != null ? control.failure() : e.getMessage();
        } catch (MathRuntimeException e) {
            String what = e.getMessage() != null && e.getMessage().contains("minimal step size")
                    ? "step-size underflow" : "integration stopped";
            failure = String.format(Locale.ROOT, "%s at t = %.9g: %s", what, sampler.reachedTime(), e.getMessage());
        }
        if (failure == null) {
            failure = control.failure();
        }
        long steps = sampler.steps();
        IntegrationStatistics stats = new IntegrationStatistics(settings.name(), steps, counter.rejected(),
                equations.evaluations);
        long nanos = System.nanoTime() - started;
        metrics.record(stats, sampler.samples(), nanos);

        EventRecord stopper = log.stopper();
        String stoppedBy = stopper != null ? stopper.description() : control.stopReason();
        Sample last = sampler.last();
        SteadyStateVerdict verdict;
        if (monitor == null) {
            verdict = new SteadyStateVerdict(false, Double.NaN, "not checked (run without --stop-on-steady)");
        } else if (stopper != null && stopper.kind().equals(EventLog.STEADY_STATE)) {
            verdict = monitor.reached(stopper.t(), last.derivativeNorm());
        } else {
            verdict = monitor.notReached(last.t());
        }
        return new RunOutcome(last, verdict, stats, nanos / 1e9, log.all(), stoppedBy, failure);
    }

    /** Adds the detectors of the plan's thresholds and time marks. */
    private static void addEvents(AdaptiveStepsizeIntegrator integrator, Generator generator, RunPlan plan, EventLog log,
                                  AdaptableInterval maxCheck, BracketedUnivariateSolver<UnivariateFunction> solver) {
        OutputGrid grid = plan.grid();
        for (EventSpec spec : plan.events()) {
            if (spec instanceof EventSpec.TimeMark m) {
                if (!(m.t() > grid.start() && m.t() <= grid.end())) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "time mark %s is outside the run (%s, %s]", m.t(), grid.start(), grid.end()));
                }
                integrator.addEventDetector(new EventDetectors.TimeMark(m.t(), maxCheck, MAX_ITERATIONS, solver,
                        log.handler(EventLog.TIME_MARK, m.stop(), true, rising -> "time mark t = " + m.t())));
            } else if (spec instanceof EventSpec.Threshold th) {
                if (!generator.observableNames().contains(th.observable())) {
                    throw new IllegalArgumentException("threshold on '" + th.observable() + "': no such observable; "
                            + "this run has " + String.join(", ", generator.observableNames()));
                }
                integrator.addEventDetector(new EventDetectors.Threshold(generator, th.observable(), th.level(), maxCheck,
                        MAX_ITERATIONS, solver, log.handler(EventLog.THRESHOLD, th.stop(), false,
                        rising -> th.observable() + " crossed " + th.level() + (rising ? " rising" : " falling"))));
            }
        }
    }

    /** Hipparchus view of the generator. The returned derivative buffer is reused: Hipparchus copies it. */
    private static final class Equations implements OrdinaryDifferentialEquation {
        private final Generator generator;
        private final double[] yDot;
        // counted here rather than by the integrator: a multistep method's starter evaluations count too
        private long evaluations;

        Equations(Generator generator) {
            this.generator = generator;
            this.yDot = new double[generator.stateDimension()];
        }

        @Override
        public int getDimension() {
            return generator.stateDimension();
        }

        @Override
        public double[] computeDerivatives(double t, double[] y) {
            evaluations++;
            generator.computeDerivatives(t, y, yDot);
            return yDot;
        }

        /**
         * max |dy/dt| of a state from the dense output. Hipparchus' Adams interpolator returns NaN derivatives
         * at the end of a restricted step; then the right-hand side is evaluated (and counted) instead.
         */
        double derivativeNorm(ODEStateAndDerivative s) {
            double norm = EventDetectors.maxAbs(s.getPrimaryDerivative());
            return Double.isNaN(norm) ? EventDetectors.maxAbs(computeDerivatives(s.getTime(), s.getPrimaryState())) : norm;
        }
    }

    /**
     * Samples the dense output at the output times inside each accepted step, then the events located in it.
     * Hipparchus hands over a step in parts when events split it; only the last part ends the step.
     */
    private static final class Sampler implements ODEStepHandler {
        private final Generator generator;
        private final Equations equations;
        private final OutputGrid grid;
        private final Consumer<Sample> sink;
        private final EventLog log;
        private final SteadyStateMonitor monitor;
        private final EventDetectors.SteadyState steady;
        private final EventDetectors.StopRequest stopRequest;
        private final RunControl control;
        private final SampleTolerance tolerance;
        private int next;
        private long steps;
        private boolean partialStep;
        private long samples;
        private Sample last;
        private double reached;

        Sampler(Generator generator, Equations equations, OutputGrid grid, Consumer<Sample> sink, EventLog log,
                SteadyStateMonitor monitor, EventDetectors.SteadyState steady, EventDetectors.StopRequest stopRequest,
                RunControl control) {
            this.generator = generator;
            this.tolerance = generator.sampleTolerance();
            this.equations = equations;
            this.stopRequest = stopRequest;
            this.control = control;
            this.grid = grid;
            this.sink = sink;
            this.log = log;
            this.monitor = monitor;
            this.steady = steady;
            this.reached = grid.start();
        }

        @Override
        public void init(ODEStateAndDerivative initial, double finalTime) {
            next = 1;
            emit(initial, "");
        }

        @Override
        public void handleStep(ODEStateInterpolator interpolator) {
            ODEStateAndDerivative end = interpolator.getCurrentState();
            double t1 = end.getTime();
            requireFinite(end.getPrimaryState(), t1);
            double slack = 1e-14 * Math.max(1, Math.abs(t1));
            while (next < grid.size() && grid.time(next) <= t1 + slack) {
                double t = grid.time(next++);
                // at the step end take the step's own state: a multistep interpolator divides by the step
                // size, which can be tiny for the last step before the final time
                emit(t >= t1 - slack ? end : interpolator.getInterpolatedState(t), "");
            }
            for (EventRecord e : log.takePending()) {
                emit(interpolator.getInterpolatedState(e.t()), e.description());
            }
            reached = t1;
            partialStep = interpolator.isCurrentStateInterpolated();
            if (!partialStep) {
                steps++;
                if (steady != null) {
                    steady.windowFlat(t1, monitor.flat());
                }
                if (control.ended()) {
                    stopRequest.arm(t1);
                }
            }
        }

        private void emit(ODEStateAndDerivative state, String event) {
            double t = state.getTime();
            double[] y = state.getPrimaryState();
            requireFinite(y, t);
            ObservableSet observables = generator.observe(t, y);
            Sample s = new Sample(t, observables, equations.derivativeNorm(state), event, tolerance.met(observables));
            samples++;
            last = s;
            try {
                sink.accept(s);
            } catch (RuntimeException e) {
                throw new SinkFailure(String.format(Locale.ROOT, "an observer failed at t = %.9g: %s", t,
                        e.getMessage() != null ? e.getMessage() : e.toString()), e);
            }
            if (monitor != null && !s.isEvent()) {
                monitor.accept(s);
            }
        }

        private static void requireFinite(double[] y, double t) {
            for (double v : y) {
                if (!Double.isFinite(v)) {
                    throw new NonFiniteState(String.format(Locale.ROOT, "the state became NaN or infinite at t = %.9g", t));
                }
            }
        }

        /** Accepted steps; a last step cut short by a stopping event counts as one. */
        long steps() {
            return steps + (partialStep ? 1 : 0);
        }

        long samples() {
            return samples;
        }

        double reachedTime() {
            return reached;
        }

        Sample last() {
            return last;
        }
    }

    private static final class NonFiniteState extends RuntimeException {
        NonFiniteState(String message) {
            super(message, null, false, false);
        }
    }

    private static final class SinkFailure extends RuntimeException {
        SinkFailure(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
