package io.coherent.observers;

import io.coherent.integrators.RunControl;
import io.coherent.integrators.RunMetrics;
import io.coherent.integrators.RunOutcome;
import io.coherent.integrators.Sample;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.function.Consumer;

/**
 * The propagator's sink in the event-driven runtime: publishes each sample on the run's samples address
 * once the acknowledgement window has room (so the observers that must see everything are never more than
 * the window behind), then offers it to the live feeds (which never wait). Runs on the integration
 * thread, never on an event loop.
 */
final class SamplePublisher implements Consumer<Sample> {
    private final Vertx vertx;
    private final RunAddress run;
    private final AckWindow window;
    private final List<LiveFeed> feeds;
    private final RunControl control;
    private final Counter published;
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
        long next = seq + 1;
        if (!await(next - window.size())) {
            throw new IllegalStateException(control.failure());
        }
        seq = next;
        vertx.eventBus().publish(run.samples(), new RunMessage.SampleMessage(run, seq, s));
        published.increment();
        for (LiveFeed f : feeds) {
            f.offer(s);
        }
    }

    /**
     * Publishes the end of the run and waits until every observer has seen everything. After a failure the
     * end is still announced (observers learn how the run ended) but nobody is waited for.
     */
    void finish(RunOutcome outcome) {
        long end = seq + 1;
        boolean room = await(end - window.size());
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
