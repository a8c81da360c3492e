package io.coherent.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.app.sweep.Axis;
import io.coherent.app.sweep.Grid;
import io.coherent.app.sweep.PointOutcome;
import io.coherent.app.sweep.PointResult;
import io.coherent.app.sweep.ScenarioSource;
import io.coherent.app.sweep.Sweep;
import io.coherent.app.sweep.SweepDefinition;
import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.ObservableSet;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What crosses the bus: outcomes and sweep definitions survive the JSON text exactly. */
class PointJsonTest {

    @Test
    void outcomesSurviveTheBusToTheLastBit() {
        SweepDefinition d = new SweepDefinition(ScenarioSource.of("partial-collective"), List.of("gamma=0.5"),
                new Grid(List.of(Axis.parse("theta=0.1:pi/2:4"), Axis.parse("T=log:0.1:3:3"))), SweepDefinition.STEADY);
        Sweep sweep = d.prepare();
        for (int i = 0; i < d.grid().size(); i++) {
            PointOutcome o = sweep.evaluate(d.grid().point(i));
            assertEquals(o, overTheBus(o, d.grid()));
        }
        Map<String, Estimate> odd = new LinkedHashMap<>();
        odd.put("a", new Estimate(-0.0, Double.MIN_VALUE));
        odd.put("b", new Estimate(Double.NaN, Double.POSITIVE_INFINITY));
        odd.put("c", new Estimate(0.1 + 0.2, 1e-300));
        PointOutcome special = new PointOutcome(d.grid().point(3), new PointResult(new ObservableSet(odd), false, false,
                Double.NaN, Double.NEGATIVE_INFINITY), null, 1.5);
        assertEquals(special, overTheBus(special, d.grid()));
        assertEquals(Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(overTheBus(special, d.grid()).result().observables().value("a")));
        PointOutcome failed = new PointOutcome(d.grid().point(11), null, "T = -1 refused, \"quoted\", twice", 0.25);
        assertEquals(failed, overTheBus(failed, d.grid()));
        assertThrows(IllegalArgumentException.class, () -> PointJson.decode(new JsonObject().put("point", 12), d.grid()));
        assertThrows(IllegalArgumentException.class, () -> PointJson.decode(new JsonObject().put("point", "x"), d.grid()));
    }

    @Test
    void aDefinitionRebuildsTheSameSweepAndItsFingerprintTellsSweepsApart() {
        String yaml = "preset: partial-collective\nparameters: {gamma: 0.5}\n";
        SweepDefinition d = new SweepDefinition(new ScenarioSource(null, "dir/pc.yaml", yaml), List.of("kappa=-pi/8",
                "until=3"), new Grid(List.of(Axis.parse("theta=pi/400:pi/2:5"))), SweepDefinition.RUN);
        SweepDefinition back = SweepDefinition.fromJson(new JsonObject(d.toJson().encode()));
        assertEquals(d.fingerprint(), back.fingerprint());
        assertEquals(d.scenario(), back.scenario());
        assertEquals(d.overrides(), back.overrides());
        for (int k = 0; k < 5; k++) {
            assertEquals(d.grid().point(k), back.grid().point(k));
        }
        Sweep sweep = back.prepare();
        assertEquals("pc", sweep.base().name(), "named after the file, as if it were read there");
        assertEquals(d.prepare().evaluate(d.grid().point(2)).result(), sweep.evaluate(back.grid().point(2)).result());

        assertNotEquals(d.fingerprint(), new SweepDefinition(new ScenarioSource(null, "dir/pc.yaml", yaml + "\n"),
                d.overrides(), d.grid(), d.evaluation()).fingerprint());
        assertNotEquals(d.fingerprint(), new SweepDefinition(d.scenario(), List.of("kappa=-pi/8"), d.grid(),
                d.evaluation()).fingerprint());
        assertNotEquals(d.fingerprint(), new SweepDefinition(d.scenario(), d.overrides(),
                new Grid(List.of(Axis.parse("theta=pi/400:pi/2:6"))), d.evaluation()).fingerprint());
        assertNotEquals(d.fingerprint(), new SweepDefinition(d.scenario(), d.overrides(), d.grid(),
                SweepDefinition.STEADY).fingerprint());
        assertEquals(d.fingerprint(), new SweepDefinition(d.scenario(), d.overrides(),
                new Grid(List.of(Axis.parse("theta=0.007853981633974483:1.5707963267948966:5"))), d.evaluation())
                .fingerprint(), "the same grid written differently is the same sweep");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepDefinition.fromJson(new JsonObject()))
                .getMessage().startsWith("not a sweep definition"));
    }

    private static PointOutcome overTheBus(PointOutcome o, Grid grid) {
        return PointJson.decode(new JsonObject(PointJson.encode(o).encode()), grid);
    }
}
