package io.coherent.observers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            assertEquals(List.of("t,Jx,Jx_error,Jz,Jz_error,converged"), Files.readAllLines(w.file()));
            w.accept(sample(0, 0.5, -1));
            // readable before close: every line is flushed
            assertEquals(List.of("t,Jx,Jx_error,Jz,Jz_error,converged", "0.0,0.5,1.0E-9,-1.0,0.0,true"), Files.readAllLines(w.file()));
            w.accept(sample(0.25, 1e-12, Double.NaN));
            assertEquals(2, w.rows());
        }
        List<String> lines = Files.readAllLines(out.resolve("trajectory.csv"));
        assertEquals(List.of("t,Jx,Jx_error,Jz,Jz_error,converged", "0.0,0.5,1.0E-9,-1.0,0.0,true", "0.25,1.0E-12,1.0E-9,NaN,0.0,true"), lines);
        assertEquals(1e-12, Double.parseDouble(lines.get(2).split(",")[1]));
    }

    /** A batch is written whole at flush (or close), never in part: a killed run leaves only complete lines. */
    @Test
    void appendedLinesAreWrittenTogetherAtFlush() throws IOException {
        try (TrajectoryCsvWriter w = new TrajectoryCsvWriter(dir, List.of("Jx", "Jz"))) {
            w.append(sample(0, 0.5, -1));
            w.append(sample(0.5, 0.25, -0.5));
            assertEquals(List.of("t,Jx,Jx_error,Jz,Jz_error,converged"), Files.readAllLines(w.file()), "nothing before the flush");
            assertEquals(2, w.rows());
            w.flush();
            assertEquals(List.of("t,Jx,Jx_error,Jz,Jz_error,converged", "0.0,0.5,1.0E-9,-1.0,0.0,true", "0.5,0.25,1.0E-9,-0.5,0.0,true"), Files.readAllLines(w.file()));
            w.append(sample(1, 0.125, 0));
        }
        assertEquals("1.0,0.125,1.0E-9,0.0,0.0,true", Files.readAllLines(dir.resolve("trajectory.csv")).get(3), "close flushes");
    }

    /**
     * Numbers are the shortest decimals that read back as the same double (Double.parseDouble is the reference),
     * never longer than Java's own Double.toString, in its format (1.0E-12, NaN).
     */
    @Test
    void numbersReadBackExactlyAndAreNoLongerThanJavas() throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        double[] xs = new double[5000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-300, 300));
        }
        xs[0] = 2e23;
        xs[1] = Double.MIN_VALUE;
        xs[2] = -0.0;
        try (TrajectoryCsvWriter w = new TrajectoryCsvWriter(dir, List.of("Jx", "Jz"))) {
            for (double x : xs) {
                w.append(sample(x, x, x));
            }
        }
        List<String> lines = Files.readAllLines(dir.resolve("trajectory.csv"));
        for (int i = 0; i < xs.length; i++) {
            String cell = lines.get(i + 1).split(",")[1];
            assertEquals(Double.doubleToRawLongBits(xs[i]), Double.doubleToRawLongBits(Double.parseDouble(cell)), cell);
            assertTrue(cell.length() <= Double.toString(xs[i]).length(), cell + " vs " + xs[i]);
            assertEquals(Double.toString(xs[i]).contains("E"), cell.contains("E"), cell + " vs " + xs[i]);
        }
        assertEquals("2.0E23", lines.get(1).split(",")[1], "Java 17 writes 1.9999999999999998E23");
    }

    /** The last column says whether the sample met its tolerance, as the sample says. */
    @Test
    void theLastColumnIsTheSamplesConvergedFlag() throws IOException {
        try (TrajectoryCsvWriter w = new TrajectoryCsvWriter(dir, List.of("Jx", "Jz"))) {
            Sample s = sample(1, 0.5, -1);
            w.accept(new Sample(s.t(), s.observables(), Double.NaN, "", false));
        }
        assertEquals("1.0,0.5,1.0E-9,-1.0,0.0,false", Files.readAllLines(dir.resolve("trajectory.csv")).get(1));
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
