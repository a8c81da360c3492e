package io.coherent.integrators;

import java.util.Arrays;

/** Strictly increasing output times, sampled from dense output (not from raw step ends). */
public record OutputGrid(double[] times) {

    public OutputGrid {
        times = times.clone();
        if (times.length < 2) {
            throw new IllegalArgumentException("an output grid needs at least two times");
        }
        for (int i = 1; i < times.length; i++) {
            if (!(times[i] > times[i - 1])) {
                throw new IllegalArgumentException("output times must increase strictly");
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
}
