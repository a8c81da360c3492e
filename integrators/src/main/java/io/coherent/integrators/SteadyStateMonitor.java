package io.coherent.integrators;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Applies a {@link SteadyStateCriterion} to a run's output-time samples, in time order: whether every
 * observable stayed within the tolerance over the window, whether the state's derivative is small, and
 * whether the time is past the stated multiple of the slowest relaxation time. Flat observables before
 * that multiple are a plateau, whatever the derivative does. Used by the propagator's steady-state detector and by the event-bus
 * convergence watcher; one instance serves one run on one thread.
 */
public final class SteadyStateMonitor {
    private final SteadyStateCriterion criterion;
    private final double relaxationTime;
    private final Deque<Sample> history = new ArrayDeque<>();
    /** Each observable's extremes over {@link #history}, kept up to date in O(1) amortised per sample. */
    private final Map<String, WindowExtremes> extremes = new HashMap<>();
    /** Number of samples accepted; the newest sample has this index, the oldest in the window index - size + 1. */
    private long accepted;
    private boolean flat;
    private double lastChange = Double.NaN;
    private double lastDerivative = Double.NaN;
    private double plateauSince = Double.NaN;
    private double convergedAt = Double.NaN;
    private double convergedDerivative = Double.NaN;

    public SteadyStateMonitor(SteadyStateCriterion criterion, OptionalDouble relaxationTime) {
        this.criterion = criterion;
        this.relaxationTime = relaxationTime.orElse(Double.NaN);
    }

    /**
     * Adds the next output-time sample.
     *
     * @return whether every observable stayed within the tolerance over the window ending at this sample
     */
    public boolean accept(Sample s) {
        history.addLast(s);
        accepted++;
        for (Map.Entry<String, ?> e : s.observables().values().entrySet()) {
            extremes.computeIfAbsent(e.getKey(), k -> new WindowExtremes()).add(accepted, s.observables().value(e.getKey()));
        }
        // keep the newest sample at least one window old, and nothing older
        while (history.size() > 2 && secondOldest().t() <= s.t() - criterion.window()) {
            history.removeFirst();
        }
        long oldest = accepted - history.size() + 1;
        for (WindowExtremes w : extremes.values()) {
            w.dropBefore(oldest);
        }
        lastDerivative = s.derivativeNorm();
        if (s.t() - history.peekFirst().t() < criterion.window()) {
            flat = false;
            return false;
        }
        lastChange = maxChange();
        flat = lastChange < criterion.observableTolerance();
        if (!flat) {
            plateauSince = Double.NaN;
        } else if (!pastRelaxation(s.t())) {
            if (Double.isNaN(plateauSince)) {
                plateauSince = s.t();
            }
        } else if (lastDerivative < criterion.derivativeTolerance() && Double.isNaN(convergedAt)) {
            convergedAt = s.t();
            convergedDerivative = lastDerivative;
        }
        return flat;
    }

    /** Whether the observables were flat over the window ending at the last sample. */
    public boolean flat() {
        return flat;
    }

    /** Whether t is at least the stated multiple of the slowest relaxation time (always, if it is unknown). */
    public boolean pastRelaxation(double t) {
        return !Double.isFinite(relaxationTime) || t >= criterion.relaxationMultiple() * relaxationTime;
    }

    /** The first sample time at which every part of the criterion held; NaN if none yet. */
    public double convergedAt() {
        return convergedAt;
    }

    public SteadyStateCriterion criterion() {
        return criterion;
    }

    public OptionalDouble relaxationTime() {
        return Double.isFinite(relaxationTime) ? OptionalDouble.of(relaxationTime) : OptionalDouble.empty();
    }

    private Sample secondOldest() {
        var it = history.iterator();
        it.next();
        return it.next();
    }

    /** The largest range (max - min) of any observable of the newest sample over the window; NaN if one is NaN. */
    private double maxChange() {
        double worst = 0;
        for (String name : history.peekLast().observables().values().keySet()) {
            worst = Math.max(worst, extremes.get(name).range());
        }
        return worst;
    }

    /**
     * The minimum and maximum of one observable over a sliding window, with monotone deques (indices of samples
     * whose values are increasing from the front for the minimum, decreasing for the maximum): each sample is
     * added once and removed at most once, so the work per sample is O(1) amortised, whatever the window holds.
     * NaN values are counted apart, since they compare with nothing.
     */
    private static final class WindowExtremes {
        private final ArrayDeque<long[]> minima = new ArrayDeque<>();
        private final ArrayDeque<long[]> maxima = new ArrayDeque<>();
        private final ArrayDeque<Long> nans = new ArrayDeque<>();

        void add(long index, double v) {
            if (Double.isNaN(v)) {
                nans.addLast(index);
                return;
            }
            long bits = Double.doubleToRawLongBits(v);
            while (!minima.isEmpty() && value(minima.peekLast()) >= v) {
                minima.removeLast();
            }
            minima.addLast(new long[] {index, bits});
            while (!maxima.isEmpty() && value(maxima.peekLast()) <= v) {
                maxima.removeLast();
            }
            maxima.addLast(new long[] {index, bits});
        }

        void dropBefore(long oldest) {
            while (!minima.isEmpty() && minima.peekFirst()[0] < oldest) {
                minima.removeFirst();
            }
            while (!maxima.isEmpty() && maxima.peekFirst()[0] < oldest) {
                maxima.removeFirst();
            }
            while (!nans.isEmpty() && nans.peekFirst() < oldest) {
                nans.removeFirst();
            }
        }

        double range() {
            if (!nans.isEmpty()) {
                return Double.NaN;
            }
            return maxima.isEmpty() ? 0 : value(maxima.peekFirst()) - value(minima.peekFirst());
        }

        private static double value(long[] entry) {
            return Double.longBitsToDouble(entry[1]);
        }
    }

    /** The verdict of the samples seen so far, for a stream that ended at {@code endTime}. */
    public SteadyStateVerdict verdict(double endTime) {
        return Double.isNaN(convergedAt) ? notReached(endTime) : reached(convergedAt, convergedDerivative);
    }

    /** The verdict for a run that reached the steady state at {@code t} with derivative norm {@code derivative}. */
    public SteadyStateVerdict reached(double t, double derivative) {
        return new SteadyStateVerdict(true, t, String.format(Locale.ROOT,
                "every observable changed by < %.3g over the last %.3g time units, max |dy/dt| = %.3g < %.3g, "
                        + "and t >= %.3g x the slowest relaxation time (%s)",
                criterion.observableTolerance(), criterion.window(), derivative, criterion.derivativeTolerance(),
                criterion.relaxationMultiple(), tau()));
    }

    /** The verdict for a run that ended at {@code endTime} without reaching the steady state. */
    public SteadyStateVerdict notReached(double endTime) {
        if (!Double.isNaN(plateauSince)) {
            return new SteadyStateVerdict(false, Double.NaN, String.format(Locale.ROOT,
                    "plateau, not converged: observables flat (< %.3g over %.3g time units) since t = %.6g, but t = %.6g "
                            + "is below %.3g x the slowest relaxation time %s (max |dy/dt| = %.3g, tolerance %.3g)",
                    criterion.observableTolerance(), criterion.window(), plateauSince, endTime,
                    criterion.relaxationMultiple(), tau(), lastDerivative, criterion.derivativeTolerance()));
        }
        String why;
        if (Double.isNaN(lastChange)) {
            why = "the run was shorter than the window of " + String.format(Locale.ROOT, "%.3g", criterion.window());
        } else if (!flat) {
            why = String.format(Locale.ROOT, "observables still changed by %.3g over the last %.3g time units",
                    lastChange, criterion.window());
        } else {
            why = String.format(Locale.ROOT, "max |dy/dt| = %.3g is not below %.3g", lastDerivative,
                    criterion.derivativeTolerance());
        }
        return new SteadyStateVerdict(false, Double.NaN, String.format(Locale.ROOT, "not reached by t = %.6g: %s",
                endTime, why));
    }

    private String tau() {
        return Double.isFinite(relaxationTime) ? String.format(Locale.ROOT, "%.6g", relaxationTime) : "unknown";
    }
}
