package io.coherent.bench;

import io.coherent.observers.RunReport;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
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

/** What the event-driven runtime costs over a bare Hipparchus integration of the same run ({@link RuntimeWorkload}). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(1)
public class RuntimeOverheadBenchmark {

    /** Final time: 200 is a short run (about 60 ms bare on an idle core), 1000 a five times longer one. */
    @Param({"200", "1000"})
    public double until;

    /** Output times: coherent run's default. */
    @Param({"401"})
    public int points;

    private RuntimeWorkload workload;

    @Setup(Level.Trial)
    public void start() throws IOException {
        workload = new RuntimeWorkload(until, points);
    }

    @TearDown(Level.Trial)
    public void stop() {
        workload.close();
    }

    @Benchmark
    public void bare(Blackhole bh) {
        workload.bare(bh::consume);
    }

    @Benchmark
    public void propagator(Blackhole bh) {
        workload.propagator(bh::consume);
    }

    @Benchmark
    public RunReport eventDriven() {
        return workload.eventDriven(false);
    }

    @Benchmark
    public RunReport eventDrivenWithLiveSubscriber() {
        return workload.eventDriven(true);
    }
}
