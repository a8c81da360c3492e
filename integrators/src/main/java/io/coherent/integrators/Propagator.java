package io.coherent.integrators;

import io.coherent.core.dynamics.Generator;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.EmbeddedRungeKuttaIntegrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * Drives a {@link Generator} through time with an adaptive Hipparchus integrator. Samples are taken at
 * the output times from the integrator's dense output and handed to a sink in order. With a
 * steady-state criterion the run is integrated in chunks and stops at the first chunk end where the
 * criterion holds.
 */
public final class Propagator {
    private static final int CHUNKS = 50;

    private final IntegratorSettings settings;

    public Propagator(IntegratorSettings settings) {
        this.settings = settings;
    }

    public RunOutcome run(Generator generator, OutputGrid grid, SteadyStateCriterion criterion, Consumer<Sample> sink) {
        long started = System.nanoTime();
        CountingIntegrators.Counter counter = new CountingIntegrators.Counter();
        EmbeddedRungeKuttaIntegrator integrator = CountingIntegrators.create(settings, grid.end() - grid.start(), counter);
        Equations equations = new Equations(generator);
        Watcher watcher = new Watcher(criterion, generator.slowestRelaxationTime());
        Sampler sampler = new Sampler(generator, grid, sink, watcher);
        integrator.addStepHandler(sampler);
        double[] y = generator.initialState();
        double t = grid.start();
        sampler.emit(t, y);
        long steps = 0;
        long evaluations = 0;
        String failure = null;
        int chunks = criterion == null ? 1 : Math.min(CHUNKS, grid.size() - 1);
        try {
            for (int c = 1; c <= chunks && !watcher.reached() && failure == null; c++) {
                int index = (int) Math.round((grid.size() - 1) * (double) c / chunks);
                double target = grid.time(index);
                ODEStateAndDerivative end = integrator.integrate(equations, new ODEState(t, y), target);
                steps += sampler.takeSteps();
                evaluations += integrator.getEvaluations();
                t = end.getTime();
                y = end.getPrimaryState();
                failure = sampler.failure();
                if (c < chunks) {
                    integrator.setInitialStepSize(Math.max(sampler.lastStep(), 1e-12));
                }
            }
        } catch (MathRuntimeException | ArithmeticException e) {
            failure = "integration stopped at t = " + sampler.lastTime() + ": " + e.getMessage();
            steps += sampler.takeSteps();
            evaluations += integrator.getEvaluations();
        }
        if (failure == null) {
            failure = sampler.failure();
        }
        double wall = (System.nanoTime() - started) / 1e9;
        IntegrationStatistics stats = new IntegrationStatistics(settings.name(), steps, counter.rejected(), evaluations);
        return new RunOutcome(sampler.last(), watcher.verdict(sampler.lastTime()), stats, wall, failure);
    }

    /** Hipparchus view of the generator. The returned derivative buffer is reused: Hipparchus copies it. */
    private static final class Equations implements OrdinaryDifferentialEquation {
        private final Generator generator;
        private final double[] yDot;

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
            generator.computeDerivatives(t, y, yDot);
            return yDot;
        }
    }

    /** Samples the dense output at the grid times inside each accepted step. */
    private static final class Sampler implements ODEStepHandler {
        private final Generator generator;
        private final OutputGrid grid;
        private final Consumer<Sample> sink;
        private final Watcher watcher;
        private int next = 1;
        private long steps;
        private double lastStep;
        private Sample last;
        private String failure;

        Sampler(Generator generator, OutputGrid grid, Consumer<Sample> sink, Watcher watcher) {
            this.generator = generator;
            this.grid = grid;
            this.sink = sink;
            this.watcher = watcher;
        }

        @Override
        public void handleStep(ODEStateInterpolator interpolator) {
            steps++;
            double t1 = interpolator.getCurrentState().getTime();
            lastStep = t1 - interpolator.getPreviousState().getTime();
            while (failure == null && next < grid.size() && grid.time(next) <= t1 * (1 + 1e-14)) {
                double tn = grid.time(next++);
                emit(tn, interpolator.getInterpolatedState(Math.min(tn, t1)).getPrimaryState());
            }
        }

        void emit(double t, double[] y) {
            for (double v : y) {
                if (!Double.isFinite(v)) {
                    failure = "the state became NaN or infinite at t = " + t;
                    throw new ArithmeticException(failure);
                }
            }
            last = new Sample(t, generator.observe(t, y));
            sink.accept(last);
            watcher.accept(last);
        }

        long takeSteps() {
            long s = steps;
            steps = 0;
            return s;
        }

        double lastStep() {
            return lastStep;
        }

        double lastTime() {
            return last == null ? grid.start() : last.t();
        }

        Sample last() {
            return last;
        }

        String failure() {
            return failure;
        }
    }

    /** Applies the steady-state criterion to the recorded samples. */
    private static final class Watcher {
        private final SteadyStateCriterion criterion;
        private final double relaxationTime;
        private final Deque<Sample> history = new ArrayDeque<>();
        private boolean reached;
        private double reachedAt = Double.NaN;
        private double plateauSince = Double.NaN;
        private double lastChange = Double.NaN;

        Watcher(SteadyStateCriterion criterion, OptionalDouble relaxationTime) {
            this.criterion = criterion;
            this.relaxationTime = relaxationTime.orElse(Double.NaN);
        }

        void accept(Sample s) {
            if (criterion == null || reached) {
                return;
            }
            history.addLast(s);
            while (history.size() > 2 && history.peekFirst().t() < s.t() - criterion.window()
                    && secondOldest().t() <= s.t() - criterion.window()) {
                history.removeFirst();
            }
            if (s.t() - history.peekFirst().t() < criterion.window()) {
                return;
            }
            lastChange = maxChange();
            if (lastChange >= criterion.observableTolerance()) {
                plateauSince = Double.NaN;
                return;
            }
            if (Double.isFinite(relaxationTime) && s.t() < criterion.relaxationMultiple() * relaxationTime) {
                if (Double.isNaN(plateauSince)) {
                    plateauSince = s.t();
                }
                return;
            }
            reached = true;
            reachedAt = s.t();
        }

        private Sample secondOldest() {
            var it = history.iterator();
            it.next();
            return it.next();
        }

        private double maxChange() {
            double worst = 0;
            for (String name : history.peekLast().observables().values().keySet()) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (Sample h : history) {
                    double v = h.observables().value(name);
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                worst = Math.max(worst, hi - lo);
            }
            return worst;
        }

        boolean reached() {
            return reached;
        }

        SteadyStateVerdict verdict(double endTime) {
            if (criterion == null) {
                return new SteadyStateVerdict(false, Double.NaN, "not checked (run without --stop-on-steady)");
            }
            String tau = Double.isFinite(relaxationTime) ? String.format("%.6g", relaxationTime) : "unknown";
            if (reached) {
                return new SteadyStateVerdict(true, reachedAt, String.format(
                        "every observable changed by < %.3g over the last %.3g time units and t >= %.3g x slowest relaxation time (%s)",
                        criterion.observableTolerance(), criterion.window(), criterion.relaxationMultiple(), tau));
            }
            if (!Double.isNaN(plateauSince)) {
                return new SteadyStateVerdict(false, Double.NaN, String.format(
                        "plateau, not converged: observables flat (< %.3g) since t = %.6g, but t = %.6g is below %.3g x the slowest "
                                + "relaxation time %s", criterion.observableTolerance(), plateauSince, endTime,
                        criterion.relaxationMultiple(), tau));
            }
            String change = Double.isNaN(lastChange) ? "the run was shorter than the window"
                    : String.format("observables still changed by %.3g over the last %.3g time units", lastChange, criterion.window());
            return new SteadyStateVerdict(false, Double.NaN, "not reached by t = " + String.format("%.6g", endTime) + ": " + change);
        }
    }
}
