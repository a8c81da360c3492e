package io.coherent.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hazelcast.core.HazelcastInstance;
import io.coherent.observers.EventDrivenRun;
import io.vertx.core.Vertx;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code --cluster-name}: two clusters on one machine (loopback) stay apart even when a member of one is told to join
 * the other, so that two sweeps never share their workers; a member of the same name joins.
 */
class ClusterNameTest {

    @Test
    void membersJoinOnlyAClusterOfTheirOwnName() {
        int base = 20_000 + new Random().nextInt(20_000);
        List<Vertx> started = new ArrayList<>();
        try {
            HazelcastInstance alpha = member(new ClusterSettings("alpha", base, List.of(), false), started);
            String first = "127.0.0.1:" + alpha.getCluster().getLocalMember().getAddress().getPort();
            HazelcastInstance beta = member(new ClusterSettings("beta", base + 50, List.of(first), false), started);
            assertEquals(1, beta.getCluster().getMembers().size(), "another name: a cluster of its own");
            assertEquals("beta", beta.getConfig().getClusterName());
            HazelcastInstance alphaToo = member(new ClusterSettings("alpha", base + 100, List.of(first), false),
                    started);
            assertEquals(2, alphaToo.getCluster().getMembers().size(), "the same name: joined");
            assertEquals(2, alpha.getCluster().getMembers().size());
            assertEquals(1, beta.getCluster().getMembers().size());
        } finally {
            started.forEach(v -> v.close().await());
        }
    }

    private static HazelcastInstance member(ClusterSettings settings, List<Vertx> started) {
        HazelcastClusterManager manager = settings.clusterManager();
        started.add(settings.vertx(EventDrivenRun.vertxOptions(), manager).await());
        return manager.getHazelcastInstance();
    }
}
