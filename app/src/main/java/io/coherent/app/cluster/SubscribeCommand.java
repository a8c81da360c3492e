package io.coherent.app.cluster;

import io.coherent.app.Main;
import io.coherent.app.server.RunServer;
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
        description = "Join the cluster of a `coherent serve --cluster` and print every sample of run ID (without ID: of "
                + "the next run started) as JSON lines, the end of the run last, then exit: 0 if the run finished, 1 if "
                + "it failed, was stopped or cancelled.")
public final class SubscribeCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID",
            description = "The run's id (from POST /api/runs). Without it: the next run that starts.")
    String id;

    @Option(names = "--cluster", paramLabel = "MEMBER[,MEMBER...]", split = ",", required = true,
            description = "Members of the cluster, 127.0.0.1:PORT.")
    List<String> cluster;

    @Option(names = "--cluster-port", paramLabel = "PORT", description = "This member's cluster port. Default 5702.")
    int clusterPort = 5702;

    @Option(names = "--cluster-name", paramLabel = "NAME", description = "The cluster's name, as the server's "
            + "--cluster-name. Default " + ClusterSettings.DEFAULT_NAME + ".")
    String clusterName = ClusterSettings.DEFAULT_NAME;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up after this long. Default 600.")
    long timeoutSeconds = 600;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Vertx vertx = new ClusterSettings(clusterName, clusterPort, new ArrayList<>(cluster), true)
                .vertx(EventDrivenRun.vertxOptions()).await();
        try {
            Promise<JsonObject> ended = Promise.promise();
            vertx.setTimer(TimeUnit.SECONDS.toMillis(timeoutSeconds), t -> ended.tryFail("no end of the run within "
                    + timeoutSeconds + " s"));
            RunAddress run = new RunAddress(id != null ? id : nextRun(vertx, err, ended));
            Printer printer = new Printer(out);
            // live messages and history replies may arrive on different threads: the printer merges them
            MessageConsumer<JsonObject> live = vertx.eventBus().consumer(run.stream());
            live.handler(m -> printer.take(List.of(m.body()), false, ended, () -> fillIn(vertx, run, printer, ended)));
            live.completion().await();
            fillIn(vertx, run, printer, ended);
            JsonObject end = ended.future().await();
            out.flush();
            err.println("coherent: run " + run.runId() + ": " + printer.printed() + " messages, " + printer.live()
                    + " of them live, the others from the history");
            err.flush();
            return end.getString("failure") == null && end.getString("stopped_by") == null ? Main.OK : Main.RUN_FAILED;
        } finally {
            vertx.close().await();
        }
    }

    /** Waits for the next run the server announces. */
    private static String nextRun(Vertx vertx, PrintWriter err, Promise<JsonObject> ended) {
        Promise<String> next = Promise.promise();
        MessageConsumer<JsonObject> announcements = vertx.eventBus().consumer(RunServer.ANNOUNCEMENTS,
                m -> next.tryComplete(m.body().getString("id")));
        announcements.completion().await();
        err.println("coherent: waiting for the next run");
        err.flush();
        ended.future().onFailure(next::tryFail);
        String id = next.future().await();
        announcements.unregister();
        return id;
    }

    /** Asks the server for what this subscriber has not seen (it joined late, or its subscription reached the server late). */
    private static void fillIn(Vertx vertx, RunAddress run, Printer printer, Promise<JsonObject> ended) {
        vertx.eventBus().<JsonArray>request(run.history(), new JsonObject().put("after", printer.printed()))
                .onSuccess(reply -> printer.take(reply.body().stream().map(JsonObject.class::cast).toList(), true,
                        ended, () -> { }))
                .onFailure(e -> ended.tryFail("run " + run.runId() + " is not served in this cluster: " + e.getMessage()));
    }

    /** Prints messages in sequence order, each once; messages ahead of a gap wait for it to be filled. */
    private static final class Printer {
        private final PrintWriter out;
        private final TreeMap<Long, JsonObject> waiting = new TreeMap<>();
        private long printed;
        private long live;

        Printer(PrintWriter out) {
            this.out = out;
        }

        synchronized long printed() {
            return printed;
        }

        synchronized long live() {
            return live;
        }

        /**
         * @param fromHistory whether the messages come from the history (or live)
         * @param gap         what to do if the end has arrived but messages before it are missing
         */
        synchronized void take(List<JsonObject> messages, boolean fromHistory, Promise<JsonObject> ended, Runnable gap) {
            for (JsonObject m : messages) {
                long seq = m.getLong("seq");
                if (seq > printed && waiting.put(seq, m) == null && !fromHistory) {
                    live++;
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
