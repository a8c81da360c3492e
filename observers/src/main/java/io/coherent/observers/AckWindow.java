package io.coherent.observers;

import io.coherent.integrators.RunControl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bounded in-flight window between a run and the observers that must see every sample: a message
 * ending with sample {@code seq} may be published only when every observer has acknowledged a message
 * ending at or after sample {@code seq - size}, so no observer ever has more than {@code size} samples
 * outstanding. Observers acknowledge only the messages the run asks them to: one at least every half window
 * ({@link #asks}), and messages hold at most half a window ({@link #maxMessage}), so the acknowledgement a
 * full window waits for has always been asked for. The publishing (integration) thread waits here;
 * acknowledgements arrive on an event loop and only take a short lock, so the event loop never waits. An
 * observer that stops acknowledging for {@code timeoutMillis} has vanished, and the run fails with that reason.
 */
final class AckWindow {
    private final int size;
    private final long timeoutMillis;
    private final RunControl control;
    private final Map<String, Long> acknowledged = new LinkedHashMap<>();
    private long lastAsked;

    AckWindow(List<String> observers, int size, long timeoutMillis, RunControl control) {
        if (size < 1) {
            throw new IllegalArgumentException("the acknowledgement window must hold at least one sample");
        }
        this.size = size;
        this.timeoutMillis = timeoutMillis;
        this.control = control;
        observers.forEach(o -> acknowledged.put(o, 0L));
    }

    synchronized void acknowledge(String observer, long seq) {
        acknowledged.computeIfPresent(observer, (k, v) -> Math.max(v, seq));
        notifyAll();
    }

    /** Wakes the publisher after the run's control has failed. */
    synchronized void wake() {
        notifyAll();
    }

    /**
     * Waits until every observer has acknowledged sample {@code upTo}: {@code seq - size} to make room for
     * a message ending with sample {@code seq}, or {@code seq} itself to wait for everything.
     *
     * @return false if the run failed meanwhile (its control says why)
     */
    synchronized boolean awaitAcknowledged(long upTo) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (control.failure() == null) {
            String laggard = laggard(upTo);
            if (laggard == null) {
                return true;
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                control.fail(String.format(Locale.ROOT, "observer '%s' vanished: no acknowledgement for %.3g s "
                        + "(last acknowledged message %d)", laggard, timeoutMillis / 1e3, acknowledged.get(laggard)));
                return false;
            }
            wait(left);
        }
        return false;
    }

    private String laggard(long upTo) {
        for (Map.Entry<String, Long> e : acknowledged.entrySet()) {
            if (e.getValue() < upTo) {
                return e.getKey();
            }
        }
        return null;
    }

    /** At most this many published samples are unacknowledged by any observer. */
    int size() {
        return size;
    }

    /** The most samples one message may hold: half the window (at least one). */
    int maxMessage() {
        return Math.max(1, size / 2);
    }

    /**
     * Whether observers must acknowledge the message ending with sample {@code seq}: if {@link #maxMessage} or
     * more samples were published since the last message asked for. Then fewer than {@code maxMessage}
     * samples follow the last asked message, and a message of at most {@code maxMessage} samples ending at
     * {@code s} waits for sample {@code s - size}, which is never after the last asked one (2 maxMessage
     * <= size + 1). Called by the publishing thread only, in publishing order.
     */
    boolean asks(long seq) {
        if (seq - lastAsked < maxMessage()) {
            return false;
        }
        lastAsked = seq;
        return true;
    }
}
