package io.coherent.app.cluster;

/**
 * The event-bus addresses of clustered sweeps and the messages on them (all JSON).
 *
 * <ul>
 *   <li>{@link #LEASE}: a worker with room for points asks any coordinator for some (request-reply): {@code {"member":
 *       ID, "capacity": N, "held": {RUN: [i, ...]}, "prepared": [FINGERPRINT, ...]}} ("held": the points it holds, by
 *       sweep; the coordinator takes back any other it leased to this worker, lost with a reply that came too late);
 *       the reply is {@code {"points": []}} (nothing to hand out
 *       now) or {@code {"sweep": RUN, "fingerprint": FP, "points": [i, ...], "definition": {...}}}, the definition
 *       ({@link io.coherent.app.sweep.SweepDefinition#toJson}) only if the worker has not prepared that sweep.</li>
 *   <li>{@link #results}: a worker sends the outcomes it finished ({@code {"member": ID, "outcomes": [...]}}, each
 *       as {@link PointJson}): all finished since its last message, which it sends once the previous one is
 *       acknowledged. The coordinator keeps each point's first outcome and replies {@code {"accepted": N}} (the others
 *       were duplicates). The worker counts those points as held until this reply, so that a lease request overtaking
 *       the outcomes on the bus does not make the coordinator take the points back.</li>
 * </ul>
 */
final class SweepBus {
    static final String LEASE = "coherent.sweep.lease";

    private SweepBus() {
    }

    /** Where the outcomes of one coordinator's sweep go. */
    static String results(String run) {
        return "coherent.sweep." + run + ".results";
    }
}
