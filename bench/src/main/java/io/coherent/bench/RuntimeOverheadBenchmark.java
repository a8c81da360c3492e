package io.coherent.bench;

import io.coherent.core.dynamics.Generator;
import io.coherent.integrators.IntegratorSettings;
import io.coherent.integrators.OutputGrid;
import io.coherent.integrators.Propagator;
import io.coherent.integrators.RunPlan;
import io.coherent.integrators.RunControl;
import io.coherent.integrators.RunMetrics;
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
import java.util.concurrent.TimeUnit;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the event-driven runtime costs over a bare Hipparchus integration of the same run: a 200-dimensional
 * {@link OscillatorChain} from t = 0 to 200, Dormand-Prince 8(5,3) at 1e-10, 401 (or 4001) output times
 * from dense output with the generator's observables at each.
 * <ul>
 *   <li>{@code bare}: Hipparchus alone, a step handler that samples the dense output and calls observe();</li>
 *   <li>{@code propagator}: the integrators module (detectors, statistics, metrics), samples to a no-op sink;</li>
 *   <li>{@code eventDriven}: the full runtime as {@code coherent run} uses it: Vert.x event bus, the durable
 *       writer (CSV and JSON lines, flushed per line), the three recorders, the convergence watcher, and
 *       one live subscriber.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 8, time = 3)
@Fork(1)
public class RuntimeOverheadBenchmark {
    static final double UNTIL = 200;
    static final IntegratorSettings SETTINGS = IntegratorSettings.DEFAULT;

    /** Output times: 401 is coherent run's default; 4001 shows the cost per sample. */
    @Param({"401", "4001"})
    public int points;

    private final Generator generator = new OscillatorChain(100, 0.05);
    private OutputGrid grid;
    private Vertx vertx;
    private MessageConsumer<Object> live;
    private Path dir;
    private long runs;

    @Setup(Level.Trial)
    public void start() throws IOException {
        grid = OutputGrid.uniform(0, UNTIL, points);
        vertx = Vertx.vertx(EventDrivenRun.vertxOptions());
        live = vertx.eventBus().localConsumer("bench.live", m -> m.reply("ok"));
        live.completion().await();
        dir = Files.createTempDirectory("coherent-runtime-bench");
    }

    @TearDown(Level.Trial)
    public void stop() {
        live.unregister().await();
        vertx.close().await();
    }

    @Benchmark
    public void bare(Blackhole bh) {
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
        bh.consume(generator.observe(0, generator.initialState()));
        integrator.addStepHandler(interpolator -> {
            double t1 = interpolator.getCurrentState().getTime();
            while (next[0] < grid.size() && grid.time(next[0]) <= t1 + 1e-14 * t1) {
                double t = grid.time(next[0]++);
                bh.consume(generator.observe(t, interpolator.getInterpolatedState(Math.min(t, t1)).getPrimaryState()));
            }
        });
        bh.consume(integrator.integrate(ode, new ODEState(0, generator.initialState()), UNTIL));
        if (next[0] != grid.size()) {
            throw new IllegalStateException("bare run sampled " + next[0] + " of " + grid.size() + " times");
        }
    }

    @Benchmark
    public void propagator(Blackhole bh) {
        var outcome = new Propagator(SETTINGS).run(generator, RunPlan.of(grid), bh::consume, new RunControl(),
                new RunMetrics(new SimpleMeterRegistry()));
        checked(outcome.failure(), outcome.last().t());
    }

    @Benchmark
    public RunReport eventDriven() {
        RunAddress run = new RunAddress("bench-" + (++runs));
        RunRequest request = new RunRequest(run.runId(), generator, SETTINGS, RunPlan.of(grid), List.of(
                new TrajectoryWriter(run, dir, generator.observableNames()), ObservableRecorder.coherence(run),
                ObservableRecorder.populationDifference(run), ObservableRecorder.energyCurrent(run),
                new ConvergenceWatcher(run, SteadyStateCriterion.DEFAULT, generator.slowestRelaxationTime(), false)),
                List.of(), List.of(new LiveSubscription("plot", "bench.live", 1)));
        RunReport report = new EventDrivenRun(vertx).start(request).await();
        checked(report.outcome().failure(), report.outcome().last().t());
        if (report.observers().get("writer").getLong("rows") != points) {
            throw new IllegalStateException("the writer lost samples: " + report.observers().get("writer"));
        }
        return report;
    }

    private static void checked(String failure, double end) {
        if (failure != null || end != UNTIL) {
            throw new IllegalStateException("run failed or stopped early at " + end + ": " + failure);
        }
    }
}
