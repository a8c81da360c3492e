package io.coherent.app.server;

import io.coherent.app.Main;
import io.coherent.app.cluster.ClusterSettings;
import io.coherent.observers.EventDrivenRun;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Serve runs over HTTP: a web page to start runs and watch them live, a JSON API (POST /api/runs "
                + "with a scenario, GET /api/runs/{id}, its samples at /api/runs/{id}/stream as Server-Sent Events or a "
                + "WebSocket, DELETE to cancel, POST /api/steady and POST /api/sweep for steady states and sweeps, GET "
                + "/api/presets) and Prometheus metrics at /metrics. The Python client (docs/python.md) uses it.",
                "With --cluster, other JVMs on this machine (`coherent subscribe`) can subscribe to a run's samples."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", description = "Interface to listen on. Default 127.0.0.1 (this machine only).")
    String host = "127.0.0.1";

    @Option(names = "--port", description = "Port. Default 8080 (0: any free port).")
    int port = 8080;

    @Option(names = "--max-runs", paramLabel = "N", description = "Runs going at once; more are refused (429). Default 2.")
    int maxRuns = 2;

    @Option(names = "--max-points", paramLabel = "N", description = "Output times of one run. Default 20000.")
    int maxPoints = 20_000;

    @Option(names = "--max-until", paramLabel = "T", description = "Final time of one run. Default 100000.")
    double maxUntil = 100_000;

    @Option(names = "--max-body", paramLabel = "BYTES", description = "Largest scenario accepted (413 above). Default 65536.")
    int maxBody = 65_536;

    @Option(names = "--kept-runs", paramLabel = "N", description = "Runs kept for status and download, running or "
            + "ended; the oldest ended ones are forgotten to make room, new runs refused (503) while all are running. "
            + "Default 100.")
    int keptRuns = 100;

    @Option(names = "--history-mb", paramLabel = "MB", description = "Memory for the samples of kept and running runs; "
            + "the oldest ended runs are forgotten to make room, new runs refused (503) while running runs fill it. "
            + "Default 256.")
    long historyMb = ServerSettings.DEFAULT_HISTORY_BYTES / 1_000_000;

    @Option(names = "--max-dimension", paramLabel = "D", description = "Largest Hilbert-space dimension of a run's model "
            + "(the product of its subsystems' dimensions; modes of a bilinear model); larger models get 400. Default 64.")
    long maxDimension = ServerSettings.DEFAULT_MAX_DIMENSION;

    @Option(names = "--cluster", paramLabel = "MEMBER[,MEMBER...]", split = ",", arity = "0..*",
            description = "Join a Vert.x cluster (Hazelcast, TCP on loopback, no multicast); members as 127.0.0.1:PORT. "
                    + "Without members this process starts the cluster.")
    List<String> cluster;

    @Option(names = "--cluster-port", paramLabel = "PORT", description = "This member's cluster port. Default 5701.")
    int clusterPort = 5701;

    @Option(names = "--cluster-name", paramLabel = "NAME", description = "The cluster's name: only members of the same "
            + "name join (`coherent subscribe --cluster-name`). Default " + ClusterSettings.DEFAULT_NAME + ".")
    String clusterName = ClusterSettings.DEFAULT_NAME;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = new ServerSettings(host, port, maxBody, maxRuns, maxPoints, maxUntil, keptRuns,
                historyMb > Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE : historyMb * 1_000_000, maxDimension);
        Future<Vertx> vertx = cluster == null ? Future.succeededFuture(Vertx.vertx(EventDrivenRun.vertxOptions()))
                : new ClusterSettings(clusterName, clusterPort, new ArrayList<>(cluster), false)
                        .vertx(EventDrivenRun.vertxOptions());
        Vertx v = vertx.await();
        OutOfMemoryGuard.install(v, spec.commandLine().getErr());
        RunServer server = RunServer.start(v, settings).await();
        PrintWriter out = spec.commandLine().getOut();
        out.println("coherent: serving on http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port()
                + "/" + (cluster == null ? "" : " (clustered)"));
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            v.close().await();
            stopped.countDown();
        }));
        stopped.await();
        return Main.OK;
    }
}
