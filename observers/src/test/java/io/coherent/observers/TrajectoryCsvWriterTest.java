package io.coherent.observers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.ObservableSet;
import io.coherent.integrators.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrajectoryCsvWriterTest {

    @TempDir
    Path dir;

    private static Sample sample(double t, double jx, double jz) {
        Map<String, Estimate> m = new LinkedHashMap<>();
        // deliberately not in the writer's column order
        m.put("Jz", new Estimate(jz, 0));
        m.put("Jx", new Estimate(jx, 1e-9));
        return new Sample(t, new ObservableSet(m));
    }

    @Test
    void headerThenOneFlushedLinePerSample() throws IOException {
        Path out = dir.resolve("nested/run");
        try (TrajectoryCsvWriter w = new TrajectoryCsvWriter(out, List.of("Jx", "Jz"))) {
            assertEquals(out.resolve("trajectory.csv"), w.file());
            assertEquals(List.of("t,Jx,Jz"), Files.readAllLines(w.file()));
            w.accept(sample(0, 0.5, -1));
            // readable before close: every line is flushed
            assertEquals(List.of("t,Jx,Jz", "0.0,0.5,-1.0"), Files.readAllLines(w.file()));
            w.accept(sample(0.25, 1e-12, Double.NaN));
            assertEquals(2, w.rows());
        }
        List<String> lines = Files.readAllLines(out.resolve("trajectory.csv"));
        assertEquals(List.of("t,Jx,Jz", "0.0,0.5,-1.0", "0.25,1.0E-12,NaN"), lines);
        assertEquals(1e-12, Double.parseDouble(lines.get(2).split(",")[1]));
    }

    @Test
    void unknownObservableAndClosedWriterAreErrors() {
        TrajectoryCsvWriter w = new TrajectoryCsvWriter(dir, List.of("Jy"));
        assertThrows(IllegalArgumentException.class, () -> w.accept(sample(0, 1, 2)));
        w.close();
        w.close();
        assertThrows(IllegalStateException.class, () -> w.accept(sample(0, 1, 2)));
    }

    @Test
    void unwritableDirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertThrows(java.io.UncheckedIOException.class, () -> new TrajectoryCsvWriter(file, List.of("Jx")));
    }
}
