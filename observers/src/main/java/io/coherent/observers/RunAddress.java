package io.coherent.observers;

/**
 * The event-bus addresses of one run: {@code coherent.run.<id>.samples} carries every sample (published),
 * {@code .acks} the observers' acknowledgements, {@code .control} stop requests, and
 * {@code .observer.<name>} each observer's summary.
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

    public String observer(String name) {
        return prefix() + ".observer." + name;
    }
}
