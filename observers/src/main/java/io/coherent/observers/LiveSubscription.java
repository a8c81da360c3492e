package io.coherent.observers;

/**
 * A live subscriber: somebody who wants to watch a run as it goes (a web page, a plot) and must never
 * slow it down. It gets every {@code every}-th output sample and every event sample, as a request on
 * {@code address} that it answers when it is ready for the next, and at most one request per
 * {@code minIntervalMillis}; while it is busy or the interval has not passed, only the newest sample is
 * kept, older ones are dropped and counted. The interval bounds what watching costs the run: a plot does not
 * need more than a few dozen updates a second, and every message costs CPU on the event loop.
 */
public record LiveSubscription(String name, String address, int every, long minIntervalMillis) {

    /** At most 50 updates a second: smooth for a plot, cheap for the run. */
    public static final long DEFAULT_MIN_INTERVAL_MILLIS = 20;

    public LiveSubscription {
        if (name == null || name.isBlank() || address == null || address.isBlank() || every < 1 || minIntervalMillis < 0) {
            throw new IllegalArgumentException("a live subscription needs a name, an address, every >= 1 and "
                    + "minIntervalMillis >= 0");
        }
    }

    public LiveSubscription(String name, String address, int every) {
        this(name, address, every, DEFAULT_MIN_INTERVAL_MILLIS);
    }
}
