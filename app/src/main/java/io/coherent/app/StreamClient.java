package io.coherent.app;

import io.coherent.observers.RunStream;
import io.coherent.observers.SampleJson;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One subscriber of a run's stream over HTTP (Server-Sent Events or a WebSocket), on the event loop of its
 * connection. It reads the run's history with its own cursor: every message once, in order, from the first (or
 * after SSE's Last-Event-ID). It writes while its connection's write queue has room and resumes when the queue
 * drains, so a subscriber that reads slowly lags behind but never makes the server buffer more than one write
 * queue for it (the history is the run's, shared by all subscribers and capped by the run's length).
 */
final class StreamClient {

    /** Where the messages go. */
    interface Sink {
        void write(JsonObject message, boolean end);

        boolean writeQueueFull();

        void drainHandler(Handler<Void> handler);
    }

    /** Server-Sent Events: {@code event: sample|end}, {@code id: seq}, {@code data: JSON}; closed after the end. */
    record Sse(HttpServerResponse response) implements Sink {
        @Override
        public void write(JsonObject message, boolean end) {
            response.write("event: " + (end ? "end" : "sample") + "\nid: " + message.getLong("seq") + "\ndata: "
                    + message.encode() + "\n\n");
            if (end) {
                response.end();
            }
        }

        @Override
        public boolean writeQueueFull() {
            return response.writeQueueFull();
        }

        @Override
        public void drainHandler(Handler<Void> handler) {
            response.drainHandler(handler);
        }
    }

    /** A WebSocket: one text message per sample, the end last, then closed. */
    record WebSocket(ServerWebSocket socket) implements Sink {
        @Override
        public void write(JsonObject message, boolean end) {
            socket.writeTextMessage(message.encode());
            if (end) {
                socket.close();
            }
        }

        @Override
        public boolean writeQueueFull() {
            return socket.writeQueueFull();
        }

        @Override
        public void drainHandler(Handler<Void> handler) {
            socket.drainHandler(handler);
        }
    }

    private final Sink sink;
    private final RunStream stream;
    private final Context context;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable wakeUp = this::schedule;
    private int next;
    private boolean ended;
    private boolean stopped;

    /**
     * Starts sending, on {@code context} (the connection's event loop).
     *
     * @param after the last sequence number the subscriber already has (SSE's Last-Event-ID), 0 for none
     */
    StreamClient(Sink sink, RunStream stream, Context context, long after) {
        this.sink = sink;
        this.stream = stream;
        this.context = context;
        this.next = (int) Math.max(0, Math.min(after, Integer.MAX_VALUE));
        sink.drainHandler(v -> pump());
        stream.addListener(wakeUp);
        schedule();
    }

    /** The response has ended or the connection closed: nothing more is written. False if it had stopped already. */
    boolean stop() {
        ended = true;
        stream.removeListener(wakeUp);
        boolean first = !stopped;
        stopped = true;
        return first;
    }

    /** From any thread: at most one pump waiting on the connection's event loop, however many messages arrive. */
    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> {
                scheduled.set(false);
                pump();
            });
        }
    }

    /** Writes what the subscriber has not had yet, as far as its write queue allows. */
    private void pump() {
        while (!ended && next < stream.size() && !sink.writeQueueFull()) {
            JsonObject m = stream.message(next++);
            ended = SampleJson.isEnd(m);
            sink.write(m, ended);
        }
        if (ended) {
            stream.removeListener(wakeUp);
        }
    }
}
