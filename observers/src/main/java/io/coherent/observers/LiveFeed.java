package io.coherent.observers;

import io.coherent.integrators.RunControl;
import io.coherent.integrators.RunMetrics;
import io.coherent.integrators.Sample;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * Feeds one {@link LiveSubscription}: at most one sample in flight and one waiting (the newest), whatever
 * the subscriber's speed, so memory stays bounded and {@link #offer} never waits; requests are spaced by at
 * least the subscription's minimum interval (a timer sends the newest sample when it has passed). Replacing a waiting
 * sample counts a drop ({@code coherent.samples.dropped{subscriber=<name>}}). A subscriber that has no
 * handler any more, fails, or does not answer within the timeout has vanished: the run fails with that reason.
 */
final class LiveFeed {
    private final Vertx vertx;
    private final LiveSubscription subscription;
    private final RunAddress run;
    private final RunControl control;
    private final DeliveryOptions options;
    private final Counter dropped;
    private final Counter delivered;
    private long offered;
    private long seq;
    private RunMessage.SampleMessage waiting;
    private boolean inFlight;
    private boolean gone;
    private volatile long lastSentNanos;

    LiveFeed(Vertx vertx, LiveSubscription subscription, RunAddress run, RunControl control, MeterRegistry registry,
             long timeoutMillis) {
        this.vertx = vertx;
        this.subscription = subscription;
        this.run = run;
        this.control = control;
        this.options = new DeliveryOptions().setSendTimeout(timeoutMillis);
        this.dropped = Counter.builder(RunMetrics.DROPPED).tag("subscriber", subscription.name())
                .description("samples a live subscriber did not get because it was busy").register(registry);
        this.delivered = Counter.builder(RunMetrics.DELIVERED).tag("subscriber", subscription.name())
                .description("samples a live subscriber acknowledged").register(registry);
    }

    /** Called by the publishing thread for every sample; never blocks. */
    void offer(Sample s) {
        offered++;
        if (!s.isEvent() && (offered - 1) % subscription.every() != 0) {
            return;
        }
        RunMessage.SampleMessage m = new RunMessage.SampleMessage(run, ++seq, s);
        synchronized (this) {
            if (gone) {
                return;
            }
            if (inFlight) {
                if (waiting != null) {
                    dropped.increment();
                }
                waiting = m;
                return;
            }
            inFlight = true;
            long waitMillis = subscription.minIntervalMillis() - (System.nanoTime() - lastSentNanos) / 1_000_000;
            if (lastSentNanos != 0 && waitMillis > 0) {
                waiting = m;
                vertx.setTimer(waitMillis, id -> sendWaiting());
                return;
            }
        }
        send(m);
    }

    private void send(RunMessage.SampleMessage m) {
        lastSentNanos = System.nanoTime();
        vertx.eventBus().request(subscription.address(), m, options).onComplete(ar -> {
            if (ar.failed()) {
                vanished(ar.cause());
                return;
            }
            delivered.increment();
            long waitMillis = subscription.minIntervalMillis() - (System.nanoTime() - lastSentNanos) / 1_000_000;
            if (waitMillis > 0) {
                vertx.setTimer(waitMillis, id -> sendWaiting());
            } else {
                sendWaiting();
            }
        });
    }

    /** Sends the newest waiting sample, if any; otherwise the feed is idle and the next offer sends at once. */
    private void sendWaiting() {
        RunMessage.SampleMessage next;
        synchronized (this) {
            next = gone ? null : waiting;
            waiting = null;
            inFlight = next != null;
        }
        if (next != null) {
            send(next);
        }
    }

    private void vanished(Throwable cause) {
        synchronized (this) {
            gone = true;
            waiting = null;
            inFlight = false;
        }
        String who = "live subscriber '" + subscription.name() + "'";
        if (cause instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS) {
            control.fail(who + " vanished: no handler at " + subscription.address());
        } else if (cause instanceof ReplyException r && r.failureType() == ReplyFailure.TIMEOUT) {
            control.fail(who + " vanished: no answer within " + options.getSendTimeout() + " ms");
        } else {
            control.fail(who + " failed: " + cause.getMessage());
        }
    }
}
