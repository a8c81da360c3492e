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
 *   <li>{@link #results}: a worker sends each outcome as it finishes ({@link PointJson}, plus {@code "member"}); the
 *       coordinator keeps the point's first outcome and replies {@code {"accepted": true}}, or {@code false} for a
 *       duplicate. The worker counts the point as held until this reply, so that a lease request overtaking the
 *       result on the bus does not make the coordinator take the point back.</li>
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
