package io.coherent.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.app.sweep.Axis;
import io.coherent.app.sweep.Grid;
import io.coherent.app.sweep.PointOutcome;
import io.coherent.app.sweep.ScenarioSource;
import io.coherent.app.sweep.Sweep;
import io.coherent.app.sweep.SweepDefinition;
import io.coherent.app.sweep.SweepRun;
import io.coherent.app.sweep.Variant;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cluster path carries variants: a worker prepares the sweep from the coordinator's definition (JSON) and computes
 * every point of every variant, and the outcomes equal those of the same sweep in one process. Coordinator and worker
 * share one Vert.x event bus here (the clustered bus carries the same messages; ClusteredSweepTest forks real JVMs).
 */
class VariantsOverTheBusTest {
    static final SweepDefinition DEFINITION = new SweepDefinition(ScenarioSource.of("coupled-qubits"), List.of("J2=J1"),
            new Grid(List.of(Axis.parse("J1=log:0.01:1:3")), List.of(Variant.parse("secular:method=secular"),
                    Variant.parse("local:method=local-lindblad,T1=3"), Variant.parse("heom:method=heom"))),
            SweepDefinition.STEADY);

    @Test
    void theDefinitionKeepsItsVariantsAndTheirFingerprint() {
        SweepDefinition back = SweepDefinition.fromJson(new JsonObject(DEFINITION.toJson().encode()));
        assertEquals(DEFINITION.grid().variants(), back.grid().variants());
        assertEquals(DEFINITION.fingerprint(), back.fingerprint());
        SweepDefinition plain = new SweepDefinition(DEFINITION.scenario(), DEFINITION.overrides(),
                new Grid(DEFINITION.grid().axes()), SweepDefinition.STEADY);
        assertNotEquals(plain.fingerprint(), DEFINITION.fingerprint());
        assertTrue(!plain.toJson().containsKey("variants"), "a sweep without variants keeps its former JSON (--resume)");
    }

    @Test
    void aWorkerComputesEveryVariantsPointsAsThisProcessWould() throws Exception {
        Sweep sweep = DEFINITION.prepare();
        List<PointOutcome> here = new ArrayList<>();
        sweep.run(1, here::add);

        List<PointOutcome> there = Collections.synchronizedList(new ArrayList<>());
        StringWriter log = new StringWriter();
        Vertx vertx = Vertx.vertx();
        try {
            SweepRun run = new SweepRun(sweep, List.of(), Long.MAX_VALUE, System::nanoTime, there::add);
            SweepCoordinator.deploy(vertx, DEFINITION, run, new PrintWriter(log, true)).await();
            vertx.deployVerticle(new SweepWorker("worker-1", BuildFingerprint.current(), 1, new PrintWriter(log, true),
                    Promise.promise())).await();
            assertEquals(9, run.run(0).ledger().completed(), log.toString());
        } finally {
            vertx.close().await();
        }
        assertEquals(9, there.size());
        there.sort(Comparator.comparingInt(o -> o.point().index()));
        here.sort(Comparator.comparingInt(o -> o.point().index()));
        for (int i = 0; i < 9; i++) {
            PointOutcome a = here.get(i);
            PointOutcome b = there.get(i);
            assertEquals(a.point(), b.point());
            assertEquals(a.failure(), b.failure(), "point " + i);
            assertEquals(a.result(), b.result(), "point " + i);
            assertEquals(i >= 6, b.failed(), "the heom variant fails on the flat spectrum: " + b.failure());
        }
    }
}
