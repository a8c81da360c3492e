package io.coherent.observers;

import io.coherent.integrators.RunControl;
import io.coherent.integrators.RunMetrics;
import io.coherent.integrators.RunOutcome;
import io.coherent.integrators.Sample;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The propagator's sink in the event-driven runtime. Offers each sample to the live feeds at once (they
 * never wait) and collects samples into batches for the run's samples address: a batch goes out when it
 * holds {@link #MAX_BATCH} samples or its first sample is {@link #MAX_BATCH_AGE_NANOS} old, so a slow run
 * (the exact engine takes milliseconds per sample) is still published promptly while a fast one does not
 * pay a bus message per sample. Before publishing, it waits until the acknowledgement window has room, so
 * the observers that must see everything are never more than the window behind; it asks for
 * acknowledgements only as often as the window needs them ({@link AckWindow#asks}). Runs on the integration
 * thread, never on an event loop.
 */
final class SamplePublisher implements Consumer<Sample> {
    private final Vertx vertx;
    private final RunAddress run;
    private final AckWindow window;
    private final List<LiveFeed> feeds;
    private final RunControl control;
    static final int MAX_BATCH = 128;
    static final long MAX_BATCH_AGE_NANOS = 20_000_000;

    private final Counter published;
    private final List<Sample> batch = new ArrayList<>(MAX_BATCH);
    private long batchStarted;
    private long seq;

    SamplePublisher(Vertx vertx, RunAddress run, AckWindow window, List<LiveFeed> feeds, RunControl control,
                    MeterRegistry registry) {
        this.vertx = vertx;
        this.run = run;
        this.window = window;
        this.feeds = List.copyOf(feeds);
        this.control = control;
        this.published = Counter.builder(RunMetrics.PUBLISHED).description("samples published on the run's address")
                .register(registry);
    }

    /** @throws IllegalStateException if the run has failed (an observer threw or vanished) */
    @Override
    public void accept(Sample s) {
        if (control.failure() != null) {
            throw new IllegalStateException(control.failure());
        }
        for (LiveFeed f : feeds) {
            f.offer(s);
        }
        if (batch.isEmpty()) {
            batchStarted = System.nanoTime();
        }
        batch.add(s);
        // a batch never exceeds half the window, or the acknowledgement it waits for might never be asked for
        if (batch.size() >= Math.min(MAX_BATCH, window.maxMessage())
                || System.nanoTime() - batchStarted >= MAX_BATCH_AGE_NANOS) {
            publishBatch();
        }
    }

    private void publishBatch() {
        long last = seq + batch.size();
        if (!await(last - window.size())) {
            throw new IllegalStateException(control.failure());
        }
        seq = last;
        vertx.eventBus().publish(run.samples(), new RunMessage.Samples(run, seq, batch, window.asks(seq)));
        published.increment(batch.size());
        batch.clear();
    }

    /**
     * Publishes what is left and the end of the run, then waits until every observer has seen everything.
     * After a failure the end is still announced (observers learn how the run ended) but nobody is waited for.
     */
    void finish(RunOutcome outcome) {
        if (!batch.isEmpty() && control.failure() == null) {
            try {
                publishBatch();
            } catch (IllegalStateException failed) {
                // the control has the reason; the end is announced below
            }
        }
        long end = seq + 1;
        boolean room = control.failure() == null && await(end - window.size());
        seq = end;
        vertx.eventBus().publish(run.samples(), new RunMessage.End(run, end, outcome));
        if (room) {
            await(end);
        }
    }

    private boolean await(long upTo) {
        try {
            return window.awaitAcknowledged(upTo);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            control.fail("interrupted while waiting for the observers");
            return false;
        }
    }
}
