package io.coherent.observers;

import io.coherent.integrators.RunOutcome;
import io.coherent.integrators.Sample;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One run's samples as JSON for subscribers elsewhere: a web page, or another JVM of a Vert.x cluster.
 * Its {@link #observer()} sees every sample (it is an ordinary {@link SampleObserver}, acknowledged within
 * the run's window), keeps it in the history and publishes it on {@link RunAddress#stream()}; the end of
 * the run follows as the last message ({@link SampleJson#end}). A subscriber that joins late, or whose
 * subscription reached the publisher late (a cluster propagates subscriptions asynchronously), asks
 * {@link RunAddress#history()} with {@code {"after": seq}} for what it missed. The history is as long as
 * the run (the server caps a run's output times); it lives until {@link #close()}, after the run.
 */
public final class RunStream {
    private final Vertx vertx;
    private final RunAddress run;
    /** Encoded once, sent as they are to every subscriber; message i has sequence number i + 1. */
    private final List<String> history = new ArrayList<>();
    private long bytes;
    private boolean ended;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final MessageConsumer<JsonObject> historyConsumer;

    public RunStream(Vertx vertx, RunAddress run) {
        this.vertx = vertx;
        this.run = run;
        this.historyConsumer = vertx.eventBus().consumer(run.history(),
                m -> m.reply(new JsonArray(since(m.body() == null ? 0 : m.body().getLong("after", 0L)).stream()
                        .map(JsonObject::new).toList())));
    }

    public RunAddress run() {
        return run;
    }

    /** Completes once the history address is registered (cluster-wide when clustered). */
    public Future<Void> ready() {
        return historyConsumer.completion();
    }

    /** A new observer feeding this stream, to deploy with the run. */
    public SampleObserver observer() {
        return new Feeder();
    }

    /** The messages (JSON text) after sequence number {@code after}, in order. */
    public synchronized List<String> since(long after) {
        int from = (int) Math.min(Math.max(after, 0), history.size());
        return List.copyOf(history.subList(from, history.size()));
    }

    /**
     * The messages after sequence number {@code after}, in order, as many as fit in {@code maxChars} characters (at
     * least one, if there is one): a bounded piece of the history for one write.
     */
    public synchronized List<String> since(long after, int maxChars) {
        int from = (int) Math.min(Math.max(after, 0), history.size());
        int to = from;
        long chars = 0;
        while (to < history.size() && (to == from || chars + history.get(to).length() <= maxChars)) {
            chars += history.get(to).length();
            to++;
        }
        return List.copyOf(history.subList(from, to));
    }

    /**
     * Bytes the history holds on the heap, approximately: each message's characters (JSON is ASCII, one byte each in a
     * compact string) plus {@link #BYTES_PER_MESSAGE} of object headers and references.
     */
    public synchronized long bytes() {
        return bytes;
    }

    /** Overhead of one kept message besides its characters: String and array headers, the list's reference. */
    public static final int BYTES_PER_MESSAGE = 64;

    /**
     * Ends a stream whose run never started (cancelled, or failed while it was being prepared): the end of the run is
     * its only message, with {@code stoppedBy} or {@code failure} set.
     */
    public void endBeforeStart(String stoppedBy, String failure) {
        append(SampleJson.endBeforeStart(next(), stoppedBy, failure));
    }

    /** Number of messages so far (samples, and the end once the run has ended). */
    public synchronized int size() {
        return history.size();
    }

    /** Whether the end of the run is the last message. */
    public synchronized boolean ended() {
        return ended;
    }

    private void append(JsonObject message) {
        synchronized (this) {
            String text = message.encode();
            history.add(text);
            bytes += text.length() + BYTES_PER_MESSAGE;
            ended = SampleJson.isEnd(message);
        }
        listeners.forEach(Runnable::run);
        vertx.eventBus().publish(run.stream(), message);
    }

    /**
     * Calls {@code wakeUp} (on the observer's thread, so it must only schedule work) after each new message: for
     * subscribers in this JVM that read the history themselves, without a bus message per sample.
     */
    public void addListener(Runnable wakeUp) {
        listeners.add(wakeUp);
    }

    public void removeListener(Runnable wakeUp) {
        listeners.remove(wakeUp);
    }

    private synchronized long next() {
        return history.size() + 1L;
    }

    public Future<Void> close() {
        return historyConsumer.unregister();
    }

    private final class Feeder extends SampleObserver {
        Feeder() {
            super("stream", List.of(run));
        }

        @Override
        protected void onSample(RunAddress address, Sample sample) {
            append(SampleJson.sample(next(), sample));
        }

        @Override
        protected void onEnd(RunAddress address, RunOutcome outcome) {
            append(SampleJson.end(next(), outcome));
        }

        @Override
        protected JsonObject summary() {
            return new JsonObject().put("messages", size());
        }
    }
}
