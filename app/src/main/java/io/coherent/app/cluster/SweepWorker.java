package io.coherent.app.cluster;

import io.coherent.app.sweep.PointOutcome;
import io.coherent.app.sweep.Sweep;
import io.coherent.app.sweep.SweepDefinition;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A worker of clustered sweeps: it asks any coordinator for points ({@link SweepBus#LEASE}, pull) so as to hold one
 * per thread, or {@link #HELD_PER_THREAD} per thread while its points take less than {@link #QUEUE_BELOW_SECONDS}
 * (then a thread that finishes finds its next point queued here instead of waiting for a round trip, and a queued
 * point waits a few seconds at most; slow points are not queued, so that no point waits behind another while other
 * members are idle at the end of a sweep), evaluates each with the sweep's own {@link Sweep#evaluate} on a worker thread (the event
 * loop only carries messages) and sends the outcomes back as they finish (several in one message when a message is
 * still on its way). Without a coordinator it asks again
 * every {@link #RETRY_MILLIS} ms, for ever: a worker serves sweep after sweep until it is stopped. A sweep is prepared
 * once from its definition (the last {@link #PREPARED} are kept).
 */
public final class SweepWorker extends VerticleBase {
    static final long RETRY_MILLIS = 250;
    static final int HELD_PER_THREAD = 4;
    static final double QUEUE_BELOW_SECONDS = 1;
    /**
     * A coordinator answers a lease at once; one that does not within this time is gone (killed, say) or very busy. If
     * its reply comes later it is dropped, and the coordinator takes those points back when this worker next asks
     * (it says which points it holds).
     */
    static final long LEASE_TIMEOUT_MILLIS = 5000;
    private static final int PREPARED = 4;

    private final String member;
    private final String build;
    private final int threads;
    private final PrintWriter log;
    private final Promise<Void> failed;
    private final Map<String, Sweep> prepared = new LinkedHashMap<>(PREPARED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Sweep> eldest) {
            return size() > PREPARED;
        }
    };
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    /**
     * The points this worker holds (queued, running, or their results not yet acknowledged), by coordinator run: told
     * to the coordinator when asking.
     */
    private final Map<String, Set<Integer>> held = new HashMap<>();
    /** Outcomes not sent yet, by coordinator run. */
    private final Map<String, List<PointOutcome>> finished = new HashMap<>();
    /** The runs with a message of outcomes on its way. */
    private final Set<String> sending = new HashSet<>();
    private WorkerExecutor executor;
    private int running;
    private boolean asking;
    private boolean waitingSaid;
    /** Exponential average of the wall time of this worker's points; NaN before the first. */
    private double pointSeconds = Double.NaN;

    /**
     * @param member this worker's id in the cluster (its Hazelcast member id, so the coordinator knows when it leaves)
     * @param build  this worker's {@link BuildFingerprint}; a coordinator of another build refuses the worker
     * @param failed failed if a sweep's definition cannot be prepared here or a coordinator refuses this build
     */
    public SweepWorker(String member, String build, int threads, PrintWriter log, Promise<Void> failed) {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads " + threads + " is not allowed: expected an integer >= 1");
        }
        this.member = member;
        this.build = build;
        this.threads = threads;
        this.log = log;
        this.failed = failed;
    }

    @Override
    public Future<?> start() {
        executor = vertx.createSharedWorkerExecutor("coherent-sweep-points", threads, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        ask();
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        return executor.close();
    }

    /** A leased point of a sweep. */
    private record Job(Sweep sweep, String run, int index) {
    }

    /** Asks for points once fewer than one per thread are queued (one request at a time). */
    private void ask() {
        int capacity = threads * (pointSeconds < QUEUE_BELOW_SECONDS ? HELD_PER_THREAD : 1) - running - queue.size();
        if (asking || queue.size() >= threads || capacity <= 0) {
            return;
        }
        asking = true;
        JsonObject holding = new JsonObject();
        held.forEach((run, points) -> holding.put(run, new JsonArray(List.copyOf(points))));
        JsonObject request = new JsonObject().put("member", member).put("build", build).put("capacity", capacity)
                .put("held", holding)
                .put("prepared", new JsonArray(prepared.keySet().stream().map(Object.class::cast).toList()));
        vertx.eventBus().<JsonObject>request(SweepBus.LEASE, request, new DeliveryOptions().setSendTimeout(LEASE_TIMEOUT_MILLIS))
                .onComplete(ar -> {
                    if (ar.succeeded() && ar.result().body().getString("refused") != null) {
                        say("refused by a coordinator: " + ar.result().body().getString("refused"));
                        failed.tryFail(ar.result().body().getString("refused"));
                        return;
                    }
                    if (ar.failed() || ar.result().body().getJsonArray("points").isEmpty()) {
                        if (ar.failed() && !waitingSaid) {
                            say("waiting for a sweep (" + ar.cause().getMessage() + ")");
                            waitingSaid = true;
                        }
                        asking = false;
                        vertx.setTimer(RETRY_MILLIS, t -> ask());
                        return;
                    }
                    waitingSaid = false;
                    JsonObject lease = ar.result().body();
                    sweep(lease).onComplete(s -> {
                        asking = false;
                        if (s.failed()) {
                            say("cannot prepare sweep " + lease.getString("sweep") + ": " + s.cause().getMessage());
                            failed.tryFail(s.cause());
                            return;
                        }
                        String run = lease.getString("sweep");
                        for (Object p : lease.getJsonArray("points")) {
                            queue.add(new Job(s.result(), run, (Integer) p));
                            held.computeIfAbsent(run, r -> new HashSet<>()).add((Integer) p);
                        }
                        evaluate();
                        ask();
                    });
                });
    }

    /** The lease's sweep, prepared from its definition (on a worker thread) unless prepared before. */
    private Future<Sweep> sweep(JsonObject lease) {
        String fingerprint = lease.getString("fingerprint");
        Sweep known = prepared.get(fingerprint);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        JsonObject definition = lease.getJsonObject("definition");
        if (definition == null) {
            return Future.failedFuture("the coordinator sent no definition for " + fingerprint);
        }
        return executor.executeBlocking(() -> SweepDefinition.fromJson(definition).prepare(), false).onSuccess(s -> {
            prepared.put(fingerprint, s);
            say("sweep " + lease.getString("sweep") + ": " + s.base().name() + ", " + s.evaluator().description() + " at "
                    + s.grid().size() + " points; evaluating");
        });
    }

    /** Starts queued points on idle threads. */
    private void evaluate() {
        while (running < threads && !queue.isEmpty()) {
            Job job = queue.poll();
            running++;
            executor.executeBlocking(() -> job.sweep().evaluate(job.sweep().grid().point(job.index())), false)
                    .onComplete(ar -> {
                        running--;
                        if (ar.succeeded()) {
                            double seconds = ar.result().seconds();
                            pointSeconds = Double.isNaN(pointSeconds) ? seconds : 0.8 * pointSeconds + 0.2 * seconds;
                            finished.computeIfAbsent(job.run(), r -> new ArrayList<>()).add(ar.result());
                            send(job.run());
                        } else {
                            letGo(job.run(), job.index());
                        }
                        evaluate();
                        ask();
                    });
        }
    }

    /**
     * Sends the outcomes finished for a sweep, in one message, unless a message is on its way: the outcomes finished
     * meanwhile go with the next one (so the bus carries fewer, larger messages when points are fast). They stay held
     * until the coordinator has them, or is gone (then they are lost with it, and a resumed sweep computes them again).
     */
    private void send(String run) {
        List<PointOutcome> outcomes = finished.remove(run);
        if (outcomes == null || !sending.add(run)) {
            if (outcomes != null) {
                finished.put(run, outcomes);
            }
            return;
        }
        JsonArray batch = new JsonArray();
        outcomes.forEach(o -> batch.add(PointJson.encode(o)));
        vertx.eventBus().request(SweepBus.results(run), new JsonObject().put("member", member).put("outcomes", batch),
                new DeliveryOptions().setSendTimeout(LEASE_TIMEOUT_MILLIS)).onComplete(ack -> {
                    sending.remove(run);
                    outcomes.forEach(o -> letGo(run, o.point().index()));
                    send(run);
                    ask();
                });
    }

    private void letGo(String run, int index) {
        Set<Integer> points = held.get(run);
        points.remove(index);
        if (points.isEmpty()) {
            held.remove(run);
        }
    }

    private void say(String line) {
        log.println("coherent: worker: " + line);
        log.flush();
    }
}
