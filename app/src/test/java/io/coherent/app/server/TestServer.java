package io.coherent.app.server;

import io.coherent.observers.EventDrivenRun;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@code coherent serve} in this JVM on a free loopback port, with a small HTTP client. */
public record TestServer(Vertx vertx, RunServer server, HttpClient client) implements AutoCloseable {

    public static TestServer start(int maxRuns) {
        return start(Vertx.vertx(EventDrivenRun.vertxOptions()), maxRuns);
    }

    public static TestServer start(Vertx vertx, int maxRuns) {
        RunServer server = RunServer.start(vertx, new ServerSettings("127.0.0.1", 0, 4096, maxRuns, 2000, 5000, 100)).await();
        return new TestServer(vertx, server, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    public HttpResponse<String> send(String method, String path, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    public HttpResponse<String> post(String path, String body) {
        return send("POST", path, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Starts a run and returns its id. */
    public String startRun(String scenario) {
        HttpResponse<String> r = post("/api/runs", scenario);
        if (r.statusCode() != 201) {
            throw new AssertionError("POST /api/runs: " + r.statusCode() + " " + r.body());
        }
        return new JsonObject(r.body()).getString("id");
    }

    public JsonObject status(String id) {
        return new JsonObject(get("/api/runs/" + id).body());
    }

    /** Waits until the run has ended and returns its status. */
    public JsonObject awaitEnd(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject s = status(id);
            if (!s.getString("status").equals("running")) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + id + " did not end within 60 s");
    }

    /** Reads a run's Server-Sent Events to the end: the data of each event, with its event name. */
    public List<JsonObject> sse(String id) throws IOException, InterruptedException {
        HttpResponse<java.io.InputStream> r = client.send(HttpRequest.newBuilder(URI.create(url("/api/runs/" + id + "/stream")))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofInputStream());
        List<JsonObject> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String event = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    events.add(new JsonObject(line.substring(6)).put("_event", event));
                }
            }
        }
        return events;
    }

    /** The value of a meter in {@code /metrics}, e.g. {@code coherent_server_runs_refused_total{reason="invalid"}}; 0 if absent. */
    public double metric(String series) {
        return get("/metrics").body().lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1))).orElse(0.0);
    }

    public JsonArray presets() {
        return new JsonArray(get("/api/presets").body());
    }

    @Override
    public void close() {
        server.close().await();
        vertx.close().await();
    }
}
