package io.coherent.observers;

/**
 * The event-bus addresses of one run: {@code coherent.run.<id>.samples} carries every sample (published),
 * {@code .acks} the observers' acknowledgements, {@code .control} stop requests, and
 * {@code .observer.<name>} each observer's summary; {@code .stream} every sample again as JSON (for web pages
 * and other JVMs of a cluster, see {@link RunStream}) and {@code .history} the JSON samples so far, on request.
 */
public record RunAddress(String runId) {

    public RunAddress {
        if (runId == null || runId.isBlank() || runId.contains(" ")) {
            throw new IllegalArgumentException("a run id is a non-empty word, got '" + runId + "'");
        }
    }

    private String prefix() {
        return "coherent.run." + runId;
    }

    public String samples() {
        return prefix() + ".samples";
    }

    public String acks() {
        return prefix() + ".acks";
    }

    public String control() {
        return prefix() + ".control";
    }

    public String stream() {
        return prefix() + ".stream";
    }

    public String history() {
        return prefix() + ".history";
    }

    public String observer(String name) {
        return prefix() + ".observer." + name;
    }
}
