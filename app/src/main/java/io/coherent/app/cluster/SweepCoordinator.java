package io.coherent.app.cluster;

import io.coherent.app.sweep.PointLedger;
import io.coherent.app.sweep.SweepDefinition;
import io.coherent.app.sweep.SweepRun;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The coordinator's side of a clustered sweep on the event bus, thin around the {@link SweepRun}'s
 * {@link PointLedger}: it leases points to the workers that ask ({@link SweepBus#LEASE}) and delivers their outcomes
 * to the run, which keeps the first of each point. A worker verticle: outcomes are written to the results file on a
 * worker thread, never on an event loop.
 */
public final class SweepCoordinator extends VerticleBase {
    private final SweepDefinition definition;
    private final String fingerprint;
    private final SweepRun run;
    private final PrintWriter log;
    private final String id = UUID.randomUUID().toString();
    private final String build;
    /** Workers refused for another build, each said once. */
    private final Set<String> refused = new HashSet<>();
    private JsonObject definitionJson;

    private SweepCoordinator(SweepDefinition definition, SweepRun run, PrintWriter log, String build) {
        this.build = build;
        this.definition = definition;
        this.fingerprint = definition.fingerprint();
        this.run = run;
        this.log = log;
    }

    /** Starts serving {@code run}'s points to the workers of {@code vertx}'s cluster, until {@code vertx} is closed. */
    public static Future<String> deploy(Vertx vertx, SweepDefinition definition, SweepRun run, PrintWriter log) {
        return vertx.deployVerticle(new SweepCoordinator(definition, run, log, BuildFingerprint.current()),
                new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER));
    }

    @Override
    public Future<?> start() {
        definitionJson = definition.toJson();
        return Future.all(vertx.eventBus().<JsonObject>consumer(SweepBus.LEASE, this::lease).completion(),
                vertx.eventBus().<JsonObject>consumer(SweepBus.results(id), this::result).completion());
    }

    /**
     * A member left the cluster (Hazelcast saw it go): its points are handed out again now rather than after the
     * point timeout.
     */
    public static void memberLeft(SweepRun run, String member, PrintWriter log) {
        int back = run.ledger().release(member);
        if (back > 0) {
            log.println("coherent: sweep: member " + member + " left; its " + back + " points go to the others");
            log.flush();
        }
    }

    private void lease(Message<JsonObject> request) {
        JsonObject body = request.body();
        String member = body.getString("member", "?");
        String theirs = body.getString("build");
        if (!build.equals(theirs)) {
            // another build computes other numbers: none of its results may enter this sweep
            String why = "another build of coherent (" + BuildFingerprint.shortForm(theirs) + ") than the coordinator's ("
                    + BuildFingerprint.shortForm(build) + "): run the same jar on every member";
            if (refused.add(member)) {
                log.println("coherent: sweep: refused worker " + member + ": it runs " + why);
                log.flush();
            }
            request.reply(new JsonObject().put("points", new JsonArray()).put("refused", "this worker runs " + why));
            return;
        }
        int capacity = Math.max(0, Math.min(body.getInteger("capacity", 1), 1024));
        // the worker's word on which of this sweep's points it holds: a reply it gave up waiting for took points along
        Set<Integer> held = new HashSet<>();
        body.getJsonObject("held", new JsonObject()).getJsonArray(id, new JsonArray()).forEach(p -> held.add((Integer) p));
        run.ledger().retain(member, held);
        List<Integer> points = run.ledger().lease(member, capacity);
        JsonObject reply = new JsonObject().put("points", new JsonArray(List.copyOf(points)));
        if (!points.isEmpty()) {
            reply.put("sweep", id).put("fingerprint", fingerprint);
            JsonArray prepared = body.getJsonArray("prepared", new JsonArray());
            if (!prepared.contains(fingerprint)) {
                reply.put("definition", definitionJson);
            }
        }
        request.reply(reply);
    }

    private void result(Message<JsonObject> message) {
        int accepted = 0;
        try {
            for (Object o : message.body().getJsonArray("outcomes")) {
                accepted += run.deliver(PointJson.decode((JsonObject) o, definition.grid())) ? 1 : 0;
            }
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            log.println("coherent: sweep: ignored a malformed result from " + message.body().getString("member", "?")
                    + ": " + e.getMessage());
            log.flush();
            message.fail(400, String.valueOf(e.getMessage()));
            return;
        } catch (RuntimeException e) {
            message.fail(500, String.valueOf(e.getMessage())); // the results file failed: the run stops and rethrows it
            return;
        }
        message.reply(new JsonObject().put("accepted", accepted));
    }
}
