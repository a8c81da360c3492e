package io.coherent.app.server;

import io.coherent.observers.RunStream;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One subscriber of a run's stream over HTTP (Server-Sent Events or a WebSocket), on the event loop of its
 * connection. It reads the run's history with its own cursor: every message once, in order, from the first (or
 * after SSE's Last-Event-ID), what arrived within {@link #BATCH_MILLIS} in one write. It writes while its
 * connection's write queue has room and resumes when the queue drains, so a subscriber that reads slowly lags behind but never makes the server buffer more than one write
 * queue for it (the history is the run's, shared by all subscribers and capped by the run's length).
 */
final class StreamClient {

    /** Where the messages go. */
    interface Sink {
        /** Writes {@code messages} (JSON texts numbered from {@code firstSeq}); the last is the end if {@code end}. */
        void write(List<String> messages, long firstSeq, boolean end);

        boolean writeQueueFull();

        void drainHandler(Handler<Void> handler);
    }

    /**
     * Server-Sent Events: {@code event: sample|end}, {@code id: seq}, {@code data: JSON}, all waiting messages in one
     * write; closed after the end.
     */
    record Sse(HttpServerResponse response) implements Sink {
        @Override
        public void write(List<String> messages, long firstSeq, boolean end) {
            StringBuilder frames = new StringBuilder();
            for (int i = 0; i < messages.size(); i++) {
                boolean last = end && i == messages.size() - 1;
                frames.append("event: ").append(last ? "end" : "sample").append("\nid: ").append(firstSeq + i)
                        .append("\ndata: ").append(messages.get(i)).append("\n\n");
            }
            if (end) {
                response.end(frames.toString());
            } else {
                response.write(frames.toString());
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
        public void write(List<String> messages, long firstSeq, boolean end) {
            messages.forEach(socket::writeTextMessage);
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

    /** The most characters of messages in one write (one message if it alone is longer). */
    static final int CHUNK_CHARS = 64 * 1024;

    /** Messages arriving within this time go out in one write: fewer, larger writes for fast runs. */
    static final long BATCH_MILLIS = 100;

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

    /**
     * From any thread: at most one pump waiting on the connection's event loop, {@link #BATCH_MILLIS} after the
     * first new message, however many arrive meanwhile (they go out in one write).
     */
    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> context.owner().setTimer(BATCH_MILLIS, t -> {
                scheduled.set(false);
                pump();
            }));
        }
    }

    /**
     * Writes what the subscriber has not had yet, in pieces of at most {@link #CHUNK_CHARS} characters, as long as its
     * write queue has room; the drain handler calls it again when the queue has drained. So an idle subscriber costs
     * one write queue (Netty's high-water mark, 64 KiB) and one piece, never a copy of the history.
     */
    void pump() {
        while (!ended && !sink.writeQueueFull()) {
            List<String> messages = stream.since(next, CHUNK_CHARS);
            if (messages.isEmpty()) {
                if (stream.ended() && next >= stream.size()) {
                    // the subscriber already has the end (a reconnection with the end's Last-Event-ID): close
                    ended = true;
                    sink.write(List.of(), next + 1L, true);
                    stream.removeListener(wakeUp);
                }
                return;
            }
            long first = next + 1L;
            next += messages.size();
            ended = next == stream.size() && stream.ended();
            sink.write(messages, first, ended);
            if (ended) {
                stream.removeListener(wakeUp);
            }
        }
    }
}
