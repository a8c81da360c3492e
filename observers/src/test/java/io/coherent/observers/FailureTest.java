package io.coherent.observers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.integrators.IntegratorSettings;
import io.coherent.integrators.OutputGrid;
import io.coherent.integrators.RunPlan;
import io.coherent.integrators.Sample;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Observers that throw or vanish end the run with their reason; the writer keeps what it had. */
class FailureTest {
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

    private RunReport run(String id, List<SampleObserver> observers, List<LiveSubscription> live) {
        Decays g = new Decays(1, 0);
        List<SampleObserver> all = new ArrayList<>(observers);
        all.add(new TrajectoryWriter(new RunAddress(id), dir, g.observableNames()));
        return new EventDrivenRun(vertx, 8, 2000).start(new RunRequest(id, g, IntegratorSettings.DEFAULT,
                RunPlan.of(OutputGrid.uniform(0, 20, 2001)), all, List.of(), live)).await();
    }

    private void assertReadableTrajectoryUpTo(double t) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("trajectory.csv"));
        assertTrue(lines.get(0).startsWith("t,Jx,"));
        double last = -1;
        for (String l : lines.subList(1, lines.size())) {
            double ti = Double.parseDouble(l.split(",")[0]);
            assertTrue(ti > last, "in order");
            last = ti;
        }
        assertTrue(last >= t && last < 20, "the writer kept the samples up to the failure: " + last);
    }

    /** Throws at t >= 1, or undeploys itself there. */
    private static final class Misbehaving extends SampleObserver {
        private final boolean quits;

        Misbehaving(String name, RunAddress run, boolean quits) {
            super(name, List.of(run));
            this.quits = quits;
        }

        @Override
        protected void onSample(RunAddress run, Sample sample) {
            if (sample.t() >= 1) {
                if (quits) {
                    vertx.undeploy(deploymentID());
                } else {
                    throw new IllegalStateException("cannot plot " + sample.t());
                }
            }
        }

        @Override
        protected JsonObject summary() {
            return new JsonObject();
        }
    }

    @Test
    void anObserverThatThrows() throws IOException {
        RunReport r = run("throws", List.of(new Misbehaving("boom", new RunAddress("throws"), false)), List.of());
        assertEquals("observer 'boom' failed at t = 1.00000000: cannot plot 1.0", r.outcome().failure());
        assertReadableTrajectoryUpTo(1);
    }

    @Test
    void anObserverThatVanishes() throws IOException {
        RunReport r = run("quits", List.of(new Misbehaving("quitter", new RunAddress("quits"), true)), List.of());
        assertEquals("observer 'quitter' vanished (undeployed during the run)", r.outcome().failure());
        assertReadableTrajectoryUpTo(1);
    }

    @Test
    void aLiveSubscriberThatVanishes() throws IOException {
        AtomicLong got = new AtomicLong();
        AtomicReference<MessageConsumer<Object>> leaving = new AtomicReference<>();
        leaving.set(vertx.eventBus().localConsumer("test.leaves", m -> {
            m.reply("ok");
            if (got.incrementAndGet() == 5) {
                leaving.get().unregister();
            }
        }));
        leaving.get().completion().await();
        RunReport r = run("leaves", List.of(), List.of(new LiveSubscription("web", "test.leaves", 10)));
        assertEquals("live subscriber 'web' vanished: no handler at test.leaves", r.outcome().failure());
        assertReadableTrajectoryUpTo(0.4);
    }
}
