package io.coherent.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The runtime's overhead measured in pairs, for a machine whose load drifts (JMH runs one benchmark after
 * the other, so a change in background load lands on one side only). Alternates bare and event-driven
 * runs of the same {@link RuntimeWorkload}, in alternating order, and reports the median of the per-pair
 * ratios with the 25% and 75% quantiles.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.coherent.bench.RuntimeSideBySide [points] [pairs] [warm-up pairs]</pre>
 */
public final class RuntimeSideBySide {
    private RuntimeSideBySide() {
    }

    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 401;
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        double[] bare = new double[pairs];
        double[] runtime = new double[pairs];
        double[] ratio = new double[pairs];
        long[] sink = new long[1];
        try (RuntimeWorkload w = new RuntimeWorkload(points)) {
            for (int i = -warmup; i < pairs; i++) {
                double b;
                double e;
                if ((i & 1) == 0) {
                    b = time(() -> w.bare(o -> sink[0] += o.hashCode()));
                    e = time(w::eventDriven);
                } else {
                    e = time(w::eventDriven);
                    b = time(() -> w.bare(o -> sink[0] += o.hashCode()));
                }
                if (i >= 0) {
                    bare[i] = b;
                    runtime[i] = e;
                    ratio[i] = e / b;
                }
            }
        }
        System.out.printf(Locale.ROOT, "points %d, %d pairs after %d warm-up pairs (checksum %d)%n", points, pairs, warmup,
                sink[0] & 0xff);
        System.out.printf(Locale.ROOT, "bare Hipparchus: median %.1f ms (quartiles %.1f .. %.1f)%n", q(bare, 0.5),
                q(bare, 0.25), q(bare, 0.75));
        System.out.printf(Locale.ROOT, "event-driven runtime: median %.1f ms (quartiles %.1f .. %.1f)%n", q(runtime, 0.5),
                q(runtime, 0.25), q(runtime, 0.75));
        System.out.printf(Locale.ROOT, "runtime / bare, per pair: median %.3f (quartiles %.3f .. %.3f)%n", q(ratio, 0.5),
                q(ratio, 0.25), q(ratio, 0.75));
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e6;
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
