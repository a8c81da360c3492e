package io.coherent.app.cluster;

import io.coherent.app.Main;
import io.coherent.config.ScenarioException;
import io.coherent.observers.EventDrivenRun;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "worker", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Join a Vert.x cluster (Hazelcast, TCP-IP join, no multicast) and evaluate the points of every "
                + "`coherent sweep --cluster` running in it, sweep after sweep, until stopped (Ctrl-C, SIGTERM or kill). "
                + "When it has room for more points it asks a coordinator for some; the scenario, overrides and grid come "
                + "with them as JSON, so no file needs to be on this machine.",
                "Exit code 1 if a sweep cannot be prepared here (e.g. another version of coherent)."})
public final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--cluster", required = true, description = "Join the cluster (required: a worker only works in one).")
    boolean cluster;

    @Mixin
    ClusterOptions clusterOptions;

    @Option(names = "--threads", paramLabel = "N", description = "Points evaluated at once. Default: available processors.")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        int n = clusterOptions.threads(threads, Runtime.getRuntime().availableProcessors());
        if (n < 1) {
            throw new ScenarioException("--threads", "--threads " + n + " is not allowed: expected an integer >= 1");
        }
        ClusterSettings settings = clusterOptions.settings();
        PrintWriter err = spec.commandLine().getErr();
        HazelcastClusterManager manager = settings.clusterManager();
        Vertx vertx = settings.vertx(EventDrivenRun.vertxOptions(), manager).await();
        err.println("coherent: worker: joined the cluster as "
                + manager.getHazelcastInstance().getCluster().getLocalMember().getUuid() + " ("
                + manager.getHazelcastInstance().getCluster().getLocalMember().getAddress() + ", " + n + " threads)");
        err.flush();
        Promise<Void> failed = Promise.promise();
        // the Hazelcast member id, which the coordinator's membership listener sees when this worker leaves (Vert.x's
        // node id is another UUID: with it, a killed worker's points waited for --point-timeout)
        String member = manager.getHazelcastInstance().getCluster().getLocalMember().getUuid().toString();
        vertx.deployVerticle(new SweepWorker(member, BuildFingerprint.current(), n, err, failed)).await();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            vertx.close().await();
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        failed.future().onFailure(e -> stopped.countDown());
        stopped.await();
        if (failed.future().failed()) {
            Runtime.getRuntime().removeShutdownHook(hook);
            vertx.close().await();
            return Main.RUN_FAILED;
        }
        return Main.OK;
    }
}
