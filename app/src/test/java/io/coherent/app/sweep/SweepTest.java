package io.coherent.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.config.Scenario;
import io.coherent.core.bath.InvalidModelException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {

    @TempDir
    Path tmp;

    /** The real steady state, except that theta = 0 and theta in (0.5, 0.9) are refused. */
    static final class RefusingEvaluator implements PointEvaluator {
        private final SteadyStateEvaluator steady = new SteadyStateEvaluator();

        @Override
        public String description() {
            return "test";
        }

        @Override
        public PointResult evaluate(Scenario scenario) {
            double theta = scenario.parameters().get("theta");
            if (theta == 0 || theta > 0.5 && theta < 0.9) {
                throw new InvalidModelException("theta", "theta = " + theta + " refused, for the test");
            }
            return steady.evaluate(scenario);
        }
    }

    @Test
    void failedPointsAreRecordedWithTheirReasonAndTheSweepGoesOn() throws IOException {
        for (int threads : new int[] {1, 2}) {
            Grid grid = new Grid(List.of(Axis.parse("theta=0:1.2:7"), Axis.parse("T=0.5:1:2")));
            Sweep sweep = Sweep.prepare("partial-collective", List.of("gamma=1"), grid, new RefusingEvaluator());
            Path dir = tmp.resolve("t" + threads);
            Sweep.Summary summary;
            try (ResultsCsv csv = new ResultsCsv(dir, grid, sweep.observables())) {
                summary = sweep.run(threads, csv);
            }
            // theta = 0, 0.6, 0.8 fail, at both temperatures
            assertEquals(new Sweep.Summary(14, 6, 0, summary.wallSeconds(), summary.cpuSeconds(),
                    summary.processCpuSeconds(), threads, 14,
                    new PointLedger.Stats(0, 14, 14, 0, 0)), summary);
            assertTrue(summary.cpuSeconds() > 0 && summary.cpuSeconds() < 60, "CPU time " + summary.cpuSeconds());
            List<String> lines = Files.readAllLines(dir.resolve(ResultsCsv.FILE_NAME));
            assertEquals(15, lines.size());
            List<String> header = List.of(lines.get(0).split(","));
            assertEquals("Jx", header.get(3));
            for (int i = 0; i < 14; i++) {
                String line = lines.get(i + 1);
                assertTrue(line.startsWith(i + ","), line);
                double theta = Double.parseDouble(line.split(",")[1]);
                assertEquals(1.2 * (i / 2) / 6, theta, 1e-15);
                boolean refused = i / 2 == 0 || i / 2 == 3 || i / 2 == 4;
                if (refused) {
                    assertTrue(line.endsWith(",failed,\"theta: theta = " + theta + " refused, for the test\""), line);
                    assertTrue(line.contains(",,,"), "no values: " + line);
                } else {
                    assertTrue(line.endsWith(",ok,"), line);
                    assertEquals(header.size(), line.split(",", -1).length, line);
                }
            }
        }
    }

    @Test
    void aSinkFailureStopsTheSweepAndIsRethrown() {
        Grid grid = new Grid(List.of(Axis.parse("theta=0.1:1.2:40")));
        Sweep sweep = Sweep.prepare("partial-collective", List.of(), grid, new SteadyStateEvaluator());
        List<Integer> seen = new ArrayList<>();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> sweep.run(2, o -> {
            seen.add(o.point().index());
            if (seen.size() == 3) {
                throw new UncheckedIOException("disk full", new IOException("disk full"));
            }
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals(3, seen.size(), "nothing is delivered after the sink failed: " + seen);
    }

    @Test
    void progressLinesAndEstimateOfTimeLeft() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong();
        Progress p = new Progress(new PrintWriter(text), false, 5, 4, now::get);
        Grid grid = new Grid(List.of(Axis.parse("x=0:1:4")));
        PointOutcome failed = new PointOutcome(grid.point(0), null, "no", 0);
        now.set(2_000_000_000L);
        p.accept(failed);
        assertEquals("", text.toString(), "nothing before the interval");
        now.set(6_000_000_000L);
        p.accept(failed);
        now.set(60_000_000_000L);
        p.accept(failed);
        p.accept(failed);
        p.finish();
        assertEquals("""
                sweep: 2/4 points (50%), 2 failed, 6.0 s elapsed, about 6.0 s left
                sweep: 3/4 points (75%), 3 failed, 1 min 00 s elapsed, about 20.0 s left
                sweep: 4/4 points (100%), 4 failed, 1 min 00 s elapsed, done
                """, text.toString().replace(System.lineSeparator(), "\n"));

        StringWriter bar = new StringWriter();
        Progress terminal = new Progress(new PrintWriter(bar), true, 5, 4, now::get);
        now.addAndGet(1_000_000_000L);
        terminal.accept(failed);
        assertTrue(bar.toString().startsWith("\r[#######.......................] 1/4 points (25%), 1 failed, 1.0 s elapsed, "
                + "about 3.0 s left"), bar.toString());
    }
}
