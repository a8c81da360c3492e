package io.coherent.app;

import io.coherent.observers.RunStream;
import io.coherent.observers.SampleJson;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;

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
    private final Runnable onStop;
    private int next;
    private boolean ended;

    /**
     * @param after  the last sequence number the subscriber already has (SSE's Last-Event-ID), 0 for none
     * @param onStop called when the connection has closed (possibly more than once)
     */
    StreamClient(Sink sink, RunStream stream, long after, Runnable onStop) {
        this.sink = sink;
        this.stream = stream;
        this.onStop = onStop;
        this.next = (int) Math.max(0, Math.min(after, Integer.MAX_VALUE));
        sink.drainHandler(v -> pump());
    }

    /** The connection has closed: nothing more is written. */
    void stop() {
        ended = true;
        onStop.run();
    }

    /** Writes what the subscriber has not had yet, as far as its write queue allows. */
    void pump() {
        while (!ended && next < stream.size() && !sink.writeQueueFull()) {
            JsonObject m = stream.message(next++);
            ended = SampleJson.isEnd(m);
            sink.write(m, ended);
        }
    }
}
