package io.coherent.observers;

import io.coherent.integrators.RunOutcome;
import io.coherent.integrators.Sample;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A verticle that sees every sample of one or more runs, in order, and acknowledges the messages the run
 * asks it to (often enough for the run's bounded window, and the end of the run). The runs wait for these
 * acknowledgements, so it never misses a sample and never lets a queue grow without bound. If
 * {@link #onSample} throws, an acknowledgement carries the failure at once and the run ends with it; if the
 * verticle is undeployed while a run is going, the run ends with "vanished". The acknowledgement of a run's
 * end carries the observer's summary of that run; summaries are also served on {@link RunAddress#observer}.
 * Both are computed on the verticle's own thread.
 */
public abstract class SampleObserver extends VerticleBase {
    private final String name;
    private final List<RunAddress> runs;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private final List<RunAddress> ended = new ArrayList<>();

    protected SampleObserver(String name, List<RunAddress> runs) {
        if (!name.matches("[a-z][a-z0-9_-]*")) {
            throw new IllegalArgumentException("observer names are lower-case words, got '" + name + "'");
        }
        this.name = name;
        this.runs = List.copyOf(runs);
    }

    public final String name() {
        return name;
    }

    public final List<RunAddress> runs() {
        return runs;
    }

    /** Called for every sample of every observed run, in the run's order. */
    protected abstract void onSample(RunAddress run, Sample sample);

    /**
     * Called after the samples of one message (a batch of consecutive samples of one run), before they are
     * acknowledged: where an observer that keeps samples makes them durable.
     */
    protected void onBatchEnd(RunAddress run) {
    }

    /** Called once a run has ended, after its last sample. */
    protected void onEnd(RunAddress run, RunOutcome outcome) {
    }

    /** How to deploy this observer: on an event loop unless it does blocking work (the writer). */
    public DeploymentOptions deploymentOptions() {
        return new DeploymentOptions();
    }

    /** What this observer found, as JSON. */
    protected abstract JsonObject summary();

    @Override
    public Future<?> start() throws Exception {
        // it acknowledges with RunMessage.Ack, possibly before any EventDrivenRun exists on this Vert.x
        LocalCodec.register(vertx);
        List<Future<Void>> registered = new ArrayList<>();
        for (RunAddress run : runs) {
            MessageConsumer<RunMessage> samples = vertx.eventBus().localConsumer(run.samples(), this::receive);
            MessageConsumer<Object> summaries = vertx.eventBus().localConsumer(run.observer(name),
                    m -> m.reply(summary()));
            consumers.add(samples);
            consumers.add(summaries);
            registered.add(samples.completion());
            registered.add(summaries.completion());
        }
        return Future.all(registered);
    }

    private void receive(Message<RunMessage> m) {
        RunMessage msg = m.body();
        String failure = null;
        JsonObject summary = null;
        boolean acknowledge = true;
        double t = Double.NaN;
        try {
            if (msg instanceof RunMessage.Samples batch) {
                acknowledge = batch.acknowledge();
                for (Sample s : batch.samples()) {
                    t = s.t();
                    onSample(msg.run(), s);
                }
                t = Double.NaN;
                onBatchEnd(msg.run());
            } else if (msg instanceof RunMessage.End e) {
                ended.add(msg.run());
                onEnd(msg.run(), e.outcome());
                summary = summary();
            }
        } catch (RuntimeException e) {
            String at = Double.isNaN(t) ? "" : String.format(Locale.ROOT, " at t = %.9g", t);
            failure = "observer '" + name + "' failed" + at + ": " + (e.getMessage() != null ? e.getMessage() : e.toString());
        }
        if (acknowledge || failure != null) {
            vertx.eventBus().send(msg.run().acks(), new RunMessage.Ack(name, msg.seq(), failure, summary));
        }
    }

    /** A run that has not ended loses this observer: it must not wait for acknowledgements that never come. */
    @Override
    public Future<?> stop() throws Exception {
        for (RunAddress run : runs) {
            if (!ended.contains(run)) {
                vertx.eventBus().send(run.acks(), new RunMessage.Ack(name, -1, "observer '" + name + "' vanished (undeployed during the run)", null));
            }
        }
        List<Future<Void>> gone = new ArrayList<>();
        for (MessageConsumer<?> c : consumers) {
            gone.add(c.unregister());
        }
        return Future.all(gone);
    }

    /** Adds a number, or null if it is NaN or infinite (JSON has no NaN). */
    protected static void number(JsonObject o, String key, double value) {
        o.put(key, Double.isFinite(value) ? value : null);
    }
}
