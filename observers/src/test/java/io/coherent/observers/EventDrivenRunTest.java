package io.coherent.observers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.integrators.IntegratorSettings;
import io.coherent.integrators.OutputGrid;
import io.coherent.integrators.RunMetrics;
import io.coherent.integrators.RunPlan;
import io.coherent.integrators.Sample;
import io.coherent.integrators.SteadyStateCriterion;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventDrivenRunTest {
    private static final int WINDOW = 16;
    private static Vertx vertx;

    @TempDir
    Path dir;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx(EventDrivenRun.vertxOptions());
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().await();
    }

    private static RunReport run(String id, Decays g, RunPlan plan, List<SampleObserver> observers,
                                 List<LiveSubscription> live) {
        return new EventDrivenRun(vertx, WINDOW, 3000)
                .start(new RunRequest(id, g, IntegratorSettings.DEFAULT, plan, observers, List.of(), live)).await();
    }

    private static List<String> csv(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("trajectory.csv"));
    }

    private static double count(RunReport r, String meter, String subscriber) {
        var search = r.metrics().find(meter);
        return (subscriber == null ? search : search.tag("subscriber", subscriber)).counter().count();
    }

    /** Answers each sample 5 ms later, without ever blocking its event loop. */
    private static MessageConsumer<Object> slowSubscriber(String address, AtomicLong received) {
        MessageConsumer<Object> c = vertx.eventBus().localConsumer(address, m -> {
            received.incrementAndGet();
            vertx.setTimer(5, id -> m.reply("ok"));
        });
        c.completion().await();
        return c;
    }

    @Test
    void aSlowLiveSubscriberNeitherSlowsTheRunNorLosesTheWritersSamples() throws IOException {
        Decays g = new Decays(1, 0);
        OutputGrid grid = OutputGrid.uniform(0, 20, 2001);
        AtomicLong received = new AtomicLong();
        MessageConsumer<Object> slow = slowSubscriber("test.slow", received);
        RunAddress address = new RunAddress("slow-live");
        RunReport r = run("slow-live", g, RunPlan.of(grid), List.of(new TrajectoryWriter(address, dir, g.observableNames())),
                List.of(new LiveSubscription("plot", "test.slow", 1)));
        long seenByTheSubscriber = received.get();
        slow.unregister().await();
        assertNull(r.outcome().failure(), r.outcome().failure());
        assertFalse(g.onEventLoop.get(), "the integration never runs on an event loop");

        List<String> lines = csv(dir);
        assertEquals(2002, lines.size(), "header and every sample");
        for (int i = 0; i < 2001; i++) {
            assertEquals(grid.time(i), Double.parseDouble(lines.get(i + 1).split(",")[0]), 1e-12, "in order");
        }
        assertEquals(2001, Files.readAllLines(dir.resolve("trajectory.jsonl")).size());

        double dropped = count(r, RunMetrics.DROPPED, "plot");
        double delivered = count(r, RunMetrics.DELIVERED, "plot");
        assertEquals(2001, count(r, RunMetrics.PUBLISHED, null));
        assertTrue(dropped > 1000, "the busy subscriber misses most samples: dropped " + dropped);
        assertTrue(delivered + dropped <= 2001, delivered + " + " + dropped);
        // the run ended having handed the subscriber fewer than half of its samples: it never waited for it (counted,
        // not timed: speed belongs in benchmarks)
        assertTrue(seenByTheSubscriber < 1001, "the subscriber saw " + seenByTheSubscriber + " of 2001 samples");
    }

    /** Records how far the run got ahead of it, and takes 1 ms per sample on a worker thread. */
    private static final class SlowProbe extends SampleObserver {
        private final Decays generator;
        private long seen;
        long maxLag;

        SlowProbe(RunAddress run, Decays generator) {
            super("probe", List.of(run));
            this.generator = generator;
        }

        @Override
        public DeploymentOptions deploymentOptions() {
            return new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER);
        }

        @Override
        protected void onSample(RunAddress run, Sample sample) {
            seen++;
            maxLag = Math.max(maxLag, generator.observed.get() - seen);
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        protected JsonObject summary() {
            return new JsonObject().put("seen", seen).put("max_lag", maxLag);
        }
    }

    @Test
    void theRunWaitsForAnObserverThatMustSeeEverySample() throws IOException {
        Decays g = new Decays(1, 0);
        RunAddress address = new RunAddress("slow-probe");
        RunReport r = run("slow-probe", g, RunPlan.of(OutputGrid.uniform(0, 5, 301)),
                List.of(new SlowProbe(address, g), new TrajectoryWriter(address, dir, g.observableNames())), List.of());
        assertNull(r.outcome().failure());
        JsonObject probe = r.observers().get("probe");
        assertEquals(301, probe.getLong("seen"));
        // observed but unacknowledged: the window, plus a batch (at most the window) still being collected
        assertTrue(probe.getLong("max_lag") <= 2 * WINDOW + 1, "bounded lag: " + probe);
        assertTrue(probe.getLong("max_lag") >= WINDOW - 1, "the window was used: " + probe);
        assertEquals(302, csv(dir).size());
    }

    /**
     * Runs hosted one after the other and side by side on one Vert.x instance with a single event loop (as
     * {@code coherent run} configures it) keep to themselves: each writer has exactly its own run's samples, in
     * order, and each recorder its own run's values (compared with the closed form of each run's decay).
     */
    @Test
    void runsSharingOneEventLoopStayIsolated() throws IOException {
        Vertx single = Vertx.vertx(EventDrivenRun.singleRunOptions());
        try {
            Decays slow = new Decays(1, 0);
            Decays fast = new Decays(0.25, 0.1);
            List<RunRequest> requests = List.of(isolated("iso-a", slow, 201), isolated("iso-b", fast, 101),
                    isolated("iso-c", slow, 51));
            EventDrivenRun runtime = new EventDrivenRun(single, WINDOW, 3000);
            // a, then b and c at the same time
            List<RunReport> reports = new java.util.ArrayList<>(List.of(runtime.start(requests.get(0)).await()));
            reports.addAll(io.vertx.core.Future.all(runtime.start(requests.get(1)), runtime.start(requests.get(2)))
                    .await().<RunReport>list());
            Decays[] generators = {slow, fast, slow};
            int[] points = {201, 101, 51};
            for (int k = 0; k < 3; k++) {
                RunReport r = reports.get(k);
                assertNull(r.outcome().failure());
                assertEquals(requests.get(k).address(), r.run());
                List<String> lines = csv(dir.resolve(r.run().runId()));
                assertEquals(points[k] + 1, lines.size(), r.run().runId());
                for (int i = 1; i < lines.size(); i++) {
                    String[] cells = lines.get(i).split(",");
                    double t = 4.0 * (i - 1) / (points[k] - 1);
                    assertEquals(t, Double.parseDouble(cells[0]), 1e-12);
                    assertEquals(generators[k].value(1, t), Double.parseDouble(cells[3]), 1e-7, lines.get(i));
                }
                JsonObject jz = r.observers().get("population_difference").getJsonObject("Jz");
                assertEquals(points[k], jz.getLong("samples"));
                assertEquals(generators[k].value(1, 4), jz.getDouble("last"), 1e-7);
                assertEquals(points[k], r.observers().get("writer").getLong("rows"));
            }
        } finally {
            single.close().await();
        }
    }

    private RunRequest isolated(String id, Decays g, int points) {
        RunAddress a = new RunAddress(id);
        return new RunRequest(id, g, IntegratorSettings.DEFAULT, RunPlan.of(OutputGrid.uniform(0, 4, points)),
                List.of(new TrajectoryWriter(a, dir.resolve(id), g.observableNames()),
                        ObservableRecorder.populationDifference(a)), List.of(), List.of());
    }

    @Test
    void recordersFollowTheirObservablesByName() {
        Decays g = new Decays(1, 0);
        RunAddress a = new RunAddress("recorders");
        RunReport r = run("recorders", g, RunPlan.of(OutputGrid.uniform(0, 4, 41)), List.of(ObservableRecorder.coherence(a),
                ObservableRecorder.populationDifference(a), ObservableRecorder.energyCurrent(a)), List.of());
        assertEquals(List.of("Jx", "coherence_l1"), List.copyOf(r.observers().get("coherence").fieldNames()));
        assertEquals(List.of("Jz"), List.copyOf(r.observers().get("population_difference").fieldNames()));
        assertEquals(List.of("energy_current.hot"), List.copyOf(r.observers().get("energy_current").fieldNames()));
        JsonObject jz = r.observers().get("population_difference").getJsonObject("Jz");
        assertEquals(41, jz.getLong("samples"));
        assertEquals(g.value(1, 4), jz.getDouble("last"), 1e-9);
        assertEquals(g.value(1, 4), jz.getDouble("min"), 1e-9);
        assertEquals(4.0, jz.getDouble("t_min"));
        assertEquals(1.0, jz.getDouble("max"));
        assertEquals(0.0, jz.getDouble("t_max"));
    }

    @Test
    void theConvergenceWatcherCanStopTheRun() {
        Decays g = new Decays(1, 0);
        RunAddress a = new RunAddress("converge");
        // slowest relaxation time 2: the 10 x tau rule allows convergence from t = 20
        var watcher = new ConvergenceWatcher(a, new SteadyStateCriterion(1e-6, 1e-4, 1, 10), g.slowestRelaxationTime(), true);
        RunReport r = run("converge", g, RunPlan.of(OutputGrid.uniform(0, 100, 1001)), List.of(watcher), List.of());
        assertNull(r.outcome().failure());
        JsonObject c = r.observers().get("convergence");
        assertTrue(c.getBoolean("converged"), c.encode());
        double at = c.getDouble("time");
        assertTrue(at >= 20 && at < 40, c.encode());
        assertTrue(r.outcome().stoppedBy().startsWith("converged at t = "), r.outcome().stoppedBy());
        double end = r.outcome().last().t();
        assertTrue(end >= at && end < at + 5, "stopped soon after the watcher asked: " + end + " vs " + at);
    }

    @Test
    void comparesTwoRunsSampleBySample() {
        Decays g1 = new Decays(1, 0);
        Decays g2 = new Decays(1, 0.01);
        RunAddress a = new RunAddress("cmp-a");
        RunAddress b = new RunAddress("cmp-b");
        RunComparison cmp = new RunComparison(a, g1.slowestRelaxationTime(), b, OptionalDouble.of(7));
        vertx.deployVerticle(cmp).await();
        EventDrivenRun runtime = new EventDrivenRun(vertx, WINDOW, 3000);
        RunPlan plan = RunPlan.of(OutputGrid.uniform(0, 10, 101));
        var fa = runtime.start(new RunRequest("cmp-a", g1, IntegratorSettings.DEFAULT, plan, List.of(), List.of("comparison"), List.of()));
        var fb = runtime.start(new RunRequest("cmp-b", g2, IntegratorSettings.DEFAULT, plan, List.of(), List.of("comparison"), List.of()));
        assertNull(fa.await().outcome().failure());
        assertNull(fb.await().outcome().failure());
        JsonObject s = vertx.eventBus().<JsonObject>request(a.observer("comparison"), "summary").await().body();
        assertEquals(101, s.getLong("matched_times"));
        JsonObject jx = s.getJsonObject("max_abs_difference").getJsonObject("Jx");
        // Jx differs by 0.01 (1 - e^{-t}): largest at t = 10
        assertEquals(0.01 * (1 - Math.exp(-10)), jx.getDouble("value"), 1e-9);
        assertEquals(10.0, jx.getDouble("t"));
        assertTrue(s.getJsonObject("max_abs_difference").getJsonObject("Jz").getDouble("value") < 1e-9);
        assertEquals(2.0, s.getJsonObject("cmp-a").getDouble("relaxation_time"));
        assertEquals(7.0, s.getJsonObject("cmp-b").getDouble("relaxation_time"));
        assertEquals(10.0, s.getJsonObject("cmp-b").getDouble("end_time"));
        vertx.undeploy(cmp.deploymentID()).await();
    }
}
