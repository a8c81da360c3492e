package io.coherent.integrators;

import java.util.Arrays;
import java.util.List;

/**
 * Strictly increasing output times, sampled from dense output (not from raw step ends). The first time
 * is where the run starts, the last where it ends.
 */
public record OutputGrid(double[] times) {
    public static final List<String> KINDS = List.of("uniform", "logarithmic", "list");

    public OutputGrid {
        times = times.clone();
        if (times.length < 2) {
            throw new IllegalArgumentException("an output grid needs at least two times");
        }
        for (int i = 0; i < times.length; i++) {
            if (!Double.isFinite(times[i])) {
                throw new IllegalArgumentException("output times must be finite numbers");
            }
            if (i > 0 && !(times[i] > times[i - 1])) {
                throw new IllegalArgumentException("output times must increase strictly: " + times[i - 1] + " then " + times[i]);
            }
        }
    }

    public static OutputGrid uniform(double start, double end, int points) {
        if (!(end > start) || points < 2) {
            throw new IllegalArgumentException("until must be > 0 and points >= 2");
        }
        double[] t = new double[points];
        for (int i = 0; i < points; i++) {
            t[i] = start + (end - start) * i / (points - 1);
        }
        t[points - 1] = end;
        return new OutputGrid(t);
    }

    /**
     * 0, then {@code points - 1} times spaced evenly in log t from {@code end / 10^decades} to {@code end}:
     * dense where a relaxation starts, sparse on its tail.
     */
    public static OutputGrid logarithmic(double end, int points, double decades) {
        if (!(end > 0) || points < 3 || !(decades > 0) || Double.isInfinite(decades)) {
            throw new IllegalArgumentException("a logarithmic grid needs until > 0, points >= 3 and decades > 0");
        }
        double[] t = new double[points];
        for (int i = 1; i < points; i++) {
            t[i] = end * Math.pow(10, -decades * (points - 1 - i) / (points - 2));
        }
        t[points - 1] = end;
        return new OutputGrid(t);
    }

    /** The given times after 0 (a list that starts at 0 keeps it once). */
    public static OutputGrid list(double[] times) {
        if (times.length == 0 || !(times[0] >= 0)) {
            throw new IllegalArgumentException("output times must be >= 0 and at least one must be > 0");
        }
        if (times[0] == 0) {
            return new OutputGrid(times);
        }
        double[] t = new double[times.length + 1];
        System.arraycopy(times, 0, t, 1, times.length);
        return new OutputGrid(t);
    }

    public double start() {
        return times[0];
    }

    public double end() {
        return times[times.length - 1];
    }

    public int size() {
        return times.length;
    }

    public double time(int i) {
        return times[i];
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputGrid g && Arrays.equals(times, g.times);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(times);
    }

    @Override
    public String toString() {
        return "OutputGrid[" + times.length + " times from " + start() + " to " + end() + "]";
    }
}
