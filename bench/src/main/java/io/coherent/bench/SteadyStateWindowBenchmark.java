package io.coherent.bench;

import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.ObservableSet;
import io.coherent.integrators.Sample;
import io.coherent.integrators.SteadyStateCriterion;
import io.coherent.integrators.SteadyStateMonitor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The convergence watcher's window (issue 15): {@link SteadyStateMonitor} (monotone deques, O(1) amortised per
 * sample) against the definition it replaced, the range of every observable recomputed over the whole window at every
 * sample (O(window)). A stream of {@code samples} output times over t = 0..20 with 8 observables, the default
 * criterion's window of 10 time units: half the samples are in the window.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class SteadyStateWindowBenchmark {

    @Param({"2000", "20000"})
    public int samples;

    private List<Sample> stream;

    @Setup
    public void stream() {
        stream = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            Map<String, Estimate> m = new LinkedHashMap<>();
            for (int k = 0; k < 8; k++) {
                m.put("o" + k, new Estimate(Math.sin(i * 0.001 + k), 0));
            }
            stream.add(new Sample(i * 20.0 / samples, new ObservableSet(m), 1, ""));
        }
    }

    @Benchmark
    public boolean monotoneDeques() {
        SteadyStateMonitor monitor = new SteadyStateMonitor(SteadyStateCriterion.DEFAULT, OptionalDouble.empty());
        boolean flat = false;
        for (Sample s : stream) {
            flat = monitor.accept(s);
        }
        return flat;
    }

    /** The window kept as the monitor keeps it, its range recomputed from scratch at each sample. */
    @Benchmark
    public boolean rescanTheWindow() {
        double window = SteadyStateCriterion.DEFAULT.window();
        ArrayDeque<Sample> history = new ArrayDeque<>();
        boolean flat = false;
        for (Sample s : stream) {
            history.addLast(s);
            while (history.size() > 2 && secondOldest(history).t() <= s.t() - window) {
                history.removeFirst();
            }
            if (s.t() - history.peekFirst().t() < window) {
                continue;
            }
            double worst = 0;
            for (String name : s.observables().values().keySet()) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (Sample h : history) {
                    lo = Math.min(lo, h.observables().value(name));
                    hi = Math.max(hi, h.observables().value(name));
                }
                worst = Math.max(worst, hi - lo);
            }
            flat = worst < SteadyStateCriterion.DEFAULT.observableTolerance();
        }
        return flat;
    }

    private static Sample secondOldest(ArrayDeque<Sample> history) {
        var it = history.iterator();
        it.next();
        return it.next();
    }
}
