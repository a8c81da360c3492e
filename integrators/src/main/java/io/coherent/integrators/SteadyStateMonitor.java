package io.coherent.integrators;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
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
        // keep the newest sample at least one window old, and nothing older
        while (history.size() > 2 && secondOldest().t() <= s.t() - criterion.window()) {
            history.removeFirst();
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

    private double maxChange() {
        double worst = 0;
        for (String name : history.peekLast().observables().values().keySet()) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (Sample h : history) {
                double v = h.observables().value(name);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            worst = Math.max(worst, hi - lo);
        }
        return worst;
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
