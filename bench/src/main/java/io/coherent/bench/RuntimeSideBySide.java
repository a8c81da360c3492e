package io.coherent.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * The runtime's overhead measured in rounds, for a machine whose load drifts (JMH runs one benchmark after
 * the other, so a change in background load lands on one side only). Each round runs the bare, propagator
 * and event-driven variants of the same {@link RuntimeWorkload} in rotating order; reported are per-round
 * ratios to bare (median and quartiles) of wall time and of the CPU time of the whole process (every
 * thread: the integration, the event loops, the writer, GC and JIT). On a shared, overloaded machine wall time mostly measures waiting
 * for a core; CPU time measures what the runtime costs.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.coherent.bench.RuntimeSideBySide [until] [points] [rounds] [warm-up rounds]</pre>
 */
public final class RuntimeSideBySide {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private RuntimeSideBySide() {
    }

    /** Wall and process CPU time of one run, in ms. */
    private record Cost(double wall, double cpu) {
    }

    public static void main(String[] args) throws Exception {
        double until = args.length > 0 ? Double.parseDouble(args[0]) : 200;
        int points = args.length > 1 ? Integer.parseInt(args[1]) : 401;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        Cost[] bare = new Cost[rounds];
        Cost[] propagator = new Cost[rounds];
        Cost[] runtime = new Cost[rounds];
        long[] sink = new long[1];
        try (RuntimeWorkload w = new RuntimeWorkload(until, points)) {
            Runnable[] variants = {() -> w.bare(o -> sink[0] += o.hashCode()),
                    () -> w.propagator(o -> sink[0] += o.hashCode()), w::eventDriven};
            for (int i = -warmup; i < rounds; i++) {
                Cost[] c = new Cost[3];
                // rotate the order so that no variant always runs first after the previous round
                for (int k = 0; k < 3; k++) {
                    int v = Math.floorMod(i + k, 3);
                    c[v] = cost(variants[v]);
                }
                if (i >= 0) {
                    bare[i] = c[0];
                    propagator[i] = c[1];
                    runtime[i] = c[2];
                }
            }
        }
        System.out.printf(Locale.ROOT, "until %s, points %d, %d rounds after %d warm-up rounds (checksum %d), load average %.2f%n",
                until, points, rounds, warmup, sink[0] & 0xff, OS.getSystemLoadAverage());
        report("wall, propagator", bare, propagator, true);
        report("wall, runtime   ", bare, runtime, true);
        report("cpu,  propagator", bare, propagator, false);
        report("cpu,  runtime   ", bare, runtime, false);
    }

    private static void report(String what, Cost[] bare, Cost[] runtime, boolean wall) {
        // runtime: the variant compared with bare
        double[] b = new double[bare.length];
        double[] e = new double[bare.length];
        double[] r = new double[bare.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = wall ? bare[i].wall() : bare[i].cpu();
            e[i] = wall ? runtime[i].wall() : runtime[i].cpu();
            r[i] = e[i] / b[i];
        }
        System.out.printf(Locale.ROOT, "%s: bare median %.1f ms (quartiles %.1f .. %.1f); this median %.1f ms "
                        + "(quartiles %.1f .. %.1f); this / bare per round: median %.3f (quartiles %.3f .. %.3f)%n",
                what, q(b, 0.5), q(b, 0.25), q(b, 0.75), q(e, 0.5), q(e, 0.25), q(e, 0.75), q(r, 0.5), q(r, 0.25),
                q(r, 0.75));
    }

    private static Cost cost(Runnable r) {
        long cpu0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        r.run();
        return new Cost((System.nanoTime() - t0) / 1e6, (OS.getProcessCpuTime() - cpu0) / 1e6);
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
