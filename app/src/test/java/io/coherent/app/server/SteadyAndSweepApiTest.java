package io.coherent.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.app.Main;
import io.coherent.app.MainTest;
import io.coherent.observers.EventDrivenRun;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoints a scripting client needs besides runs: {@code POST /api/steady} answers what {@code coherent steady
 * --json} prints, {@code POST /api/sweep} what {@code coherent sweep} writes, {@code set=KEY=VALUE} overrides on every
 * scenario request; bad input is a 400 naming the key, and both share the run places.
 */
class SteadyAndSweepApiTest {
    private static TestServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        server = TestServer.start(1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String query(String... pairs) {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            q.append(i == 0 ? '?' : '&').append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    private static Socket send(String request) throws java.io.IOException {
        return send(server, request);
    }

    private static Socket send(TestServer to, String request) throws java.io.IOException {
        Socket socket = new Socket("127.0.0.1", to.server().port());
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return socket;
    }

    private static String error(HttpResponse<String> r) {
        JsonObject body = new JsonObject(r.body());
        assertEquals(r.statusCode(), body.getInteger("status"));
        return body.getString("error");
    }

    @Test
    void steadyAnswersExactlyWhatTheCommandLinePrints() throws IOException {
        HttpResponse<String> r = server.post("/api/steady" + query("set", "theta=0.3", "set", "T=0.5"),
                "preset: partial-collective\n");
        assertEquals(200, r.statusCode(), r.body());
        MainTest.Result cli = MainTest.coherent("steady", "partial-collective", "--set", "theta=0.3", "--set", "T=0.5",
                "--json");
        assertEquals(Main.OK, cli.code(), cli.err());
        assertEquals(cli.out().strip(), r.body());
        // a finite system, the method from the body, an override of a generic key
        HttpResponse<String> finite = server.post("/api/steady" + query("set", "xi=2"), "preset: two-atoms\nmethod: secular\n");
        assertEquals(200, finite.statusCode(), finite.body());
        assertEquals(MainTest.coherent("steady", "two-atoms", "--set", "method=secular", "--set", "xi=2", "--json")
                .out().strip(), finite.body());
        assertEquals("secular", new JsonObject(finite.body()).getString("method"));
    }

    @Test
    void badSteadyRequestsGet400NamingTheKey() {
        HttpResponse<String> unknown = server.post("/api/steady" + query("set", "bogus=1"), "preset: two-atoms\n");
        assertEquals(400, unknown.statusCode());
        assertTrue(error(unknown).startsWith("set: unknown key 'bogus' for two-atoms; allowed keys: Omega, "),
                error(unknown));
        HttpResponse<String> range = server.post("/api/steady" + query("set", "gamma=0"), "preset: partial-collective\n");
        assertEquals(400, range.statusCode());
        assertEquals("set: gamma = 0 is not allowed: expected a finite number > 0", error(range));
        HttpResponse<String> noValue = server.post("/api/steady" + query("set", "xi"), "preset: two-atoms\n");
        assertEquals(400, noValue.statusCode());
        assertEquals("set expects key=value, got 'xi'", error(noValue));
        HttpResponse<String> method = server.post("/api/steady", "preset: two-atoms\nmethod: nonsense\n");
        assertEquals(400, method.statusCode());
        assertTrue(error(method).startsWith("scenario, line 2: method = nonsense is not allowed: expected one of "),
                error(method));
        assertEquals(400, server.post("/api/steady", "").statusCode());
        assertEquals(400, server.send("POST", "/api/steady", new byte[] {(byte) 0xff, 'a'}).statusCode());
        assertEquals(413, server.post("/api/steady", "preset: two-atoms\n# " + "x".repeat(5000)).statusCode());
    }

    @Test
    void every400IsCounted() throws InterruptedException {
        String invalid = "coherent_server_runs_refused_total{reason=\"invalid\"}";
        String status400 = "coherent_server_errors_total{status=\"400\"}";
        double before = server.metric(invalid);
        double before400 = server.metric(status400);
        assertEquals(400, server.post("/api/steady" + query("set", "bogus=1"), "preset: two-atoms\n").statusCode());
        assertEquals(before + 1, server.metric(invalid), "a bad steady state");
        assertEquals(400, server.post("/api/sweep" + query("param", "bogus=0:1:3"), "preset: two-atoms\n").statusCode());
        assertEquals(before + 2, server.metric(invalid), "a bad sweep");
        assertEquals(400, server.send("POST", "/api/runs", new byte[] {(byte) 0xff, 'a'}).statusCode());
        assertEquals(before + 3, server.metric(invalid), "a run that is not UTF-8");
        assertEquals(400, server.post("/api/runs?stop_on_steady=maybe", "preset: two-atoms\n").statusCode());
        assertEquals(before + 4, server.metric(invalid), "a bad query parameter of a run");
        assertEquals(413, server.post("/api/steady", "preset: two-atoms\n# " + "x".repeat(5000)).statusCode());
        assertEquals(before + 5, server.metric(invalid), "a body too large");
        assertEquals(before400 + 4, server.metric(status400), "the 400s among them");
        // an endpoint that takes no scenario: its 400 is an error answer, no refused run
        String id = server.startRun("preset: two-atoms\nuntil: 2\npoints: 5\n");
        server.awaitEnd(id);
        assertEquals(400, server.get("/api/runs/" + id + "/trajectory?format=xml").statusCode());
        assertEquals(before400 + 5, server.metric(status400), "a bad download format");
        assertEquals(before + 5, server.metric(invalid));
    }

    @Test
    void overridesApplyToRunsToo() throws Exception {
        HttpResponse<String> r = server.post("/api/runs" + query("set", "until=2", "set", "points=5", "set", "xi=3"),
                "preset: two-atoms\nuntil: 20\n");
        assertEquals(201, r.statusCode(), r.body());
        List<JsonObject> messages = server.sse(new JsonObject(r.body()).getString("id"));
        assertEquals(6, messages.size(), "5 samples and the end");
        assertEquals(2.0, messages.get(4).getDouble("t"), 1e-12);
        HttpResponse<String> bad = server.post("/api/runs" + query("set", "colour=red"), "preset: two-atoms\n");
        assertEquals(400, bad.statusCode());
        assertTrue(error(bad).startsWith("set: unknown key 'colour'"), error(bad));
    }

    @Test
    void sweepAnswersWhatTheCommandLineWrites() throws IOException {
        HttpResponse<String> r = server.post("/api/sweep" + query("param", "theta=0:pi/2:5", "param", "T=log:0.5:2:3",
                "set", "gamma=0.5"), "preset: partial-collective\n");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject sweep = new JsonObject(r.body());
        assertEquals("steady", sweep.getString("evaluation"));
        assertEquals(0, sweep.getInteger("failed"));
        JsonArray points = sweep.getJsonArray("points");
        assertEquals(15, points.size());

        Path out = tmp.resolve("sweep");
        MainTest.Result cli = MainTest.coherent("sweep", "partial-collective", "--param", "theta=0:pi/2:5", "--param",
                "T=log:0.5:2:3", "--set", "gamma=0.5", "--steady", "--threads", "1", "--out", out.toString());
        assertEquals(Main.OK, cli.code(), cli.err());
        List<String> lines = Files.readAllLines(out.resolve("results.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals(header.subList(3, 3 + 2 * sweep.getJsonArray("observables").size()).stream()
                .filter(h -> !h.endsWith("_error")).toList(), sweep.getJsonArray("observables").getList());
        for (int i = 0; i < points.size(); i++) {
            JsonObject p = points.getJsonObject(i);
            String[] row = lines.get(i + 1).split(",", header.size());
            assertEquals(i, p.getInteger("point"));
            assertEquals(Double.parseDouble(row[1]), p.getJsonObject("parameters").getDouble("theta"));
            assertEquals(Double.parseDouble(row[2]), p.getJsonObject("parameters").getDouble("T"));
            for (String name : sweep.getJsonArray("observables").stream().map(String.class::cast).toList()) {
                // the same engine at the same point: the same double
                assertEquals(Double.parseDouble(row[header.indexOf(name)]), p.getJsonObject("values").getDouble(name),
                        name + " at point " + i);
                assertEquals(Double.parseDouble(row[header.indexOf(name + "_error")]),
                        p.getJsonObject("errors").getDouble(name), name + " error at point " + i);
            }
            assertEquals(Boolean.parseBoolean(row[header.indexOf("converged")]), p.getBoolean("converged"));
            assertEquals(Boolean.parseBoolean(row[header.indexOf("unique")]), p.getBoolean("unique"));
            assertEquals("ok", p.getString("status"));
            assertNull(p.getValue("t"), "a steady state computed directly has no time");
        }
    }

    @Test
    void aRunSweepKeepsEachPointsFinalStateAndItsFailures() {
        HttpResponse<String> r = server.post("/api/sweep" + query("param", "xi=1:3:3", "evaluation", "run",
                "set", "until=2", "set", "points=11"), "preset: two-atoms\n");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject sweep = new JsonObject(r.body());
        assertEquals(3, sweep.getJsonArray("points").size());
        for (Object o : sweep.getJsonArray("points")) {
            assertEquals(2.0, ((JsonObject) o).getDouble("t"), 1e-12);
        }
        // a point beyond the server's limits fails with the reason a run gets, the others go on
        HttpResponse<String> derived = server.post("/api/sweep" + query("param", "X=1:3:3", "evaluation", "run",
                "set", "until=X*2000", "set", "points=11"), "preset: two-atoms\n");
        assertEquals(200, derived.statusCode(), derived.body());
        JsonArray points = new JsonObject(derived.body()).getJsonArray("points");
        assertEquals(List.of("ok", "ok", "failed"), points.stream().map(o -> ((JsonObject) o).getString("status")).toList());
        assertEquals("until = 6000 is not allowed here: the server runs up to t = 5000 (--max-until)",
                points.getJsonObject(2).getString("reason"));
    }

    @Test
    void badSweepsGet400NamingTheKey() {
        String pc = "preset: partial-collective\n";
        HttpResponse<String> unknown = server.post("/api/sweep" + query("param", "bogus=0:1:3"), pc);
        assertEquals(400, unknown.statusCode());
        assertTrue(error(unknown).startsWith("param bogus=0:1:3: at bogus = 0: unknown key 'bogus' for partial-collective"),
                error(unknown));
        HttpResponse<String> range = server.post("/api/sweep" + query("param", "gamma=-1:1:3"), pc);
        assertEquals(400, range.statusCode());
        assertTrue(error(range).startsWith("param gamma=-1:1:3: at gamma = -1: gamma = -1 is not allowed"), error(range));
        assertEquals("param is missing: give one or two param=NAME=[log:]START:STOP:N, e.g. param=theta=0:pi/2:11",
                error(server.post("/api/sweep", pc)));
        assertTrue(error(server.post("/api/sweep" + query("param", "theta=0:1"), pc)).startsWith("param theta=0:1: expected "));
        assertEquals("evaluation = soon is not allowed: expected steady or run",
                error(server.post("/api/sweep" + query("param", "theta=0:1:3", "evaluation", "soon"), pc)));
        assertEquals("param: 2500 points are too many here: the server sweeps at most 2000 points (--max-points)",
                error(server.post("/api/sweep" + query("param", "theta=0:1:50", "param", "T=1:2:50"), pc)));
        assertEquals("until = 10000 is not allowed here: the server runs up to t = 5000 (--max-until)",
                error(server.post("/api/sweep" + query("param", "until=10:1e4:3", "evaluation", "run"), pc)));
        HttpResponse<String> set = server.post("/api/sweep" + query("param", "theta=0:1:3", "set", "theta=1"), pc);
        assertEquals(400, set.statusCode());
        assertTrue(error(set).contains("sets the swept parameter too"), error(set));
    }

    @Test
    void steadyAndSweepShareTheRunPlaces() throws Exception {
        String id = server.startRun("preset: partial-collective\nuntil: 5000\npoints: 2000\n");
        try {
            HttpResponse<String> steady = server.post("/api/steady", "preset: two-atoms\n");
            assertEquals(429, steady.statusCode(), steady.body());
            assertTrue(error(steady).startsWith("1 runs are going already"), error(steady));
            assertEquals(429, server.post("/api/sweep" + query("param", "xi=1:2:2"), "preset: two-atoms\n").statusCode());
            // validation comes first: a bad request is told so even when the server is busy
            assertEquals(400, server.post("/api/steady" + query("set", "bogus=1"), "preset: two-atoms\n").statusCode());
        } finally {
            server.send("DELETE", "/api/runs/" + id, null);
            server.awaitEnd(id);
        }
        assertEquals(200, server.post("/api/steady", "preset: two-atoms\n").statusCode());
    }

    @Test
    void aSweepStopsWhenItsClientDisconnects() throws Exception {
        String body = "preset: partial-collective\n";
        // 30 runs to t = 5000 of the exact engine: a minute on this machine if nothing stopped them (to t = 300 they
        // take a few seconds in all since the thermal part is in closed form, too short to be sure of stopping one)
        String request = "POST /api/sweep" + query("param", "theta=0.2:1.2:30", "evaluation", "run", "set", "until=5000")
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        Socket socket = send(request);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (server.post("/api/steady", "preset: two-atoms\n").statusCode() != 429) {
                assertTrue(System.nanoTime() < deadline, "the sweep did not take the run place");
                if (socket.getInputStream().available() > 0) {
                    // the sweep came while one of these steady states held the place, and got 429: send it again
                    socket.close();
                    socket = send(request);
                }
                Thread.sleep(20);
            }
        } finally {
            socket.close();
        }
        // the sweep ends after the point it is on, and gives its place back
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        HttpResponse<String> r;
        while ((r = server.post("/api/steady", "preset: two-atoms\n")).statusCode() == 429) {
            assertTrue(System.nanoTime() < deadline, "the sweep went on after its client had gone");
            Thread.sleep(100);
        }
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void aSweepWhoseClientLeftWhileItWasCheckedNeverStarts() throws Exception {
        // two worker threads, both held: the sweep is checked only once they are released, its client gone by then
        Vertx vertx = Vertx.vertx(EventDrivenRun.vertxOptions().setWorkerPoolSize(2));
        try (TestServer s = TestServer.start(vertx, 1)) {
            CountDownLatch held = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            for (int i = 0; i < 2; i++) {
                vertx.executeBlocking(() -> {
                    held.countDown();
                    return release.await(60, TimeUnit.SECONDS);
                }, false);
            }
            assertTrue(held.await(10, TimeUnit.SECONDS));
            String body = "preset: partial-collective\n";
            // the sweep of aSweepStopsWhenItsClientDisconnects: a minute if it ran
            send(s, "POST /api/sweep" + query("param", "theta=0.2:1.2:30", "evaluation", "run", "set", "until=5000")
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length() + "\r\n\r\n" + body).close();
            // the event loop has read the request and the close before it answers this (no worker needed)
            Thread.sleep(300);
            assertEquals(200, s.get("/api/runs").statusCode());
            release.countDown();
            String gone = "coherent_server_runs_refused_total{reason=\"gone\"}";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (s.metric(gone) == 0) {
                assertEquals(0, s.metric("coherent_server_runs_running"), "a run place taken for a client that has left");
                assertTrue(System.nanoTime() < deadline, "the sweep was neither dropped nor started");
                Thread.sleep(20);
            }
            assertEquals(1, s.metric(gone));
            assertEquals(0, s.metric("coherent_server_runs_running"));
            assertEquals(200, s.post("/api/steady", "preset: two-atoms\n").statusCode());
        }
    }
}
