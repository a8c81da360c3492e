package io.coherent.app.server;

import io.coherent.app.Main;
import io.coherent.app.cli.Reports;
import io.coherent.app.cli.RunCommand;
import io.coherent.config.Preset;
import io.coherent.config.PresetParameter;
import io.coherent.config.Presets;
import io.coherent.config.Scenario;
import io.coherent.config.ScenarioLoader;
import io.coherent.core.dynamics.Generator;
import io.coherent.core.dynamics.Method;
import io.coherent.core.methods.Engines;
import io.coherent.integrators.OutputGrid;
import io.coherent.integrators.RunPlan;
import io.coherent.integrators.SteadyStateCriterion;
import io.coherent.observers.EventDrivenRun;
import io.coherent.observers.RunAddress;
import io.coherent.observers.RunReport;
import io.coherent.observers.RunRequest;
import io.coherent.observers.RunStream;
import io.coherent.observers.SampleJson;
import io.coherent.observers.SampleObserver;
import io.coherent.observers.TrajectoryCsvWriter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP side of {@code coherent serve}: starts runs from scenarios sent as text, reports on them, streams their
 * samples (Server-Sent Events or WebSocket), cancels them, lists the presets, serves the web page and the
 * Prometheus metrics. Handlers run on event loops and never wait: loading a scenario and building its generator
 * happen on a worker thread, the integration on the runtime's worker ({@link EventDrivenRun}).
 */
public final class RunServer {
    private static final Logger LOG = Logger.getLogger(RunServer.class.getName());
    static final String SOURCE = "scenario";
    /** Where each run that starts is announced ({@code {"id", "name", "method", "address"}}), cluster-wide. */
    public static final String ANNOUNCEMENTS = "coherent.runs.started";

    private final Vertx vertx;
    private final ServerSettings settings;
    private final ServerMetrics metrics = new ServerMetrics();
    private final ScenarioIntake intake;
    private final EventDrivenRun runtime;
    private final KeptRuns runs;
    private final SecureRandom random = new SecureRandom();
    private final JsonArray presets;
    private HttpServer http;

    private RunServer(Vertx vertx, ServerSettings settings, JsonArray presets) {
        this.vertx = vertx;
        this.settings = settings;
        this.runtime = new EventDrivenRun(vertx);
        this.presets = presets;
        this.runs = new KeptRuns(settings.keptRuns(), settings.historyBytes());
        this.intake = new ScenarioIntake(vertx, settings, metrics, this::error);
    }

    /** Starts the server on {@code settings}' host and port (0: any free port, see {@link #port()}). */
    static Future<RunServer> start(Vertx vertx, ServerSettings settings) {
        return vertx.executeBlocking(RunServer::presetsJson)
                .compose(p -> new RunServer(vertx, settings, p).listen());
    }

    int port() {
        return http.actualPort();
    }

    Future<Void> close() {
        return http.close();
    }

    private Future<RunServer> listen() {
        Router router = Router.router(vertx);
        router.post("/api/runs").handler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes()))
                .handler(this::create);
        router.get("/api/runs").handler(ctx -> json(ctx, 200, new JsonArray(snapshot().stream().map(HostedRun::json).toList())));
        router.get("/api/runs/:id").handler(ctx -> withRun(ctx, run -> json(ctx, 200, run.json())));
        router.delete("/api/runs/:id").handler(ctx -> withRun(ctx, run -> cancel(ctx, run)));
        router.get("/api/runs/:id/stream").handler(ctx -> withRun(ctx, run -> stream(ctx, run)));
        router.get("/api/runs/:id/trajectory").handler(ctx -> withRun(ctx, run -> trajectory(ctx, run)));
        router.get("/api/presets").handler(ctx -> json(ctx, 200, presets));
        router.post("/api/steady").handler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes()))
                .handler(new SteadyEndpoint(intake)::handle);
        router.post("/api/sweep").handler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes()))
                .handler(new SweepEndpoint(intake)::handle);
        router.get("/metrics").handler(ctx -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE,
                "text/plain; version=0.0.4; charset=utf-8").end(metrics.scrape()));
        router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
        router.route("/*").handler(StaticHandler.create("webroot"));
        router.route("/api/*").handler(ctx -> error(ctx, 404, "no such endpoint: " + ctx.request().method() + " "
                + ctx.request().path()));
        router.errorHandler(413, ctx -> {
            // only the requests that carry a scenario read a body: a scenario refused for its size
            metrics.refused("invalid");
            error(ctx, 413, "the request body is larger than " + settings.maxBodyBytes() + " bytes");
        });
        router.errorHandler(405, ctx -> error(ctx, 405, ctx.request().method() + " is not allowed on " + ctx.request().path()));
        router.errorHandler(400, ctx -> error(ctx, 400, "bad request"));
        router.errorHandler(500, ctx -> {
            LOG.log(Level.WARNING, "internal error on " + ctx.request().path(), ctx.failure());
            error(ctx, 500, "internal error: " + Main.oneLine(String.valueOf(ctx.failure())));
        });
        return vertx.createHttpServer(new HttpServerOptions().setHost(settings.host()).setPort(settings.port()))
                .requestHandler(router).listen().map(server -> {
                    http = server;
                    return this;
                });
    }

    // ------------------------------------------------------------------ runs

    private void create(RoutingContext ctx) {
        String stopOnSteady = ctx.queryParams().get("stop_on_steady");
        // validated before a run place is taken: a bad scenario is a 400 however busy the server is
        intake.admit(ctx, request -> new Checked(load(request), stopOnSteady(stopOnSteady)), checked -> {
            HostedRun run = accept(ctx, checked.scenario());
            if (run == null) {
                return;
            }
            ctx.response().putHeader(HttpHeaders.LOCATION, "/api/runs/" + run.id());
            json(ctx, 201, run.json());
            // the generator (an eigendecomposition, seconds for a large model) is built after the reply, so that the
            // run can be cancelled meanwhile
            vertx.executeBlocking(() -> plan(checked, run.stream().run()), false).onComplete(built -> {
                if (built.failed()) {
                    metrics.releaseRun();
                    if (built.cause() instanceof OutOfMemoryError fatal) {
                        throw fatal; // to Vert.x's exception handler: the OutOfMemoryGuard stops the server
                    }
                    String why = Main.oneLine(built.cause() instanceof IllegalArgumentException bad ? bad.getMessage()
                            : String.valueOf(built.cause()));
                    if (run.endBeforeLaunch(new JsonObject().put("failure", why), null, why)) {
                        metrics.ended("failed", null);
                    }
                    return;
                }
                launch(run, built.result());
            });
            // when the 201 cannot be written (the client left), the run goes on: it is listed and can be cancelled
        });
    }

    /** A run request as checked: its scenario, and whether it stops at the steady state. */
    private record Checked(Scenario scenario, boolean stopOnSteady) {
    }

    private static boolean stopOnSteady(String value) {
        if (value != null && !value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("stop_on_steady = " + value + " is not allowed: expected true or false");
        }
        return "true".equals(value);
    }

    /** On a worker thread: loads and validates the scenario exactly as on the command line, within the server's limits. */
    private Scenario load(ScenarioRequest request) {
        Scenario s = request.load(settings.modelLimits());
        OutputGrid grid = s.run().outputGrid();
        settings.checkRun(grid.size(), grid.end());
        return s;
    }

    /**
     * A scenario ready to run: its generator built, its plan made, its recorders and convergence watcher made and the
     * generator's slowest relaxation time {@code tau} (infinite if unknown) found.
     */
    private record Prepared(Scenario scenario, Generator generator, RunPlan plan, List<SampleObserver> recorders,
                            double tau) {
    }

    /**
     * On a worker thread: builds the generator (IllegalArgumentException for a model the engine refuses) and what
     * needs its slowest relaxation time, an Arnoldi iteration of seconds for a large model: never on an event loop.
     */
    private static Prepared plan(Checked checked, RunAddress address) {
        Scenario s = checked.scenario();
        RunPlan plan = RunPlan.of(s.run().outputGrid());
        Generator generator = Engines.generator(s.model(), Method.of(s.method()), s.run().engineOptions());
        return new Prepared(s, generator, checked.stopOnSteady() ? plan.stopOnSteady(SteadyStateCriterion.DEFAULT) : plan,
                RunCommand.recorders(address, generator),
                generator.slowestRelaxationTime().orElse(Double.POSITIVE_INFINITY));
    }

    /**
     * Gives the scenario an id and a stream and keeps it, if the server can keep it ({@link KeptRuns#admit}: its
     * history fits in the memory for histories, a place among the kept runs is free); otherwise answers 503 with the
     * reason, releases the run place and returns null.
     */
    private HostedRun accept(RoutingContext ctx, Scenario s) {
        String id = HexFormat.of().formatHex(nextId());
        HostedRun run = new HostedRun(id, s, new RunStream(vertx, new RunAddress(id)),
                s.run().outputGrid().size() + 1L);
        KeptRuns.Refusal refused = runs.admit(run);
        if (refused != null) {
            run.stream().close();
            metrics.releaseRun();
            metrics.refused(refused.reason());
            error(ctx, 503, refused.message());
            return null;
        }
        metrics.started();
        return run;
    }

    private void launch(HostedRun run, Prepared p) {
        RunAddress address = run.stream().run();
        String id = run.id();
        RunStream stream = run.stream();
        List<SampleObserver> observers = new ArrayList<>(p.recorders());
        observers.add(stream.observer());
        RunRequest request = new RunRequest(id, p.generator(), p.scenario().run().integratorSettings(),
                p.plan(), observers, List.of(), List.of());
        stream.ready().compose(ready -> {
            if (!run.launch()) {
                // cancelled while its generator was being built: it has ended already
                return Future.<RunReport>failedFuture(new CancelledBeforeStart());
            }
            vertx.eventBus().publish(ANNOUNCEMENTS, new JsonObject().put("id", id).put("name", p.scenario().name())
                    .put("method", p.scenario().method()).put("address", address.stream()));
            return runtime.start(request);
        }).onComplete(ar -> {
            metrics.releaseRun();
            if (ar.cause() instanceof CancelledBeforeStart) {
                return;
            }
            RunReport report = ar.succeeded() ? ar.result() : null;
            JsonObject summary = report != null
                    ? new JsonObject(Reports.json(RunCommand.toJson(p.scenario(), report, p.tau())))
                    : new JsonObject().put("failure", Main.oneLine(String.valueOf(ar.cause())));
            String status = run.end(summary, report == null || report.outcome().failed());
            metrics.ended(status, report == null ? null : report.metrics());
        });
    }

    /** A run that was cancelled before its integration started. */
    private static final class CancelledBeforeStart extends RuntimeException {
        CancelledBeforeStart() {
            super("cancelled before the run started", null, false, false);
        }
    }

    private byte[] nextId() {
        byte[] id = new byte[8];
        random.nextBytes(id);
        return id;
    }

    private List<HostedRun> snapshot() {
        return runs.snapshot();
    }

    /** The run with {@code id}, or null. */
    HostedRun run(String id) {
        return runs.find(id);
    }

    private interface RunHandler {
        void handle(HostedRun run);
    }

    private void withRun(RoutingContext ctx, RunHandler handler) {
        HostedRun run = run(ctx.pathParam("id"));
        if (run == null) {
            error(ctx, 404, "no run with id '" + ctx.pathParam("id") + "'");
        } else {
            handler.handle(run);
        }
    }

    private void cancel(RoutingContext ctx, HostedRun run) {
        if (!run.requestCancel()) {
            error(ctx, 409, "run " + run.id() + " has already ended");
            return;
        }
        if (run.endBeforeLaunch(new JsonObject().put("stopped_by", "cancelled by the client"),
                "cancelled by the client", null)) {
            metrics.ended("cancelled", null);
        } else {
            vertx.eventBus().send(run.stream().run().control(), "cancelled by the client");
        }
        json(ctx, 202, run.json());
    }

    // ------------------------------------------------------------------ streams

    private void stream(RoutingContext ctx, HostedRun run) {
        if (ctx.request().headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true)) {
            ctx.request().toWebSocket().onSuccess(ws -> {
                StreamClient client = subscribe(run, new StreamClient.WebSocket(ws), 0);
                ws.closeHandler(v -> unsubscribe(client));
            });
            return;
        }
        long after;
        try {
            String lastId = ctx.request().getHeader("Last-Event-ID");
            after = lastId == null ? 0 : Long.parseLong(lastId.strip());
        } catch (NumberFormatException e) {
            error(ctx, 400, "Last-Event-ID must be a sample number");
            return;
        }
        ctx.response().setChunked(true).putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        ctx.response().write(": run " + run.id() + "\n\n");
        StreamClient client = subscribe(run, new StreamClient.Sse(ctx.response()), after);
        ctx.response().closeHandler(v -> unsubscribe(client));
        ctx.response().endHandler(v -> unsubscribe(client));
    }

    private void unsubscribe(StreamClient client) {
        if (client.stop()) {
            metrics.unsubscribed();
        }
    }

    private StreamClient subscribe(HostedRun run, StreamClient.Sink sink, long after) {
        metrics.subscribed();
        return new StreamClient(sink, run.stream(), vertx.getOrCreateContext(), after);
    }

    private void trajectory(RoutingContext ctx, HostedRun run) {
        String format = ctx.queryParams().get("format") == null ? "csv" : ctx.queryParams().get("format");
        if (!format.equals("csv") && !format.equals("jsonl")) {
            error(ctx, 400, "format = " + format + " is not allowed: expected csv or jsonl");
            return;
        }
        List<String> texts = run.stream().since(0);
        // up to --max-points rows of text: built on a worker thread, never on the event loop
        vertx.executeBlocking(() -> trajectoryText(format, texts), false).onComplete(ar -> {
            if (ar.failed()) {
                error(ctx, 500, "building the trajectory failed: " + ar.cause().getMessage());
                return;
            }
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, format.equals("csv") ? "text/csv" : "application/x-ndjson")
                    // the scenario's name is the user's text: only safe characters go into the header
                    .putHeader("Content-Disposition", "attachment; filename=\""
                            + run.scenario().name().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + run.id() + "." + format + "\"")
                    .end(ar.result());
        });
    }

    /** The run's messages as JSON lines, or as CSV: t, each observable and its error, the event. */
    private static String trajectoryText(String format, List<String> texts) {
        StringBuilder out = new StringBuilder();
        if (format.equals("jsonl")) {
            texts.forEach(m -> out.append(m).append('\n'));
            return out.toString();
        }
        List<JsonObject> messages = texts.stream().map(JsonObject::new).toList();
        List<String> names = messages.isEmpty() || SampleJson.isEnd(messages.get(0)) ? List.of()
                : List.copyOf(messages.get(0).getJsonObject("values").fieldNames());
        out.append("t");
        names.forEach(n -> out.append(',').append(n).append(',').append(n).append(TrajectoryCsvWriter.ERROR_SUFFIX));
        out.append(",event\n");
        for (JsonObject m : messages) {
            if (SampleJson.isEnd(m)) {
                continue;
            }
            out.append(m.getValue("t"));
            for (String n : names) {
                out.append(',').append(m.getJsonObject("values").getValue(n)).append(',')
                        .append(m.getJsonObject("errors").getValue(n));
            }
            out.append(',').append(m.getString("event").replace(',', ';')).append('\n');
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ presets and replies

    /**
     * The presets for the page: parameters with defaults and meanings, the methods that apply and can run (not the
     * steady-state-only leading-order), default length.
     */
    private static JsonArray presetsJson() {
        JsonArray out = new JsonArray();
        for (Preset p : Presets.all()) {
            JsonArray params = new JsonArray();
            for (PresetParameter q : p.parameters()) {
                params.add(new JsonObject().put("name", q.name()).put("default", q.defaultValue())
                        .put("meaning", q.meaning()).put("choices", new JsonArray(q.choices())));
            }
            JsonArray methods = new JsonArray();
            for (String m : ScenarioLoader.METHODS) {
                if (!Method.of(m).hasDynamics()) {
                    continue;
                }
                try {
                    ScenarioLoader.loadPreset(p.name(), List.of("method=" + m));
                    methods.add(m);
                } catch (IllegalArgumentException doesNotApply) {
                    // this method does not apply to the preset's model
                }
            }
            Scenario defaults = ScenarioLoader.loadPreset(p.name(), List.of());
            out.add(new JsonObject().put("name", p.name()).put("description", p.description())
                    .put("default_method", p.defaultMethod().id()).put("methods", methods).put("parameters", params)
                    .put("until", defaults.run().outputGrid().end()).put("points", defaults.run().outputGrid().size()));
        }
        return out;
    }

    private static void json(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body instanceof JsonObject o ? o.encode() : ((JsonArray) body).encode());
    }

    /** An error answer, {@code {"error", "status"}}, counted in the metrics by its status. */
    private void error(RoutingContext ctx, int status, String message) {
        if (!ctx.response().ended()) {
            metrics.answeredError(status);
            json(ctx, status, new JsonObject().put("error", message).put("status", status));
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "coherent server on %s:%d", settings.host(), port());
    }
}
