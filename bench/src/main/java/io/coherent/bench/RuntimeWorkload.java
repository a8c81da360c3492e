package io.coherent.bench;

import io.coherent.core.dynamics.Generator;
import io.coherent.integrators.IntegratorSettings;
import io.coherent.integrators.OutputGrid;
import io.coherent.integrators.Propagator;
import io.coherent.integrators.RunControl;
import io.coherent.integrators.RunMetrics;
import io.coherent.integrators.RunPlan;
import io.coherent.integrators.SteadyStateCriterion;
import io.coherent.observers.ConvergenceWatcher;
import io.coherent.observers.EventDrivenRun;
import io.coherent.observers.LiveSubscription;
import io.coherent.observers.ObservableRecorder;
import io.coherent.observers.RunAddress;
import io.coherent.observers.RunReport;
import io.coherent.observers.RunRequest;
import io.coherent.observers.TrajectoryWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * One run three ways, for {@link RuntimeOverheadBenchmark} and {@link RuntimeSideBySide}: a 200-dimensional
 * {@link OscillatorChain} from t = 0 to 200, Dormand-Prince 8(5,3) at 1e-10, output times from dense output
 * with the generator's observables at each.
 * <ul>
 *   <li>{@link #bare}: Hipparchus alone, a step handler that samples the dense output and calls observe();</li>
 *   <li>{@link #propagator}: the integrators module (detectors, statistics, metrics), samples to a no-op sink;</li>
 *   <li>{@link #eventDriven}: the full runtime as {@code coherent run} uses it: Vert.x event bus, the durable
 *       writer (CSV and JSON lines, flushed per line), the three recorders, the convergence watcher, and
 *       one live subscriber.</li>
 * </ul>
 */
final class RuntimeWorkload implements AutoCloseable {
    static final double UNTIL = 200;
    static final IntegratorSettings SETTINGS = IntegratorSettings.DEFAULT;

    private final Generator generator = new OscillatorChain(100, 0.05);
    private final OutputGrid grid;
    private final Vertx vertx;
    private final MessageConsumer<Object> live;
    private final Path dir;
    private long runs;

    RuntimeWorkload(int points) throws IOException {
        grid = OutputGrid.uniform(0, UNTIL, points);
        vertx = Vertx.vertx(EventDrivenRun.vertxOptions());
        live = vertx.eventBus().localConsumer("bench.live", m -> m.reply("ok"));
        live.completion().await();
        dir = Files.createTempDirectory("coherent-runtime-bench");
    }

    void bare(Consumer<Object> sink) {
        double[] yDot = new double[generator.stateDimension()];
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return generator.stateDimension();
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                generator.computeDerivatives(t, y, yDot);
                return yDot;
            }
        };
        var integrator = new DormandPrince853Integrator(1e-12 * UNTIL, UNTIL, SETTINGS.absoluteTolerance(),
                SETTINGS.relativeTolerance());
        int[] next = {1};
        sink.accept(generator.observe(0, generator.initialState()));
        integrator.addStepHandler(interpolator -> {
            double t1 = interpolator.getCurrentState().getTime();
            while (next[0] < grid.size() && grid.time(next[0]) <= t1 + 1e-14 * t1) {
                double t = grid.time(next[0]++);
                sink.accept(generator.observe(t, interpolator.getInterpolatedState(Math.min(t, t1)).getPrimaryState()));
            }
        });
        sink.accept(integrator.integrate(ode, new ODEState(0, generator.initialState()), UNTIL));
        if (next[0] != grid.size()) {
            throw new IllegalStateException("bare run sampled " + next[0] + " of " + grid.size() + " times");
        }
    }

    void propagator(Consumer<Object> sink) {
        var outcome = new Propagator(SETTINGS).run(generator, RunPlan.of(grid), sink::accept, new RunControl(),
                new RunMetrics(new SimpleMeterRegistry()));
        checked(outcome.failure(), outcome.last().t());
    }

    RunReport eventDriven() {
        RunAddress run = new RunAddress("bench-" + (++runs));
        RunRequest request = new RunRequest(run.runId(), generator, SETTINGS, RunPlan.of(grid), List.of(
                new TrajectoryWriter(run, dir, generator.observableNames()), ObservableRecorder.coherence(run),
                ObservableRecorder.populationDifference(run), ObservableRecorder.energyCurrent(run),
                new ConvergenceWatcher(run, SteadyStateCriterion.DEFAULT, generator.slowestRelaxationTime(), false)),
                List.of(), List.of(new LiveSubscription("plot", "bench.live", 1)));
        RunReport report = new EventDrivenRun(vertx).start(request).await();
        checked(report.outcome().failure(), report.outcome().last().t());
        if (report.observers().get("writer").getLong("rows") != grid.size()) {
            throw new IllegalStateException("the writer lost samples: " + report.observers().get("writer"));
        }
        return report;
    }

    private static void checked(String failure, double end) {
        if (failure != null || end != UNTIL) {
            throw new IllegalStateException("run failed or stopped early at " + end + ": " + failure);
        }
    }

    @Override
    public void close() {
        live.unregister().await();
        vertx.close().await();
    }
}
