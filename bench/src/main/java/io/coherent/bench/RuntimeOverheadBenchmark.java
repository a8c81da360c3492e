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
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 8, time = 3)
@Fork(1)
public class RuntimeOverheadBenchmark {

    /** Output times: 401 is coherent run's default; 4001 shows the cost per sample. */
    @Param({"401", "4001"})
    public int points;

    private RuntimeWorkload workload;

    @Setup(Level.Trial)
    public void start() throws IOException {
        workload = new RuntimeWorkload(points);
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
        return workload.eventDriven();
    }
}
