package io.coherent.observers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.ObservableSet;
import io.coherent.integrators.Sample;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesWriterTest {
    @TempDir
    Path dir;

    @Test
    void oneParseableFlushedLinePerSample() throws IOException {
        Map<String, Estimate> m = new LinkedHashMap<>();
        m.put("Jx", new Estimate(1e-12, 3e-9));
        m.put("energy_current.\"hot\"", new Estimate(Double.NaN, Double.POSITIVE_INFINITY));
        try (JsonLinesWriter w = new JsonLinesWriter(dir)) {
            w.accept(new Sample(0.25, new ObservableSet(m), 0.5, ""));
            assertEquals(1, Files.readAllLines(w.file()).size(), "flushed before close");
            w.accept(new Sample(0.5, new ObservableSet(m), Double.NaN, "Jx crossed 0.1\\rising"));
            assertEquals(2, w.rows());
        }
        List<String> lines = Files.readAllLines(dir.resolve("trajectory.jsonl"));
        JsonObject first = new JsonObject(lines.get(0));
        assertEquals(0.25, first.getDouble("t"));
        assertEquals("", first.getString("event"));
        assertEquals(0.5, first.getDouble("dydt"));
        assertEquals(1e-12, first.getJsonObject("observables").getJsonObject("Jx").getDouble("value"));
        assertEquals(3e-9, first.getJsonObject("observables").getJsonObject("Jx").getDouble("error"));
        JsonObject hot = first.getJsonObject("observables").getJsonObject("energy_current.\"hot\"");
        assertNull(hot.getValue("value"));
        assertNull(hot.getValue("error"));
        JsonObject second = new JsonObject(lines.get(1));
        assertEquals("Jx crossed 0.1\\rising", second.getString("event"));
        assertNull(second.getValue("dydt"));
    }
}
