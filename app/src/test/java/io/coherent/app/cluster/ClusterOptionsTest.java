package io.coherent.app.cluster;

import io.coherent.app.MainTest;
import static io.coherent.app.MainTest.coherent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Cluster settings from flags and from a YAML file; bad ones are one line and exit code 2, before any work. */
class ClusterOptionsTest {

    @TempDir
    Path tmp;

    @CommandLine.Command
    static final class Holder {
        @CommandLine.Mixin
        ClusterOptions options;
    }

    private ClusterOptions parse(String... args) {
        Holder h = new Holder();
        new CommandLine(h).parseArgs(args);
        return h.options;
    }

    @Test
    void defaultsAreTheLoopbackInterfaceAndPort5701() {
        ClusterOptions o = parse();
        assertEquals(new ClusterSettings("coherent", "127.0.0.1", 5701, List.of("127.0.0.1:5701"), 0, false), o.settings());
        assertEquals(3, o.threads(null, 3));
        assertEquals(120, o.pointTimeout(null, 120));
    }

    @Test
    void theFileGivesWhatTheFlagsDoNot() throws IOException {
        Path file = tmp.resolve("cluster.yaml");
        Files.writeString(file, """
                cluster_name: lab
                cluster_host: 10.0.0.5
                cluster_port: 6000
                members: [10.0.0.5:6000, node-2.lab:6000]
                bus_port: 6100
                threads: 2
                point_timeout: 30
                """);
        ClusterOptions fromFile = parse("--config", file.toString());
        assertEquals(new ClusterSettings("lab", "10.0.0.5", 6000, List.of("10.0.0.5:6000", "node-2.lab:6000"), 6100,
                false), fromFile.settings());
        assertEquals(2, fromFile.threads(null, 8));
        assertEquals(30, fromFile.pointTimeout(null, 120));

        ClusterOptions flagsWin = parse("--config", file.toString(), "--cluster-port", "6001", "--members",
                "10.0.0.6:6000,10.0.0.7:6000", "--cluster-name", "other");
        assertEquals(new ClusterSettings("other", "10.0.0.5", 6001, List.of("10.0.0.6:6000", "10.0.0.7:6000"), 6100,
                false), flagsWin.settings());
        assertEquals(1, flagsWin.threads(1, 8));
        assertEquals(5, flagsWin.pointTimeout(5.0, 120));
    }

    @Test
    void badSettingsAreOneLineWithExitCode2BeforeAnyWork() throws IOException {
        Path unknown = tmp.resolve("unknown.yaml");
        Files.writeString(unknown, "cluster_hots: 10.0.0.5\n");
        Path wrongKind = tmp.resolve("kind.yaml");
        Files.writeString(wrongKind, "cluster_port: five\n");
        Path out = tmp.resolve("never");
        String[] sweep = {"sweep", "--param", "theta=0.1:1:3", "--steady", "--out", out.toString()};
        List<List<String>> cases = List.of(
                List.of("--cluster", "--config", unknown.toString()),
                List.of("--cluster", "--config", wrongKind.toString()),
                List.of("--cluster", "--config", tmp.resolve("missing.yaml").toString()),
                List.of("--cluster", "--cluster-host", "my-laptop"),
                List.of("--cluster", "--cluster-port", "70000"),
                List.of("--cluster", "--cluster-name", "my cluster"),
                List.of("--cluster", "--cluster-name", ""),
                List.of("--cluster-name", "lab"),
                List.of("--cluster", "--members", "10.0.0.5:5701"),
                List.of("--cluster", "--point-timeout", "0"),
                List.of("--cluster", "--threads", "-1"),
                List.of("--point-timeout", "10"),
                List.of("--members", "127.0.0.1:5701"),
                List.of("--threads", "0"));
        for (List<String> c : cases) {
            String[] args = Stream.concat(Arrays.stream(sweep), c.stream()).toArray(String[]::new);
            MainTest.Result r = coherent(args);
            assertEquals(2, r.code(), c + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), c + ": " + r.err());
            assertTrue(r.err().startsWith("coherent: "), r.err());
            assertFalse(Files.exists(out), c + ": nothing written");
        }
        MainTest.Result worker = coherent("worker", "--cluster", "--config", unknown.toString());
        assertEquals(2, worker.code(), worker.err());
        assertEquals("coherent: --config " + unknown + ": unknown key 'cluster_hots'; allowed: cluster_name, cluster_host, "
                + "cluster_port, members, bus_port, point_timeout, threads", worker.err().strip());
        MainTest.Result badName = coherent("worker", "--cluster", "--cluster-name", "a/b");
        assertEquals(2, badName.code(), badName.err());
        assertEquals("coherent: --cluster-name a/b is not allowed: expected 1 to 64 letters, digits, '.', '_' or '-'",
                badName.err().strip());
        MainTest.Result noCluster = coherent("worker");
        assertEquals(2, noCluster.code(), noCluster.err());
    }
}
