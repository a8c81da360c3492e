package io.coherent.integrators;

/**
 * Lets other threads end a running integration: an observer that decided the run has converged asks it to
 * stop, an observer that failed ends it with a failure. The propagator checks at every step end, so the
 * run ends within one step of the request. Thread-safe; the first stop or failure wins.
 */
public final class RunControl {
    private volatile String stopReason;
    private volatile String failure;

    /** Ask the run to stop normally, e.g. {@code "converged (convergence watcher)"}. */
    public synchronized void requestStop(String reason) {
        if (stopReason == null && failure == null) {
            stopReason = reason;
        }
    }

    /** End the run as failed with a one-line reason. */
    public synchronized void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
    }

    public boolean ended() {
        return stopReason != null || failure != null;
    }

    /** The stop request, or null. */
    public String stopReason() {
        return stopReason;
    }

    /** The failure, or null. */
    public String failure() {
        return failure;
    }
}
