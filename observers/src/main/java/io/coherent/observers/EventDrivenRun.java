package io.coherent.observers;

import io.coherent.integrators.Propagator;
import io.coherent.integrators.RunControl;
import io.coherent.integrators.RunMetrics;
import io.coherent.integrators.RunOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Runs a generator on the Vert.x event bus: deploys the run's observers, integrates on a worker thread
 * ({@code executeBlocking}; the event loops only carry messages), publishes every sample on the run's
 * address, waits for the observers that must see everything within a bounded window, feeds live
 * subscribers without waiting, then collects the observers' summaries (they come with the acknowledgement of
 * the run's end) and undeploys them. A failure of
 * any kind (non-finite state, step-size underflow, an observer that throws or vanishes) ends the run with
 * its reason in the outcome; the writer has flushed every line it got.
 */
public final class EventDrivenRun {
    /** Samples one observer may be behind before the run waits for it. */
    public static final int DEFAULT_WINDOW = 256;
    /** An observer or live subscriber silent this long has vanished. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 30_000;

    private final Vertx vertx;
    private final int window;
    private final long timeoutMillis;

    public EventDrivenRun(Vertx vertx, int window, long timeoutMillis) {
        this.vertx = vertx;
        this.window = window;
        this.timeoutMillis = timeoutMillis;
        LocalCodec.register(vertx);
    }

    public EventDrivenRun(Vertx vertx) {
        this(vertx, DEFAULT_WINDOW, DEFAULT_TIMEOUT_MILLIS);
    }

    /**
     * Vert.x options for hosting runs: an integration occupies its worker thread for as long as it takes
     * (hours, for a long exact run), which is not a blocked thread; event loops keep the default checks.
     */
    public static VertxOptions vertxOptions() {
        return new VertxOptions().setMaxWorkerExecuteTime(Long.MAX_VALUE);
    }

    /**
     * {@link #vertxOptions()} for a process that hosts one run at a time ({@code coherent run}): one event loop.
     * The run's observers then share it, so a batch of samples wakes one thread instead of one per observer
     * (Vert.x spreads verticles over its event loops, two per core by default), and acknowledgements between
     * them need no thread hand-off. Each wake-up costs tens of microseconds of CPU; the observers' own work per
     * batch is of the same order, so more event loops would cost CPU without making the run faster.
     */
    public static VertxOptions singleRunOptions() {
        return vertxOptions().setEventLoopPoolSize(1);
    }

    /** Starts the run; the future completes with its report (also for a failed run) once observers are done. */
    public Future<RunReport> start(RunRequest request) {
        RunAddress run = request.address();
        MeterRegistry registry = new SimpleMeterRegistry();
        RunControl control = new RunControl();
        List<String> reliable = Stream.concat(request.observers().stream().map(SampleObserver::name),
                request.sharedObservers().stream()).toList();
        AckWindow acks = new AckWindow(reliable, window, timeoutMillis, control);
        Map<String, JsonObject> summaries = new ConcurrentHashMap<>();
        MessageConsumer<RunMessage.Ack> ackConsumer = vertx.eventBus().localConsumer(run.acks(), m -> {
            RunMessage.Ack a = m.body();
            if (a.summary() != null) {
                summaries.put(a.observer(), a.summary());
            }
            if (a.failure() != null) {
                control.fail(a.failure());
                acks.wake();
            } else {
                acks.acknowledge(a.observer(), a.seq());
            }
        });
        MessageConsumer<String> stopConsumer = vertx.eventBus().localConsumer(run.control(),
                (Message<String> m) -> control.requestStop(m.body()));
        List<Future<String>> deployed = new ArrayList<>();
        for (SampleObserver o : request.observers()) {
            deployed.add(vertx.deployVerticle(o, o.deploymentOptions()));
        }
        return Future.all(ackConsumer.completion(), stopConsumer.completion(), Future.all(deployed))
                .compose(ready -> vertx.executeBlocking(() -> integrate(request, acks, control, registry), false))
                .compose(outcome -> summaries(request, summaries).map(s -> new RunReport(run, outcome, s, registry)))
                .eventually(() -> {
                    List<Future<?>> undeployed = new ArrayList<>();
                    for (Future<String> d : deployed) {
                        if (d.succeeded()) {
                            undeployed.add(vertx.undeploy(d.result()));
                        }
                    }
                    // observers first: one leaving early still finds the acknowledgement address; an observer that
                    // undeployed itself has already failed the run, so cleanup cannot fail it again
                    return Future.join(undeployed)
                            .transform(ar -> Future.join(ackConsumer.unregister(), stopConsumer.unregister()))
                            .transform(ar -> Future.succeededFuture());
                });
    }

    /** On a worker thread: the whole integration, then the end of the run for the observers. */
    private RunOutcome integrate(RunRequest request, AckWindow acks, RunControl control, MeterRegistry registry) {
        RunAddress run = request.address();
        List<LiveFeed> feeds = request.live().stream()
                .map(l -> new LiveFeed(vertx, l, run, control, registry, timeoutMillis)).toList();
        SamplePublisher publisher = new SamplePublisher(vertx, run, acks, feeds, control, registry);
        RunOutcome outcome = new Propagator(request.integrator()).run(request.generator(), request.plan(), publisher,
                control, new RunMetrics(registry));
        publisher.finish(outcome);
        if (outcome.failure() == null && control.failure() != null) {
            // an observer failed on the last samples or on the end of the run
            return outcome.withFailure(control.failure());
        }
        return outcome;
    }

    /** The summaries that came with the end of the run; those missing (the run failed) are asked for. */
    private Future<Map<String, JsonObject>> summaries(RunRequest request, Map<String, JsonObject> received) {
        List<Future<JsonObject>> asked = new ArrayList<>();
        for (SampleObserver o : request.observers()) {
            JsonObject s = received.get(o.name());
            asked.add(s != null ? Future.succeededFuture(s) : vertx.eventBus()
                    .<JsonObject>request(request.address().observer(o.name()), "summary").map(Message::body));
        }
        return Future.join(asked).transform(ar -> {
            Map<String, JsonObject> out = new LinkedHashMap<>();
            for (int i = 0; i < asked.size(); i++) {
                if (asked.get(i).succeeded()) {
                    out.put(request.observers().get(i).name(), asked.get(i).result());
                }
            }
            return Future.succeededFuture(out);
        });
    }
}
