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
 * {@link OscillatorChain} from t = 0 to {@code until}, Dormand-Prince 8(5,3) at 1e-10, uniform output times
 * from dense output with the generator's observables at each.
 * <ul>
 *   <li>{@link #bare}: Hipparchus alone, a step handler that samples the dense output and calls observe();</li>
 *   <li>{@link #propagator}: the integrators module (detectors, statistics, metrics), samples to a no-op sink;</li>
 *   <li>{@link #eventDriven}: the full runtime as {@code coherent run} uses it: Vert.x (one event loop,
 *       {@link EventDrivenRun#singleRunOptions()}) and its event bus, the durable writer (CSV and JSON lines,
 *       written per batch), the three recorders and the convergence watcher; with {@code live}, also one
 *       live subscriber that answers at once (the server's case).</li>
 * </ul>
 * One Vert.x instance serves all runs (as in a server, or a process running several scenarios): what is
 * measured is the cost of a run, not the start of Vert.x.
 */
final class RuntimeWorkload implements AutoCloseable {
    private final Generator generator;
    private final IntegratorSettings settings;
    private final double until;
    private final OutputGrid grid;
    private final Vertx vertx;
    private final MessageConsumer<Object> live;
    private final Path dir;
    private long runs;

    /** The oscillator chain, Dormand-Prince 8(5,3) at 1e-10, {@code points} uniform output times. */
    RuntimeWorkload(double until, int points) throws IOException {
        this(new OscillatorChain(100, 0.05), IntegratorSettings.DEFAULT, OutputGrid.uniform(0, until, points));
    }

    /** Any generator on uniform output times from 0 (e.g. the default scenario of {@code coherent run}). */
    RuntimeWorkload(Generator generator, IntegratorSettings settings, OutputGrid grid) throws IOException {
        if (grid.time(0) != 0 || !settings.name().equals(IntegratorSettings.DEFAULT.name())) {
            throw new IllegalArgumentException("the bare run is Dormand-Prince 8(5,3) from t = 0");
        }
        this.generator = generator;
        this.settings = settings;
        this.grid = grid;
        this.until = grid.end();
        vertx = Vertx.vertx(EventDrivenRun.singleRunOptions());
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
        var integrator = new DormandPrince853Integrator(1e-12 * until, until, settings.absoluteTolerance(),
                settings.relativeTolerance());
        int[] next = {1};
        sink.accept(generator.observe(0, generator.initialState()));
        integrator.addStepHandler(interpolator -> {
            double t1 = interpolator.getCurrentState().getTime();
            while (next[0] < grid.size() && grid.time(next[0]) <= t1 + 1e-14 * t1) {
                double t = grid.time(next[0]++);
                sink.accept(generator.observe(t, interpolator.getInterpolatedState(Math.min(t, t1)).getPrimaryState()));
            }
        });
        sink.accept(integrator.integrate(ode, new ODEState(0, generator.initialState()), until));
        if (next[0] != grid.size()) {
            throw new IllegalStateException("bare run sampled " + next[0] + " of " + grid.size() + " times");
        }
    }

    void propagator(Consumer<Object> sink) {
        var outcome = new Propagator(settings).run(generator, RunPlan.of(grid), sink::accept, new RunControl(),
                new RunMetrics(new SimpleMeterRegistry()));
        checked(outcome.failure(), outcome.last().t());
    }

    RunReport eventDriven(boolean live) {
        RunAddress run = new RunAddress("bench-" + (++runs));
        RunRequest request = new RunRequest(run.runId(), generator, settings, RunPlan.of(grid), List.of(
                new TrajectoryWriter(run, dir, generator.observableNames()), ObservableRecorder.coherence(run),
                ObservableRecorder.populationDifference(run), ObservableRecorder.energyCurrent(run),
                new ConvergenceWatcher(run, SteadyStateCriterion.DEFAULT, generator.slowestRelaxationTime(), false)),
                List.of(), live ? List.of(new LiveSubscription("plot", "bench.live", 1)) : List.of());
        RunReport report = new EventDrivenRun(vertx).start(request).await();
        checked(report.outcome().failure(), report.outcome().last().t());
        if (report.observers().get("writer").getLong("rows") != grid.size()) {
            throw new IllegalStateException("the writer lost samples: " + report.observers().get("writer"));
        }
        return report;
    }

    private void checked(String failure, double end) {
        if (failure != null || end != until) {
            throw new IllegalStateException("run failed or stopped early at " + end + ": " + failure);
        }
    }

    @Override
    public void close() {
        live.unregister().await();
        vertx.close().await();
    }
}
