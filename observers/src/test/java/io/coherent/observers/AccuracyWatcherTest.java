package io.coherent.observers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.observables.SampleTolerance;
import io.coherent.integrators.Sample;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The accuracy watcher's spans of samples not converged, the furthest estimate, and the flag on the wire. */
class AccuracyWatcherTest {
    private static final SampleTolerance TOLERANCE = new SampleTolerance(1e-8, 1e-8, "quadrature_tolerance 1.0E-8");
    private static final RunAddress RUN = new RunAddress("accuracy-test");

    private static Sample sample(double t, double error) {
        Map<String, Estimate> m = new LinkedHashMap<>();
        m.put("Jx", new Estimate(0.5, error));
        m.put("Jy", new Estimate(0.1, 1e-12));
        ObservableSet o = new ObservableSet(m);
        return new Sample(t, o, 0, "", TOLERANCE.met(o));
    }

    @Test
    void spansOfSamplesBeyondTheToleranceAndTheFurthestEstimate() {
        AccuracyWatcher w = new AccuracyWatcher(RUN, TOLERANCE);
        double[] errors = {0, 1e-9, 2e-8, 3e-7, 1e-9, 4e-8, Double.NaN, 1e-10};
        for (int i = 0; i < errors.length; i++) {
            w.onSample(RUN, sample(i, errors[i]));
        }
        JsonObject s = w.summary();
        assertEquals(8, s.getLong("samples"));
        assertEquals(4, s.getLong("not_converged"), s.encode());
        assertFalse(s.getBoolean("converged"));
        assertEquals(List.of(List.of(2.0, 3.0, 2L), List.of(5.0, 6.0, 2L)), s.getJsonArray("spans").stream()
                .map(o -> (JsonObject) o).map(o -> List.of(o.getValue("from"), o.getValue("to"), o.getValue("samples")))
                .map(l -> List.of(((Number) l.get(0)).doubleValue(), ((Number) l.get(1)).doubleValue(),
                        ((Number) l.get(2)).longValue())).toList());
        // a NaN estimate is the furthest from any tolerance
        assertEquals(6.0, s.getJsonObject("worst").getDouble("t"));
        assertEquals("Jx", s.getJsonObject("worst").getString("name"));
        assertEquals("quadrature_tolerance 1.0E-8", s.getString("tolerance"));
    }

    @Test
    void allConvergedAndTheFlagOnTheWire() {
        AccuracyWatcher w = new AccuracyWatcher(RUN, TOLERANCE);
        w.onSample(RUN, sample(0, 0));
        w.onSample(RUN, sample(1, 1e-9));
        assertTrue(w.summary().getBoolean("converged"));
        assertTrue(w.summary().getJsonArray("spans").isEmpty());
        assertTrue(SampleJson.sample(1, sample(1, 1e-9)).getBoolean("converged"));
        assertFalse(SampleJson.sample(2, sample(2, 1e-7)).getBoolean("converged"));
    }

    @Test
    void spansBeyondTheLimitAreCountedNotKept() {
        AccuracyWatcher w = new AccuracyWatcher(RUN, TOLERANCE);
        for (int i = 0; i < 2 * AccuracyWatcher.MAX_SPANS + 10; i++) {
            w.onSample(RUN, sample(i, i % 2 == 0 ? 1e-6 : 0));
        }
        JsonObject s = w.summary();
        assertEquals(AccuracyWatcher.MAX_SPANS, s.getJsonArray("spans").size());
        assertEquals(5, s.getLong("spans_left_out"));
        assertEquals(AccuracyWatcher.MAX_SPANS + 5, s.getLong("not_converged"));
    }
}
