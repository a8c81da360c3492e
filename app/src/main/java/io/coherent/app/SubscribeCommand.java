package io.coherent.app;

import io.coherent.observers.EventDrivenRun;
import io.coherent.observers.RunAddress;
import io.coherent.observers.SampleJson;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "subscribe", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Join the cluster of a `coherent serve --cluster` and print every sample of run ID as JSON lines "
                + "(the end of the run last), then exit: 0 if the run finished, 1 if it failed or was cancelled.")
final class SubscribeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "The run's id (from POST /api/runs).")
    String id;

    @Option(names = "--cluster", paramLabel = "MEMBER[,MEMBER...]", split = ",", required = true,
            description = "Members of the cluster, 127.0.0.1:PORT.")
    List<String> cluster;

    @Option(names = "--cluster-port", paramLabel = "PORT", description = "This member's cluster port. Default 5702.")
    int clusterPort = 5702;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up after this long. Default 600.")
    long timeoutSeconds = 600;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunAddress run = new RunAddress(id);
        PrintWriter out = spec.commandLine().getOut();
        Vertx vertx = new ClusterSettings(clusterPort, new ArrayList<>(cluster)).vertx(EventDrivenRun.vertxOptions()).await();
        try {
            Promise<JsonObject> ended = Promise.promise();
            Printer printer = new Printer(out);
            // on the consumer's context only: live messages and history replies are merged there
            MessageConsumer<JsonObject> live = vertx.eventBus().consumer(run.stream());
            live.handler(m -> printer.take(List.of(m.body()), ended, () -> fillIn(vertx, run, printer, ended)));
            live.completion().await();
            fillIn(vertx, run, printer, ended);
            vertx.setTimer(TimeUnit.SECONDS.toMillis(timeoutSeconds), t -> ended.tryFail("no end of run " + id
                    + " within " + timeoutSeconds + " s"));
            JsonObject end = ended.future().await();
            out.flush();
            return end.getString("failure") == null && end.getString("stopped_by") == null ? Main.OK : Main.RUN_FAILED;
        } finally {
            vertx.close().await();
        }
    }

    /** Asks the server for what this subscriber has not seen (it joined late, or its subscription reached the server late). */
    private static void fillIn(Vertx vertx, RunAddress run, Printer printer, Promise<JsonObject> ended) {
        vertx.eventBus().<JsonArray>request(run.history(), new JsonObject().put("after", printer.printed()))
                .onSuccess(reply -> printer.take(reply.body().stream().map(JsonObject.class::cast).toList(), ended,
                        () -> { }))
                .onFailure(e -> ended.tryFail("run " + run.runId() + " is not served in this cluster: " + e.getMessage()));
    }

    /** Prints messages in sequence order, each once; messages ahead of a gap wait for it to be filled. */
    private static final class Printer {
        private final PrintWriter out;
        private final TreeMap<Long, JsonObject> waiting = new TreeMap<>();
        private long printed;

        Printer(PrintWriter out) {
            this.out = out;
        }

        synchronized long printed() {
            return printed;
        }

        /** @param gap what to do if the end has arrived but messages before it are missing */
        synchronized void take(List<JsonObject> messages, Promise<JsonObject> ended, Runnable gap) {
            for (JsonObject m : messages) {
                long seq = m.getLong("seq");
                if (seq > printed) {
                    waiting.put(seq, m);
                }
            }
            while (!waiting.isEmpty() && waiting.firstKey() == printed + 1) {
                JsonObject m = waiting.pollFirstEntry().getValue();
                out.println(m.encode());
                printed++;
                if (SampleJson.isEnd(m)) {
                    ended.tryComplete(m);
                }
            }
            if (!waiting.isEmpty() && SampleJson.isEnd(waiting.lastEntry().getValue())) {
                gap.run();
            }
        }
    }
}
