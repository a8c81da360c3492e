package io.coherent.integrators;

import java.util.List;

/**
 * How a run ended.
 *
 * @param last      the last sample recorded (at the final time reached)
 * @param events    the events that occurred, in time order
 * @param stoppedBy null if the run reached the end of its output times, otherwise what stopped it early
 * @param failure   null if the run completed, otherwise the one-line reason it stopped
 */
public record RunOutcome(Sample last, SteadyStateVerdict steadyState, IntegrationStatistics statistics,
                         double wallSeconds, List<EventRecord> events, String stoppedBy, String failure) {

    public RunOutcome {
        events = List.copyOf(events);
    }

    public boolean failed() {
        return failure != null;
    }

    /** The same outcome, failed for {@code reason} (an observer that failed after the integration ended). */
    public RunOutcome withFailure(String reason) {
        return new RunOutcome(last, steadyState, statistics, wallSeconds, events, stoppedBy, reason);
    }
}
