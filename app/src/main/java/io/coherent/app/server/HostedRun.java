package io.coherent.app.server;

import io.coherent.config.Scenario;
import io.coherent.observers.RunStream;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A run the server accepted: its scenario, its JSON stream (samples so far, for subscribers and downloads), and
 * once it has ended its summary (the same JSON as {@code coherent run --json}). Status moves from
 * {@code running} to {@code finished}, {@code cancelled} or {@code failed}, once. It exists from the moment the
 * request is accepted, while its generator is still being built (an eigendecomposition can take seconds): a
 * cancellation then ends it at once, and the generator, when it is ready, is thrown away.
 */
final class HostedRun {
    private final String id;
    private final Scenario scenario;
    private final RunStream stream;
    private final long plannedMessages;
    private final Instant created = Instant.now();
    private boolean cancelRequested;
    private boolean launched;
    private String status = "running";
    private JsonObject summary;

    /** @param plannedMessages the samples the run will produce at most, and its end */
    HostedRun(String id, Scenario scenario, RunStream stream, long plannedMessages) {
        this.id = id;
        this.scenario = scenario;
        this.stream = stream;
        this.plannedMessages = plannedMessages;
    }

    /**
     * The bytes of the history: as it is once ended; while running, at its planned length, from what its samples
     * have cost so far (from {@link KeptRuns#BYTES_PER_SAMPLE_GUESS} before the first).
     */
    long projectedBytes() {
        long bytes = stream.bytes();
        int size = stream.size();
        if (!running()) {
            return bytes;
        }
        long perMessage = size == 0 ? KeptRuns.BYTES_PER_SAMPLE_GUESS : Math.max(1, bytes / size);
        return Math.max(bytes, perMessage * plannedMessages);
    }

    /**
     * Called when the generator is ready: true if the run is to start, false if it was cancelled meanwhile (it has
     * ended already).
     */
    synchronized boolean launch() {
        launched = !cancelRequested;
        return launched;
    }

    /**
     * Ends a run that has not been launched, with {@code summary}; false if it was launched (its runtime ends it)
     * or has ended already.
     */
    boolean endBeforeLaunch(JsonObject summary, String stoppedBy, String failure) {
        synchronized (this) {
            if (launched || !status.equals("running")) {
                return false;
            }
            end(summary, failure != null);
        }
        stream.endBeforeStart(stoppedBy, failure);
        return true;
    }

    String id() {
        return id;
    }

    Scenario scenario() {
        return scenario;
    }

    RunStream stream() {
        return stream;
    }

    /** Marks a cancellation; false if the run has already ended. */
    synchronized boolean requestCancel() {
        if (!status.equals("running")) {
            return false;
        }
        cancelRequested = true;
        return true;
    }

    /** Records the end of the run and returns its status. */
    synchronized String end(JsonObject summary, boolean failed) {
        this.summary = summary;
        status = cancelRequested ? "cancelled" : failed ? "failed" : "finished";
        return status;
    }

    synchronized boolean running() {
        return status.equals("running");
    }

    synchronized JsonObject json() {
        String base = "/api/runs/" + id;
        JsonObject o = new JsonObject().put("id", id).put("name", scenario.name()).put("method", scenario.method())
                .put("status", status).put("created", created.toString()).put("messages", stream.size())
                .put("address", stream.run().stream())
                .put("links", new JsonObject().put("self", base).put("stream", base + "/stream")
                        .put("csv", base + "/trajectory?format=csv").put("jsonl", base + "/trajectory?format=jsonl"));
        if (summary != null) {
            o.put("summary", summary);
        }
        return o;
    }
}
