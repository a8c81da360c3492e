package io.coherent.integrators;

/**
 * One event of a run, as located by its Hipparchus detector.
 *
 * @param kind        {@code steady-state}, {@code threshold} or {@code time-mark}
 * @param description what happened, for people
 * @param t           when (to the detector's convergence threshold, see {@link EventSpec#TIME_ACCURACY})
 * @param stopped     whether the event stopped the run
 */
public record EventRecord(String kind, String description, double t, boolean stopped) {
}
