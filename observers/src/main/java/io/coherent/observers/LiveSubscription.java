package io.coherent.observers;

/**
 * A live subscriber: somebody who wants to watch a run as it goes (a web page, a plot) and must never
 * slow it down. It gets every {@code every}-th output sample and every event sample, as a request on
 * {@code address} that it answers when it is ready for the next; while it is busy only the newest sample
 * is kept, older ones are dropped and counted.
 */
public record LiveSubscription(String name, String address, int every) {

    public LiveSubscription {
        if (name == null || name.isBlank() || address == null || address.isBlank() || every < 1) {
            throw new IllegalArgumentException("a live subscription needs a name, an address and every >= 1");
        }
    }
}
