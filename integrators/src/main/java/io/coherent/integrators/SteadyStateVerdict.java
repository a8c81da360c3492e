package io.coherent.integrators;

/** Whether a run reached its steady state, when, and why the verdict is what it is. */
public record SteadyStateVerdict(boolean reached, double time, String reason) {
}
