package io.coherent.bench;

import io.coherent.config.Scenario;
import io.coherent.config.ScenarioLoader;
import io.coherent.core.methods.Engines;
import io.coherent.core.dynamics.Method;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The runtime's overhead measured in rounds, for a machine whose load drifts (JMH runs one benchmark after
 * the other, so a change in background load lands on one side only). Each round runs the bare, propagator,
 * event-driven and event-driven-with-live-subscriber variants of the same {@link RuntimeWorkload} in rotating
 * order; reported are per-round ratios to bare (median, quartiles, min .. max) of wall time and of the CPU time
 * of the whole process (every thread: the integration, the event loop, the writer, GC and JIT). On a shared,
 * overloaded machine wall time mostly measures waiting for a core; CPU time measures what the runtime costs.
 *
 * <p>CPU time is the sum over the process's threads of the time on a CPU that Linux accounts in
 * {@code /proc/self/task/<tid>/schedstat} (nanoseconds; {@code getProcessCpuTime} counts in 10 ms ticks, as
 * long as a short run). Threads that end between two readings would be missed, so the total over all rounds
 * is checked against {@code getProcessCpuTime} and both are printed.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.coherent.bench.RuntimeSideBySide [until|default] [points] [rounds] [warm-up rounds]</pre>
 *
 * With {@code default} instead of a final time, the workload is {@code coherent run}'s default scenario (its
 * generator, integrator settings and output times; {@code points} is ignored) instead of the oscillator chain.
 */
public final class RuntimeSideBySide {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final String[] NAMES = {"propagator", "runtime", "runtime + live subscriber"};

    private RuntimeSideBySide() {
    }

    /** Wall and process CPU time of one run, in ms. */
    private record Cost(double wall, double cpu) {
    }

    public static void main(String[] args) throws Exception {
        Scenario scenario = args.length > 0 && args[0].equals("default") ? ScenarioLoader.load(null, List.of()) : null;
        double until = scenario != null ? scenario.run().until() : args.length > 0 ? Double.parseDouble(args[0]) : 200;
        int points = scenario != null ? scenario.run().points() : args.length > 1 ? Integer.parseInt(args[1]) : 401;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        double loadBefore = OS.getSystemLoadAverage();
        Cost[][] costs = new Cost[4][rounds];
        long[] sink = new long[1];
        long schedTotal = 0;
        long ticksTotal = 0;
        try (RuntimeWorkload w = scenario != null ? workload(scenario) : new RuntimeWorkload(until, points)) {
            Runnable[] variants = {() -> w.bare(o -> sink[0] += o.hashCode()),
                    () -> w.propagator(o -> sink[0] += o.hashCode()), () -> w.eventDriven(false),
                    () -> w.eventDriven(true)};
            for (int i = -warmup; i < rounds; i++) {
                long sched0 = processCpuNanos();
                long ticks0 = OS.getProcessCpuTime();
                // rotate the order so that no variant always runs first after the previous round
                for (int k = 0; k < variants.length; k++) {
                    int v = Math.floorMod(i + k, variants.length);
                    Cost c = cost(variants[v]);
                    if (i >= 0) {
                        costs[v][i] = c;
                    }
                }
                if (i >= 0) {
                    schedTotal += processCpuNanos() - sched0;
                    ticksTotal += OS.getProcessCpuTime() - ticks0;
                }
            }
        }
        System.out.printf(Locale.ROOT, (scenario != null ? "default scenario of coherent run (" + scenario.name() + ", " + scenario.method() + "); " : "") + "until %s, points %d, %d rounds after %d warm-up rounds (checksum %d), load average "
                        + "%.2f before, %.2f after; CPU of the measured rounds: %.0f ms from schedstat, %.0f ms from "
                        + "getProcessCpuTime%n", until, points, rounds, warmup, sink[0] & 0xff, loadBefore,
                OS.getSystemLoadAverage(), schedTotal / 1e6, ticksTotal / 1e6);
        for (int v = 1; v < 4; v++) {
            report("wall, " + NAMES[v - 1], costs[0], costs[v], true);
        }
        for (int v = 1; v < 4; v++) {
            report("cpu,  " + NAMES[v - 1], costs[0], costs[v], false);
        }
    }

    /** A scenario's run as coherent run makes it (the default: the partial-collective model of Fig. 1(a), exact engine). */
    private static RuntimeWorkload workload(Scenario s) throws IOException {
        return new RuntimeWorkload(Engines.generator(s.model(), Method.of(s.method()), s.run().engineOptions()),
                s.run().integratorSettings(), s.run().outputGrid());
    }

    private static void report(String what, Cost[] bare, Cost[] variant, boolean wall) {
        double[] b = new double[bare.length];
        double[] e = new double[bare.length];
        double[] r = new double[bare.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = wall ? bare[i].wall() : bare[i].cpu();
            e[i] = wall ? variant[i].wall() : variant[i].cpu();
            r[i] = e[i] / b[i];
        }
        System.out.printf(Locale.ROOT, "%-32s: bare median %.1f ms (quartiles %.1f .. %.1f); this median %.1f ms "
                        + "(quartiles %.1f .. %.1f); this / bare per round: median %.3f (quartiles %.3f .. %.3f, "
                        + "range %.3f .. %.3f)%n",
                what, q(b, 0.5), q(b, 0.25), q(b, 0.75), q(e, 0.5), q(e, 0.25), q(e, 0.75), q(r, 0.5), q(r, 0.25),
                q(r, 0.75), q(r, 0), q(r, 1));
    }

    private static Cost cost(Runnable r) {
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        r.run();
        long wall = System.nanoTime() - t0;
        return new Cost(wall / 1e6, (processCpuNanos() - cpu0) / 1e6);
    }

    /** CPU time of all the process's threads so far, in ns (the first field of each thread's schedstat). */
    private static long processCpuNanos() {
        long sum = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path t : threads) {
                String s;
                try {
                    s = Files.readString(t.resolve("schedstat"));
                } catch (IOException ended) {
                    continue;
                }
                sum += Long.parseLong(s.substring(0, s.indexOf(' ')));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("per-thread CPU time needs Linux /proc/self/task: " + e.getMessage(), e);
        }
        return sum;
    }

    private static double q(double[] x, double p) {
        double[] s = x.clone();
        Arrays.sort(s);
        double pos = p * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }
}
