package io.coherent.app.server;

import io.coherent.app.Main;
import io.coherent.app.MainTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.config.ScenarioException;
import io.coherent.config.ScenarioLoader;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON API of {@code coherent serve}: runs, streams, presets, limits, bad requests. */
class ServerApiTest {
    static final String SHORT = "preset: two-atoms\nuntil: 20\npoints: 201\n";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void presetsSayWhichMethodsApply() {
        JsonObject pc = find("partial-collective");
        assertEquals(List.of("exact", "redfield", "secular", "local-lindblad"), pc.getJsonArray("methods").getList());
        assertEquals("pi/8", pc.getJsonArray("parameters").stream().map(JsonObject.class::cast)
                .filter(p -> p.getString("name").equals("theta")).findFirst().orElseThrow().getString("default"));
        assertEquals(List.of("redfield", "secular", "local-lindblad"), find("two-atoms").getJsonArray("methods").getList());
    }

    private static JsonObject find(String preset) {
        return server.presets().stream().map(JsonObject.class::cast).filter(p -> p.getString("name").equals(preset))
                .findFirst().orElseThrow();
    }

    @Test
    void aDownloadNamesItsFileWithSafeCharactersWhateverTheScenarioIsCalled() throws Exception {
        String id = server.startRun("name: \"a\\nb\\\"c\"\n" + SHORT);
        server.awaitEnd(id);
        HttpResponse<String> r = server.client().sendAsync(java.net.http.HttpRequest.newBuilder(
                URI.create(server.url("/api/runs/" + id + "/trajectory?format=csv"))).build(),
                HttpResponse.BodyHandlers.ofString()).get(20, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode());
        assertEquals("attachment; filename=\"a_b_c-" + id + ".csv\"", r.headers().firstValue("Content-Disposition").orElse(""));
    }

    @Test
    void aReconnectionAfterTheEndIsClosedAtOnce() throws Exception {
        String id = server.startRun(SHORT);
        List<JsonObject> sse = server.sse(id);
        long endSeq = sse.get(sse.size() - 1).getLong("seq");
        // an SSE client that reconnects with the end's id has everything: the server must close, not wait forever
        for (long after : new long[] {endSeq, endSeq + 5}) {
            HttpResponse<String> r = server.client().sendAsync(java.net.http.HttpRequest.newBuilder(
                            URI.create(server.url("/api/runs/" + id + "/stream"))).header("Last-Event-ID", Long.toString(after))
                    .build(), HttpResponse.BodyHandlers.ofString()).get(20, TimeUnit.SECONDS);
            assertEquals(200, r.statusCode());
            assertFalse(r.body().contains("data: "), r.body());
        }
    }

    @Test
    void aRunStreamsEverySampleOverSseAndWebSocketAndCanBeDownloaded() throws Exception {
        String id = server.startRun(SHORT);
        List<JsonObject> sse = server.sse(id);
        assertEquals(202, sse.size(), "201 samples and the end");
        for (int i = 0; i < sse.size(); i++) {
            assertEquals(i + 1, sse.get(i).getLong("seq"));
        }
        assertEquals("end", sse.get(201).getString("_event"));
        assertEquals(20.0, sse.get(200).getDouble("t"), 1e-12);
        assertTrue(sse.get(200).getJsonObject("values").containsKey("coherence_l1"), sse.get(200).encode());

        List<JsonObject> ws = webSocket(id);
        assertEquals(sse.stream().map(m -> m.getLong("seq")).toList(), ws.stream().map(m -> m.getLong("seq")).toList());

        JsonObject status = server.awaitEnd(id);
        assertEquals("finished", status.getString("status"));
        assertEquals(201, status.getJsonObject("summary").getJsonObject("metrics").getInteger("samples_published"));
        String csv = server.get("/api/runs/" + id + "/trajectory?format=csv").body();
        assertEquals(202, csv.lines().count(), "header and 201 rows");
        assertTrue(csv.startsWith("t,"));
        String[] header = csv.lines().findFirst().orElseThrow().split(",");
        assertEquals(header[1] + "_error", header[2], "error columns named as in every CSV: " + String.join(",", header));
        assertEquals(202, server.get("/api/runs/" + id + "/trajectory?format=jsonl").body().lines().count());
        // a subscriber that reconnects with Last-Event-ID gets only the rest
        HttpResponse<String> rest = server.client().send(java.net.http.HttpRequest.newBuilder(URI.create(
                server.url("/api/runs/" + id + "/stream"))).header("Last-Event-ID", "200").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(2, rest.body().lines().filter(l -> l.startsWith("data: ")).count());
    }

    private static List<JsonObject> webSocket(String id) throws Exception {
        List<JsonObject> got = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> closed = new CompletableFuture<>();
        server.client().newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.server().port()
                + "/api/runs/" + id + "/stream"), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            got.add(new JsonObject(text.toString()));
                            text.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
                        closed.complete(null);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        closed.get(30, TimeUnit.SECONDS);
        return got;
    }

    @Test
    void badScenariosGet400WithTheCommandLinesMessage() {
        for (String body : List.of("preset: two-atoms\nmethod: exact\n", "preset: nowhere\n", "{\"preset\": [",
                "preset: two-atoms\nxi: banana\n", "preset: two-atoms\nout: /tmp/x\n", "[1, 2]", "", "model: finite\n",
                "preset: two-atoms\npoints: 1e9\n")) {
            HttpResponse<String> r = server.post("/api/runs", body);
            assertEquals(400, r.statusCode(), body + " -> " + r.body());
            ScenarioException expected = assertThrows(ScenarioException.class,
                    () -> ScenarioLoader.loadText(body, RunServer.SOURCE));
            assertEquals(expected.getMessage(), new JsonObject(r.body()).getString("error"));
        }
        HttpResponse<String> tooLong = server.post("/api/runs", "preset: two-atoms\npoints: 2001\n");
        assertEquals(400, tooLong.statusCode());
        assertEquals("points = 2001 is not allowed here: the server runs at most 2000 output times (--max-points)",
                new JsonObject(tooLong.body()).getString("error"));
        assertEquals(400, server.post("/api/runs", "preset: two-atoms\nuntil: 1e6\n").statusCode());
    }

    @Test
    void malformedAndOversizedRequestsNeverGet500AndTheServerKeepsServing() {
        HttpResponse<String> big = server.post("/api/runs", "preset: two-atoms\n# " + "x".repeat(5000) + "\n");
        assertEquals(413, big.statusCode());
        assertEquals("the request body is larger than 4096 bytes", new JsonObject(big.body()).getString("error"));
        assertEquals(400, server.send("POST", "/api/runs", new byte[] {(byte) 0xff, (byte) 0xfe, 'a'}).statusCode());
        assertEquals(400, server.post("/api/runs?stop_on_steady=maybe", SHORT).statusCode());
        assertEquals(404, server.get("/api/runs/nonexistent").statusCode());
        assertEquals(404, server.get("/api/runs/..%2F..%2Fetc%2Fpasswd").statusCode());
        assertEquals(404, server.get("/api/nothing").statusCode());
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            byte[] junk = new byte[random.nextInt(300)];
            random.nextBytes(junk);
            if (i % 2 == 0) {
                // YAML-ish junk: printable with structure characters
                String alphabet = ":{}[]-,\n #'\"abc1.e&*!|>%@`";
                for (int k = 0; k < junk.length; k++) {
                    junk[k] = (byte) alphabet.charAt(Math.floorMod(junk[k], alphabet.length()));
                }
            }
            int status = server.send("POST", "/api/runs", junk).statusCode();
            assertTrue(status == 400 || status == 201 || status == 429, "status " + status + " for "
                    + new String(junk, StandardCharsets.ISO_8859_1));
        }
        assertEquals(200, server.get("/api/presets").statusCode());
        assertFalse(server.get("/metrics").body().contains("status=\"500\""));
    }

    @Test
    void badServeAndSubscribeOptionsAreOneLineErrors() {
        MainTest.Result serve = MainTest.coherent("serve", "--max-runs", "0");
        assertEquals(Main.BAD_INPUT, serve.code());
        assertEquals("coherent: --max-runs 0 is not allowed: expected an integer >= 1", serve.err().strip());
        MainTest.Result subscribe = MainTest.coherent("subscribe", "--cluster", "10.0.0.7:5701", "abc");
        assertEquals(Main.BAD_INPUT, subscribe.code());
        assertEquals("coherent: --cluster 10.0.0.7:5701 is not allowed: expected loopback members, 127.0.0.1:PORT",
                subscribe.err().strip());
    }

    @Test
    void concurrentRunsAreCappedAndARunCanBeCancelled() throws Exception {
        String id = server.startRun("preset: partial-collective\nuntil: 5000\npoints: 2000\n");
        HttpResponse<String> busy = server.post("/api/runs", SHORT);
        assertEquals(429, busy.statusCode(), busy.body());
        assertTrue(new JsonObject(busy.body()).getString("error").startsWith("1 runs are going already"));
        assertEquals(202, server.send("DELETE", "/api/runs/" + id, null).statusCode());
        JsonObject status = server.awaitEnd(id);
        assertEquals("cancelled", status.getString("status"));
        assertNotEquals(5000.0, status.getJsonObject("summary").getDouble("until"));
        assertEquals(409, server.send("DELETE", "/api/runs/" + id, null).statusCode());
        server.awaitEnd(server.startRun(SHORT));
        String metrics = server.get("/metrics").body();
        assertTrue(metrics.contains("coherent_server_runs_ended_total{status=\"cancelled\"} 1.0"), metrics);
        assertTrue(metrics.contains("coherent_server_runs_refused_total{reason=\"busy\"}"), metrics);
        assertTrue(metrics.contains("jvm_memory_used_bytes"), metrics);
    }
}
