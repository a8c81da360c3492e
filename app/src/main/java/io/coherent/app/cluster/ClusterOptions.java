package io.coherent.app.cluster;

import io.coherent.app.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Option;

/**
 * How a sweep's coordinator or a worker joins the cluster: command-line flags, or the same settings in a small YAML
 * file ({@code --config}); a flag wins over the file. Defaults: the loopback interface, Hazelcast port 5701 (or the
 * next free one), members {@code HOST:5701}, the event bus on any free port.
 */
public final class ClusterOptions {
    static final List<String> FILE_KEYS = List.of("cluster_name", "cluster_host", "cluster_port", "members", "bus_port", "point_timeout",
            "threads");

    @Option(names = "--config", paramLabel = "FILE.yaml", description = "Cluster settings from a YAML file with keys "
            + "cluster_name, cluster_host, cluster_port, members (list), bus_port, point_timeout, threads; flags win over "
            + "the file.")
   public Path config;

    @Option(names = "--cluster-name", paramLabel = "NAME", description = "The cluster's name: members join only a "
            + "cluster of the same name, so that sweeps on one machine or network keep their own workers. Default "
            + ClusterSettings.DEFAULT_NAME + ".")
   public String name;

    @Option(names = "--cluster-host", paramLabel = "IP", description = "This machine's address for the cluster "
            + "(Hazelcast and the event bus bind it). Default 127.0.0.1: this machine only.")
   public String host;

    @Option(names = "--cluster-port", paramLabel = "PORT", description = "Hazelcast port of this member (the next free "
            + "one if taken). Default 5701.")
   public Integer port;

    @Option(names = "--members", paramLabel = "HOST:PORT", split = ",", description = "Members to join (TCP-IP, "
            + "no multicast). Default HOST:5701 (HOST: --cluster-host).")
   public List<String> members;

    @Option(names = "--bus-port", paramLabel = "PORT", description = "Event-bus port of this member (open it in the "
            + "firewall with the Hazelcast port). Default: any free port.")
   public Integer busPort;

    /** Held here so that its level stays set (loggers are only weakly referenced by the log manager). */
    private final Logger hazelcastLog = Logger.getLogger("com.hazelcast");
    private JsonNode file;

    /**
     * The cluster to join, as a full (data) member: the event bus's registrations live on the members, with a
     * backup, so that any one member, the coordinator included, can die without taking them along. Hazelcast then
     * logs warnings only (members suspected dead, lost connections), not its start-up banner and every migration.
     */
   public ClusterSettings settings() {
        hazelcastLog.setLevel(Level.WARNING);
        String n = name != null ? name : text("cluster_name", ClusterSettings.DEFAULT_NAME, "a name such as lab-sweeps");
        String h = host != null ? host : text("cluster_host", ClusterSettings.LOOPBACK, "an IPv4 address such as "
                + "192.168.1.10");
        int p = port != null ? port : integer("cluster_port", ClusterSettings.DEFAULT_PORT);
        List<String> m = members != null ? members : list("members", List.of(h + ":" + ClusterSettings.DEFAULT_PORT));
        int b = busPort != null ? busPort : integer("bus_port", 0);
        return new ClusterSettings(n, h, p, m, b, false);
    }

    /** The point timeout in seconds: the flag, else the file, else {@code fallback}. */
   public double pointTimeout(Double flag, double fallback) {
        double t = flag != null ? flag : number("point_timeout", fallback);
        if (!(t > 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("--point-timeout " + t + " is not allowed: expected seconds > 0");
        }
        return t;
    }

    /** Threads: the flag, else the file, else {@code fallback}. */
   public int threads(Integer flag, int fallback) {
        return flag != null ? flag : integer("threads", fallback);
    }

    private JsonNode file() {
        if (config == null) {
            return null;
        }
        if (file == null) {
            try {
                file = new ObjectMapper(new YAMLFactory()).readTree(config.toFile());
            } catch (IOException e) {
                throw new IllegalArgumentException("--config " + config + ": cannot read it: " + Main.oneLine(e.getMessage()));
            }
            if (file == null || !file.isObject()) {
                throw new IllegalArgumentException("--config " + config + ": expected a mapping of keys "
                        + String.join(", ", FILE_KEYS));
            }
            for (Iterator<String> it = file.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!FILE_KEYS.contains(key)) {
                    throw new IllegalArgumentException("--config " + config + ": unknown key '" + key + "'; allowed: "
                            + String.join(", ", FILE_KEYS));
                }
            }
        }
        return file;
    }

    private JsonNode value(String key) {
        JsonNode f = file();
        return f == null ? null : f.get(key);
    }

    private String text(String key, String fallback, String expected) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw bad(key, v, expected);
        }
        return v.asText();
    }

    private int integer(String key, int fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw bad(key, v, "a whole number");
        }
        return v.intValue();
    }

    private double number(String key, double fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw bad(key, v, "a number of seconds");
        }
        return v.doubleValue();
    }

    private List<String> list(String key, List<String> fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (v.isTextual()) {
            return Arrays.stream(v.asText().split(",")).map(String::strip).toList();
        }
        if (!v.isArray()) {
            throw bad(key, v, "a list of HOST:PORT");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode m : v) {
            if (!m.isTextual()) {
                throw bad(key, m, "a list of HOST:PORT");
            }
            out.add(m.asText());
        }
        return out;
    }

    private IllegalArgumentException bad(String key, JsonNode v, String expected) {
        return new IllegalArgumentException("--config " + config + ": " + key + " = " + v + " is not allowed: expected "
                + expected);
    }
}
