package io.coherent.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.observers.EventDrivenRun;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The server held to its own limits (issue 15): validation before slots, model size, history memory, idle readers. */
class ServerLimitsTest {

    private static TestServer server(int maxRuns, long historyBytes, long maxDimension) {
        return server(maxRuns, 100, historyBytes, maxDimension);
    }

    private static TestServer server(int maxRuns, int keptRuns, long historyBytes, long maxDimension) {
        Vertx vertx = Vertx.vertx(EventDrivenRun.vertxOptions());
        RunServer server = RunServer.start(vertx, new ServerSettings("127.0.0.1", 0, 65536, maxRuns, 20000, 100000,
                keptRuns, historyBytes, maxDimension)).await();
        return new TestServer(vertx, server, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    private static String qubits(int n) {
        StringBuilder s = new StringBuilder("model: finite\nsubsystems: [");
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ", ").append("{name: q").append(i).append(", type: qubit}");
        }
        return s.append("]\nhamiltonian: 0.5*sz(q0)\nbaths: [{name: b, temperature: 1, coupling: hermitian, "
                + "operators: [sx(q0)], spectral_density: {type: flat, level: 0.01}}]\nuntil: 1\n").toString();
    }

    @Test
    void anInvalidScenarioIsA400EvenWhenEveryRunSlotIsTaken() throws Exception {
        try (TestServer s = server(1, 256_000_000, 64)) {
            String id = s.startRun("preset: partial-collective\nuntil: 5000\npoints: 2000\n");
            HttpResponse<String> bad = s.post("/api/runs", "preset: two-atoms\nmethod: bogus\n");
            assertEquals(400, bad.statusCode(), bad.body());
            assertTrue(bad.body().contains("method = bogus is not allowed"), bad.body());
            assertEquals(429, s.post("/api/runs", ServerApiTest.SHORT).statusCode());
            assertEquals(202, s.send("DELETE", "/api/runs/" + id, null).statusCode());
            assertEquals("cancelled", s.awaitEnd(id).getString("status"));
        }
    }

    @Test
    void anAddressThatIsNotALiteralIsRefusedWithoutDns() {
        for (String host : List.of("bad host!", "example.invalid", "256.1.1.1", "", "127.0.0.1:80")) {
            io.coherent.app.MainTest.Result r = io.coherent.app.MainTest.coherent("serve", "--host", host, "--port", "0");
            assertEquals(2, r.code(), host + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("coherent: --host " + host + " is not allowed: expected an IP address"), r.err());
        }
        ListenAddress.check("::1");
        ListenAddress.check("0.0.0.0");
        ListenAddress.check("localhost");
    }

    @Test
    void mutatedBodiesAreNeverA500() {
        try (TestServer s = server(1, 256_000_000, 64)) {
            java.util.Random random = new java.util.Random(15);
            for (int i = 0; i < 300; i++) {
                String body = io.coherent.app.MalformedInputFuzzTest.mutate(io.coherent.app.MalformedInputFuzzTest.SEEDS
                        .get(random.nextInt(io.coherent.app.MalformedInputFuzzTest.SEEDS.size())), random);
                HttpResponse<String> r = s.post("/api/runs", body);
                assertTrue(r.statusCode() == 201 || r.statusCode() == 400 || r.statusCode() == 429,
                        r.statusCode() + " " + r.body() + " for\n" + body);
                if (r.statusCode() == 400) {
                    String error = new JsonObject(r.body()).getString("error");
                    assertTrue(!error.isBlank() && !error.contains("\n") && !error.contains("internal error"), error);
                }
                if (r.statusCode() == 201) {
                    s.send("DELETE", "/api/runs/" + new JsonObject(r.body()).getString("id"), null);
                }
            }
            assertEquals(200, s.get("/api/presets").statusCode());
        }
    }

    @Test
    void aModelBeyondTheDimensionLimitIsA400NamingTheKey() {
        try (TestServer s = server(2, 256_000_000, 64)) {
            for (int n : new int[] {7, 12, 24, 42}) {
                HttpResponse<String> r = s.post("/api/runs", qubits(n));
                assertEquals(400, r.statusCode(), r.body());
                String error = new JsonObject(r.body()).getString("error");
                assertTrue(error.contains("subsystems: the Hilbert space of " + n + " subsystems has dimension")
                        && error.contains("above the limit of 64 (--max-dimension)"), error);
            }
            HttpResponse<String> cutoff = s.post("/api/runs", "model: finite\nsubsystems: [{name: c, type: oscillator, "
                    + "cutoff: 1000}]\nhamiltonian: n(c)\n");
            assertEquals(400, cutoff.statusCode(), cutoff.body());
            assertTrue(cutoff.body().contains("dimension 1001"), cutoff.body());
        }
    }

    @Test
    void aCancelledRunEndsAtOnceEvenWhileItsGeneratorIsBuilt() throws Exception {
        try (TestServer s = server(1, 256_000_000, 64)) {
            // d = 64: its generator takes a while; the id comes with the 201 and cancelling works from then
            String id = s.startRun(qubits(6).replace("until: 1", "until: 100000\npoints: 20000"));
            assertEquals(202, s.send("DELETE", "/api/runs/" + id, null).statusCode());
            JsonObject status = s.awaitEnd(id);
            assertEquals("cancelled", status.getString("status"));
            // the slot comes back once the abandoned generator is done
            s.awaitEnd(startWhenFree(s, ServerApiTest.SHORT));
        }
    }

    private static String startWhenFree(TestServer s, String scenario) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> r = s.post("/api/runs", scenario);
            if (r.statusCode() == 201) {
                return new JsonObject(r.body()).getString("id");
            }
            assertEquals(429, r.statusCode(), r.body());
            Thread.sleep(100);
        }
        throw new AssertionError("the run slot never came back");
    }

    @Test
    void historiesStayWithinTheirMemoryBudget() throws Exception {
        try (TestServer s = server(2, 1_000_000, 64)) {
            // 401 samples are projected at 2 KB each before the first: 0.8 MB, within 1 MB
            String first = s.startRun("preset: two-atoms\nuntil: 20\npoints: 400\n");
            long firstBytes = s.awaitEnd(first).getLong("messages") > 0 ? 1 : 0;
            assertEquals(1, firstBytes);
            // a run that could not fit even alone is refused, with the reason
            HttpResponse<String> big = s.post("/api/runs", "preset: two-atoms\nuntil: 20\npoints: 2000\n");
            assertEquals(503, big.statusCode(), big.body());
            assertTrue(big.body().contains("--history-mb 1"), big.body());
            // a second run that fits with the first ended one pushes the first out: forgotten, not an error
            String second = s.startRun("preset: two-atoms\nuntil: 20\npoints: 400\n");
            s.awaitEnd(second);
            String third = s.startRun("preset: two-atoms\nuntil: 20\npoints: 400\n");
            s.awaitEnd(third);
            assertEquals(404, s.get("/api/runs/" + first).statusCode());
            assertEquals(200, s.get("/api/runs/" + third).statusCode());
            assertTrue(s.get("/metrics").body().contains("coherent_server_runs_refused_total{reason=\"memory\"} 1.0"));
        }
    }

    @Test
    void theKeptRunsAreNeverMoreThanTheLimitEvenWhenAllAreRunning() throws Exception {
        try (TestServer s = server(2, 1, 256_000_000, 64)) {
            String first = s.startRun("preset: partial-collective\nuntil: 5000\npoints: 2000\n");
            HttpResponse<String> second = s.post("/api/runs", ServerApiTest.SHORT);
            assertEquals(503, second.statusCode(), second.body());
            assertEquals("the runs the server keeps (--kept-runs 1) are all running; try again when one has ended",
                    new JsonObject(second.body()).getString("error"));
            assertEquals(1, s.metric("coherent_server_runs_refused_total{reason=\"kept\"}"));
            assertEquals(1, s.metric("coherent_server_runs_running"), "the refused run's place is given back");
            s.send("DELETE", "/api/runs/" + first, null);
            s.awaitEnd(first);
            // an ended run makes room: it is forgotten
            String third = startWhenFree(s, ServerApiTest.SHORT);
            assertEquals(404, s.get("/api/runs/" + first).statusCode());
            s.awaitEnd(third);
        }
    }

    @Test
    void nothingOfARunsStartIsComputedOnAnEventLoop() throws Exception {
        // d = 64: the slowest relaxation time (for the convergence watcher) is an Arnoldi iteration of seconds (it held
        // the event loop for 8 s); the checker's warnings that name our code, beyond 3 s (a loaded machine's scheduling
        // and collections stay below that)
        Logger checker = Logger.getLogger("io.vertx.core.impl.BlockedThreadChecker");
        BlockedEventLoops watch = new BlockedEventLoops();
        checker.addHandler(watch);
        Vertx vertx = Vertx.vertx(EventDrivenRun.vertxOptions().setBlockedThreadCheckInterval(100)
                .setMaxEventLoopExecuteTime(TimeUnit.SECONDS.toNanos(3))
                .setWarningExceptionTime(TimeUnit.SECONDS.toNanos(3)));
        RunServer server = RunServer.start(vertx, new ServerSettings("127.0.0.1", 0, 65536, 1, 20000, 100000, 100))
                .await();
        try (TestServer s = new TestServer(vertx, server, HttpClient.newBuilder().build())) {
            String id = s.startRun(qubits(6));
            // launched once its first sample is out: what comes after is the runtime's
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (s.status(id).getInteger("messages") == 0 && s.status(id).getString("status").equals("running")) {
                assertTrue(System.nanoTime() < deadline, "the run did not start");
                Thread.sleep(50);
            }
            s.send("DELETE", "/api/runs/" + id, null);
            s.awaitEnd(id);
        } finally {
            checker.removeHandler(watch);
        }
        List<String> blocked = watch.warnings();
        assertTrue(blocked.isEmpty(), blocked.size() + " warnings, the first: " + (blocked.isEmpty() ? "" : blocked.get(0)));
    }

    /** The blocked-thread checker's warnings about an event loop held in our code, with where (our frames). */
    private static final class BlockedEventLoops extends java.util.logging.Handler {
        private final List<String> warnings = new ArrayList<>();

        @Override
        public synchronized void publish(LogRecord r) {
            StringBuilder where = new StringBuilder(r.getMessage());
            for (StackTraceElement e : r.getThrown() == null ? new StackTraceElement[0] : r.getThrown().getStackTrace()) {
                if (e.getClassName().startsWith("io.coherent")) {
                    where.append(" at ").append(e);
                }
            }
            if (r.getMessage().contains("eventloop") && where.length() > r.getMessage().length()) {
                warnings.add(where.toString());
            }
        }

        synchronized List<String> warnings() {
            return List.copyOf(warnings);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** A sink that takes 64 KiB and then reports its queue full until drained, as a client that does not read. */
    private static final class IdleSink implements StreamClient.Sink {
        static final int HIGH_WATER = 64 * 1024;
        final List<String> received = new ArrayList<>();
        long queued;
        long maxQueued;
        boolean end;
        Handler<Void> drain;
        CompletableFuture<Void> wrote = new CompletableFuture<>();

        @Override
        public synchronized void write(List<String> messages, long firstSeq, boolean end) {
            assertEquals(received.size() + 1, firstSeq);
            received.addAll(messages);
            queued += messages.stream().mapToLong(String::length).sum();
            maxQueued = Math.max(maxQueued, queued);
            this.end = end;
            wrote.complete(null);
        }

        @Override
        public synchronized boolean writeQueueFull() {
            return queued >= HIGH_WATER;
        }

        @Override
        public void drainHandler(Handler<Void> handler) {
            drain = handler;
        }

        /**
         * Empties the queue and returns the future of the next write, or null once the end has been written (checked
         * under the lock: the pump may write the end between the caller's look at {@code end} and this call, and after
         * the end it writes nothing more).
         */
        synchronized CompletableFuture<Void> drainAll() {
            if (end) {
                return null;
            }
            queued = 0;
            wrote = new CompletableFuture<>();
            return wrote;
        }
    }

    @Test
    void aSubscriberThatDoesNotReadIsWrittenOnlyAWriteQueueAndAPiece() throws Exception {
        try (TestServer s = server(2, 256_000_000, 64)) {
            String id = s.startRun("preset: two-atoms\nuntil: 200\npoints: 4000\n");
            s.awaitEnd(id);
            var stream = s.server().run(id).stream();
            long history = stream.since(0).stream().mapToLong(String::length).sum();
            assertTrue(history > 20 * IdleSink.HIGH_WATER, "history of " + history + " characters");
            IdleSink sink = new IdleSink();
            var context = s.vertx().getOrCreateContext();
            CompletableFuture<Void> first = sink.wrote;
            new StreamClient(sink, stream, context, 0);
            first.get(30, TimeUnit.SECONDS);
            // the pump has run and stopped at the full queue: whatever it wrote, it stopped there
            CompletableFuture<Void> ran = new CompletableFuture<>();
            context.runOnContext(v -> ran.complete(null));
            ran.get(30, TimeUnit.SECONDS);
            synchronized (sink) {
                assertTrue(sink.maxQueued <= IdleSink.HIGH_WATER + StreamClient.CHUNK_CHARS,
                        "queued " + sink.maxQueued + " characters for a client that reads nothing");
                assertTrue(sink.received.size() < stream.size());
            }
            // drained, it goes on where it stopped, in order, to the end
            for (CompletableFuture<Void> next = sink.drainAll(); next != null; next = sink.drainAll()) {
                context.runOnContext(v -> sink.drain.handle(null));
                next.get(30, TimeUnit.SECONDS);
            }
            assertEquals(stream.since(0), sink.received);
        }
    }
}
