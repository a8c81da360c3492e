package io.coherent.app.sweep;

import io.coherent.app.Main;
import io.coherent.app.MainTest;
import io.coherent.app.cli.Reports;
import static io.coherent.app.MainTest.coherent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clustered sweeps on loopback with real JVMs: two forked workers ({@code coherent worker --cluster}) and a
 * coordinator. One worker is killed (SIGKILL) mid-sweep; then a forked coordinator is killed mid-sweep and the sweep
 * is resumed. Both results files must equal, cell for cell (all but the wall time of each point), the same sweep run
 * on one machine without a cluster: every point exactly once, and bit for bit the same numbers.
 *
 * <p>The points (steady states of the partial-collective model, about 1.5 ms each) are cheap; the grid is large
 * enough (1200 points) that a kill after the first results lands mid-sweep. The workers live for both tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusteredSweepTest {
    static final List<String> SWEEP = List.of("sweep", "--param", "theta=0.1:1.5:40", "--param", "T=0.5:2:30", "--set",
            "gamma=0.5", "--steady");
    static final int POINTS = 1200;

    private Path tmp;

    private final List<Process> workers = new ArrayList<>();
    private final List<Path> workerLogs = new ArrayList<>();
    private String members;
    private List<String> reference;

    private final long t0 = System.nanoTime();

    private void mark(String what) {
        System.out.printf("ClusteredSweepTest %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, what);
    }

    @BeforeAll
    void startTwoWorkersAndComputeTheReference(@TempDir Path dir) throws Exception {
        tmp = dir;
        // each worker binds a port of its choosing (the next free one from a random base); the test reads the port it
        // got from its log, so that no port is picked here and bound later by another process
        Path firstLog = tmp.resolve("worker-1.err");
        workerLogs.add(firstLog);
        workers.add(fork(firstLog, "worker", "--cluster", "--cluster-port", Integer.toString(basePort()), "--threads", "1"));
        int p1 = boundPort(firstLog);
        Path secondLog = tmp.resolve("worker-2.err");
        workerLogs.add(secondLog);
        workers.add(fork(secondLog, "worker", "--cluster", "--cluster-port", Integer.toString(basePort()), "--members",
                "127.0.0.1:" + p1, "--threads", "1"));
        members = "127.0.0.1:" + p1 + ",127.0.0.1:" + boundPort(secondLog);
        // meanwhile, the same sweep on this machine alone
        Path ref = tmp.resolve("reference");
        MainTest.Result r = coherent(args(ref, "--threads", "2"));
        assertEquals(0, r.code(), r.err());
        reference = SweepResumeTest.withoutSeconds(Files.readAllLines(ref.resolve("results.csv")));
        assertEquals(POINTS + 1, reference.size());
        mark("reference done");
        mark("workers joined");
    }

    @AfterAll
    void stopWorkers() {
        workers.forEach(Process::destroyForcibly);
    }

    @Test
    @Order(1)
    void aWorkerKilledMidSweepLosesNoPoint() throws Exception {
        Path out = tmp.resolve("killed-worker");
        // the default --point-timeout (120 s): the killed worker's points must come back because it left the cluster
        CompletableFuture<MainTest.Result> coordinator = CompletableFuture.supplyAsync(() -> coherent(args(out,
                "--cluster", "--cluster-port", Integer.toString(basePort()), "--members", members, "--threads", "1",
                "--json")));
        await(() -> read(workerLogs.get(0)).contains("steady state at " + POINTS + " points; evaluating"), 60,
                "worker 0 got points: " + read(workerLogs.get(0)));
        int rowsAtKill = rows(out);
        mark("kill worker");
        workers.get(0).destroyForcibly();
        assertTrue(rowsAtKill < POINTS * 3 / 4, "the kill landed mid-sweep: " + rowsAtKill + " of " + POINTS + " rows");

        long killed = System.nanoTime();
        MainTest.Result r = coordinator.get(90, TimeUnit.SECONDS);
        mark("coordinator done");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains(" left; its "), "the killed worker's points came back when it left: " + r.err());
        System.out.printf("killed worker: sweep done %.1f s after the kill (member removed after %d s of silence)%n",
                (System.nanoTime() - killed) / 1e9, io.coherent.app.cluster.ClusterSettings.MEMBER_SILENCE_SECONDS);
        JsonNode summary = Reports.JSON.readTree(r.out());
        System.out.printf("killed worker: %d rows at the kill; %s%n", rowsAtKill, r.out().strip());
        assertEquals(POINTS, summary.get("computed").asInt());
        assertTrue(summary.get("computed_by_workers").asInt() > 0, r.out());
        assertEquals(reference, SweepResumeTest.withoutSeconds(Files.readAllLines(out.resolve("results.csv"))));
    }

    @Test
    @Order(2)
    void aCoordinatorKilledMidSweepIsResumedWithoutRecomputingOrDuplicates() throws Exception {
        Path out = tmp.resolve("killed-coordinator");
        Process coordinator = fork(tmp.resolve("coordinator.err"), concat(SWEEP, List.of("--out", out.toString(),
                "--cluster", "--cluster-port", Integer.toString(basePort()), "--members", members, "--threads", "1")));
        try {
            await(() -> rows(out) >= POINTS / 8 || !coordinator.isAlive(), 90,
                    "the coordinator wrote rows: " + read(tmp.resolve("coordinator.err")));
        } finally {
            coordinator.destroyForcibly();
        }
        coordinator.waitFor(10, TimeUnit.SECONDS);
        mark("coordinator killed");
        List<String> left = Files.readAllLines(out.resolve("results.csv"));
        int complete = rows(out);
        assertTrue(complete < POINTS, "the kill landed mid-sweep: " + complete + " of " + POINTS + " rows");
        Set<String> distinct = new HashSet<>(left);
        assertEquals(left.size(), distinct.size(), "no row twice in the file the coordinator left");

        MainTest.Result r = coherent(args(out, "--resume", "--cluster", "--cluster-port", Integer.toString(basePort()),
                "--members", members, "--threads", "1", "--point-timeout", "60", "--json"));
        assertEquals(0, r.code(), r.err());
        mark("resumed");
        JsonNode summary = Reports.JSON.readTree(r.out());
        System.out.printf("killed coordinator: %d complete rows at the kill; %s%n", complete, r.out().strip());
        assertEquals(complete, summary.get("resumed").asInt());
        assertEquals(POINTS - complete, summary.get("computed").asInt());
        assertEquals(POINTS - complete, summary.get("dispatched").asInt(), "no finished point is evaluated again");
        assertEquals(0, summary.get("duplicates").asInt());
        List<String> resumed = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(reference, SweepResumeTest.withoutSeconds(resumed));
        for (String row : left.subList(1, left.size())) {
            if (row.endsWith(",ok,")) {
                assertTrue(resumed.contains(row), "a finished point is kept as it was: " + row);
            }
        }
    }

    private static String[] args(Path out, String... more) {
        return concat(SWEEP, concat(List.of("--out", out.toString()), List.of(more))).toArray(String[]::new);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Process fork(Path stderr, String... args) throws IOException {
        return fork(stderr, List.of(args));
    }

    private static Process fork(Path stderr, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile()).start();
    }

    /** Complete rows (ended by a line break) of the results file so far. */
    private static int rows(Path dir) {
        String text = read(dir.resolve("results.csv"));
        return (int) Math.max(0, text.chars().filter(c -> c == '\n').count() - 1);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void await(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
            Thread.sleep(20);
        }
    }

    /**
     * Where a member starts looking for a free port (Hazelcast takes the next free one above it): random in a range
     * few other programs use, so that members of other tests running at the same time rarely start at the same place.
     */
    private static int basePort() {
        return 20_000 + RANDOM.nextInt(20_000);
    }

    private static final java.util.Random RANDOM = new java.util.Random();

    /** The Hazelcast port a forked member bound, from the line it logs when it has joined. */
    private static int boundPort(Path log) throws InterruptedException {
        java.util.regex.Pattern joined = java.util.regex.Pattern.compile("joined the cluster as \\S+ \\(\\[?127\\.0\\.0\\.1\\]?:(\\d+)");
        await(() -> joined.matcher(read(log)).find(), 60, "the member joined: " + read(log));
        java.util.regex.Matcher m = joined.matcher(read(log));
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }
}
