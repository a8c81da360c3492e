package io.coherent.app.cluster;

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
 * A Vert.x cluster: Hazelcast members found by TCP-IP join on a list of known members (no multicast, no
 * auto-detection), Hazelcast and the event bus bound to one interface of this machine, the loopback interface unless
 * told otherwise. Members join only a cluster of their own name, so that clusters on one machine or network stay apart.
 *
 * @param name    the cluster's name (Hazelcast's cluster name): {@value #DEFAULT_NAME} unless told otherwise
 * @param host    the IPv4 address this member binds and announces (Hazelcast and the event bus): 127.0.0.1 for a
 *                cluster on one machine, this machine's address on the network otherwise
 * @param port    this member's Hazelcast port (the next free one above it if taken)
 * @param members members to join, {@code HOST:PORT} (or HOST: Hazelcast tries the ports above its own); empty: this
 *                member alone starts the cluster
 * @param busPort this member's event-bus port (0: any free port)
 * @param lite    a lite member holds no partitions of the cluster's data (a subscriber that comes and goes): joining
 *                and leaving move no data
 */
public record ClusterSettings(String name, String host, int port, List<String> members, int busPort, boolean lite) {
    /** The cluster's name unless {@code --cluster-name} says otherwise. */
    public static final String DEFAULT_NAME = "coherent";
    static final String LOOPBACK = "127.0.0.1";
    static final int DEFAULT_PORT = 5701;
    /** Seconds without a heartbeat after which the cluster removes a member. */
    public static final int MEMBER_SILENCE_SECONDS = 5;
    private static final String LOOPBACK_MEMBER = "(127\\.0\\.0\\.1|localhost)(:\\d{1,5})?";
    private static final String MEMBER = "[A-Za-z0-9.-]+(:\\d{1,5})?";

    public ClusterSettings {
        members = List.copyOf(members);
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("--cluster-name " + name + " is not allowed: expected 1 to 64 letters, "
                    + "digits, '.', '_' or '-'");
        }
        if (host == null || !host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("--cluster-host " + host + " is not allowed: expected the IPv4 address of "
                    + "one of this machine's interfaces, e.g. 127.0.0.1 or 192.168.1.10");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--cluster-port " + port + " is not allowed: expected 1 .. 65535");
        }
        if (busPort < 0 || busPort > 65535) {
            throw new IllegalArgumentException("--bus-port " + busPort + " is not allowed: expected 0 (any) or 1 .. 65535");
        }
        boolean loopback = host.equals(LOOPBACK);
        for (String m : members) {
            if (loopback && !m.matches(LOOPBACK_MEMBER)) {
                throw new IllegalArgumentException("--cluster " + m + " is not allowed: expected loopback members, "
                        + "127.0.0.1:PORT");
            }
            if (!m.matches(MEMBER)) {
                throw new IllegalArgumentException("--members " + m + " is not allowed: expected HOST:PORT, e.g. "
                        + "192.168.1.10:5701");
            }
        }
    }

    /** On the loopback interface, the event bus on any free port. */
    public ClusterSettings(String name, int port, List<String> members, boolean lite) {
        this(name, LOOPBACK, port, members, 0, lite);
    }

    /** A clustered Vert.x instance for hosting runs ({@link io.coherent.observers.EventDrivenRun#vertxOptions()}). */
    public Future<Vertx> vertx(VertxOptions options) {
        return vertx(options, clusterManager());
    }

    /** A clustered Vert.x instance on {@code manager} (from {@link #clusterManager()}, to watch the members). */
    public Future<Vertx> vertx(VertxOptions options, HazelcastClusterManager manager) {
        options.setEventBusOptions(new EventBusOptions().setHost(host).setPort(busPort).setClusterPublicHost(host));
        return Vertx.builder().with(options).withClusterManager(manager).buildClustered();
    }

    /** The Hazelcast cluster manager of these settings. */
   public HazelcastClusterManager clusterManager() {
        Config config = ConfigUtil.loadConfig();
        config.setClusterName(name);
        config.setLiteMember(lite);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "1");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        // a member that stops answering is removed after 5 s (Hazelcast's default: 60 s), so that a killed worker's
        // points go to the others within seconds (SweepCoordinator.memberLeft) instead of after --point-timeout; a
        // member paused longer than that (a very long GC) is removed too, and its late results are duplicates
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(MEMBER_SILENCE_SECONDS));
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(true);
        network.getInterfaces().setEnabled(true).setInterfaces(List.of(host));
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2).setMembers(members.isEmpty()
                ? List.of(host + ":" + port) : members);
        return new HazelcastClusterManager(config);
    }
}
