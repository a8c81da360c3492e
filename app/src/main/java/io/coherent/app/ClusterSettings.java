package io.coherent.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;

/**
 * A Vert.x cluster on one machine: Hazelcast members found by TCP-IP on the loopback interface (no multicast,
 * no auto-detection), the event bus between the JVMs on loopback too.
 *
 * @param port    this member's Hazelcast port (the next free one above it if taken)
 * @param members the other members, {@code 127.0.0.1:5701} style
 * @param lite    a lite member holds no partitions of the cluster's data (a subscriber that comes and goes): joining
 *                and leaving move no data
 */
record ClusterSettings(int port, List<String> members, boolean lite) {
    static final String LOOPBACK = "127.0.0.1";

    ClusterSettings {
        members = List.copyOf(members);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--cluster-port " + port + " is not allowed: expected 1 .. 65535");
        }
        for (String m : members) {
            if (!m.matches("(127\\.0\\.0\\.1|localhost)(:\\d{1,5})?")) {
                throw new IllegalArgumentException("--cluster " + m + " is not allowed: expected loopback members, "
                        + "127.0.0.1:PORT");
            }
        }
    }

    /** A clustered Vert.x instance for hosting runs ({@link io.coherent.observers.EventDrivenRun#vertxOptions()}). */
    Future<Vertx> vertx(VertxOptions options) {
        Config config = ConfigUtil.loadConfig();
        config.setClusterName("coherent");
        config.setLiteMember(lite);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "1");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(true);
        network.getInterfaces().setEnabled(true).setInterfaces(List.of(LOOPBACK));
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2).setMembers(members.isEmpty()
                ? List.of(LOOPBACK + ":" + port) : members);
        options.setEventBusOptions(new EventBusOptions().setHost(LOOPBACK).setPort(0).setClusterPublicHost(LOOPBACK));
        return Vertx.builder().with(options).withClusterManager(new HazelcastClusterManager(config)).buildClustered();
    }
}
