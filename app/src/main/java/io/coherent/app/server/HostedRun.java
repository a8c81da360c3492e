package io.coherent.app.server;

import io.coherent.config.Scenario;
import io.coherent.observers.RunStream;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A run the server started: its scenario, its JSON stream (samples so far, for subscribers and downloads), and
 * once it has ended its summary (the same JSON as {@code coherent run --json}). Status moves from
 * {@code running} to {@code finished}, {@code cancelled} or {@code failed}, once.
 */
final class HostedRun {
    private final String id;
    private final Scenario scenario;
    private final RunStream stream;
    private final Instant created = Instant.now();
    private boolean cancelRequested;
    private String status = "running";
    private JsonObject summary;

    HostedRun(String id, Scenario scenario, RunStream stream) {
        this.id = id;
        this.scenario = scenario;
        this.stream = stream;
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
