package io.coherent.app.cluster;

import static io.coherent.app.MainTest.coherent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.coherent.app.MainTest;
import io.coherent.app.cli.Reports;
import io.coherent.observers.EventDrivenRun;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker of another build (a changed formula or preset default) never contributes to a sweep: the coordinator
 * refuses it with one line, the worker says why and stops, and the points are computed elsewhere (issue 15: such a
 * worker used to join silently, and 30 of 48 rows differed).
 */
class BuildMismatchTest {

    @TempDir
    Path tmp;

    @Test
    void aWorkerOfAnotherBuildIsRefusedOnBothSidesAndItsPointsAreComputedElsewhere() throws Exception {
        assertEquals(64, BuildFingerprint.current().length(), "SHA-256 in hex");
        assertEquals(BuildFingerprint.current(), BuildFingerprint.current());
        int base = 20_000 + new Random().nextInt(20_000);
        ClusterSettings settings = new ClusterSettings(ClusterSettings.DEFAULT_NAME, base, List.of(), false);
        HazelcastClusterManager manager = settings.clusterManager();
        Vertx vertx = settings.vertx(EventDrivenRun.vertxOptions(), manager).await();
        try {
            int port = manager.getHazelcastInstance().getCluster().getLocalMember().getAddress().getPort();
            StringWriter workerLog = new StringWriter();
            Promise<Void> failed = Promise.promise();
            String otherBuild = "0".repeat(64);
            vertx.deployVerticle(new SweepWorker(manager.getNodeId(), otherBuild, 1, new PrintWriter(workerLog, true),
                    failed)).await();

            // 3000 points of about 1.5 ms: long enough for the worker to ask while the sweep goes on
            MainTest.Result r = coherent("sweep", "--param", "theta=0.1:1.5:60", "--param", "T=0.5:2:50", "--set",
                    "gamma=0.5", "--steady",
                    "--out", tmp.resolve("s").toString(), "--cluster", "--cluster-port", Integer.toString(base + 50),
                    "--members", "127.0.0.1:" + port, "--threads", "1", "--json");
            assertEquals(0, r.code(), r.err());
            JsonNode summary = Reports.JSON.readTree(r.out());
            assertEquals(3000, summary.get("computed").asInt());
            assertEquals(0, summary.get("computed_by_workers").asInt(), r.out());
            assertEquals(1, r.err().lines().filter(l -> l.contains("refused worker " + manager.getNodeId())).count(),
                    r.err());
            assertTrue(r.err().contains("it runs another build of coherent (000000000000) than the coordinator's ("
                    + BuildFingerprint.shortForm(BuildFingerprint.current()) + ")"), r.err());

            failed.future().toCompletionStage().toCompletableFuture().handle((v, e) -> e).get(30, TimeUnit.SECONDS);
            assertTrue(failed.future().failed());
            assertTrue(workerLog.toString().contains("coherent: worker: refused by a coordinator: this worker runs "
                    + "another build of coherent"), workerLog.toString());
            assertEquals(1, workerLog.toString().lines().filter(l -> l.contains("refused")).count(), workerLog.toString());
        } finally {
            vertx.close().await();
        }
    }
}
