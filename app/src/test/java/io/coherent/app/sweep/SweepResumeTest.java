package io.coherent.app.sweep;

import io.coherent.app.MainTest;
import io.coherent.app.cli.Reports;
import static io.coherent.app.MainTest.coherent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coherent sweep --resume} on one machine: an interrupted results file (rows in completion order, the last one
 * cut short) is completed without recomputing its points, and equals an uninterrupted sweep; another sweep's file is
 * refused. (The real interruption, a SIGKILLed coordinator, is in {@link ClusteredSweepTest}.)
 */
class SweepResumeTest {

    static final String[] GRID = {"sweep", "--param", "theta=0.1:1.5:6", "--param", "T=0.5:2:4", "--set", "gamma=0.5", "--steady"};

    @TempDir
    Path tmp;

    @Test
    void anInterruptedSweepIsCompletedWithoutRecomputingItsPoints() throws IOException {
        Path whole = tmp.resolve("whole");
        MainTest.Result reference = coherent(args(whole, "--json"));
        assertEquals(0, reference.code(), reference.err());
        List<String> rows = Files.readAllLines(whole.resolve("results.csv"));

        // what a killed sweep leaves: the header, 9 of 24 rows in completion order, a row cut short
        Path cut = tmp.resolve("cut");
        Files.createDirectories(cut);
        Files.copy(whole.resolve("sweep.json"), cut.resolve("sweep.json"));
        List<String> done = new ArrayList<>(rows.subList(1, rows.size()));
        Collections.shuffle(done, new Random(3));
        String partial = rows.get(0) + "\n" + String.join("\n", done.subList(0, 9)) + "\n"
                + done.get(9).substring(0, 25);
        Files.writeString(cut.resolve("results.csv"), partial, StandardCharsets.UTF_8);

        MainTest.Result resumed = coherent(args(cut, "--json", "--resume"));
        assertEquals(0, resumed.code(), resumed.err());
        JsonNode summary = Reports.JSON.readTree(resumed.out());
        assertEquals(9, summary.get("resumed").asInt());
        assertEquals(15, summary.get("computed").asInt());
        assertEquals(15, summary.get("dispatched").asInt(), "no resumed point is evaluated again");
        assertEquals(24, summary.get("points").asInt());
        assertEquals(withoutSeconds(rows), withoutSeconds(Files.readAllLines(cut.resolve("results.csv"))));
        for (String kept : done.subList(0, 9)) {
            assertTrue(Files.readAllLines(cut.resolve("results.csv")).contains(kept), "kept as it was: " + kept);
        }

        // a finished sweep resumes to itself
        MainTest.Result again = coherent(args(cut, "--json", "--resume"));
        assertEquals(0, again.code(), again.err());
        assertEquals(24, Reports.JSON.readTree(again.out()).get("resumed").asInt());
        assertEquals(0, Reports.JSON.readTree(again.out()).get("computed").asInt());
    }

    @Test
    void anotherSweepsResultsAreRefusedWithOneLine() throws IOException {
        Path dir = tmp.resolve("d");
        assertEquals(0, coherent(args(dir)).code());
        String before = Files.readString(dir.resolve("results.csv"));
        List<String[]> others = List.of(
                new String[] {"sweep", "--param", "theta=0.1:1.5:7", "--param", "T=0.5:2:4", "--set", "gamma=0.5", "--steady"},
                new String[] {"sweep", "--param", "theta=0.1:1.5:6", "--param", "T=0.5:2:4", "--set", "gamma=0.4", "--steady"},
                new String[] {"sweep", "--param", "theta=0.1:1.5:6", "--param", "T=0.5:2:4", "--set", "gamma=0.5", "--run",
                        "--until", "1"});
        for (String[] other : others) {
            List<String> a = new ArrayList<>(List.of(other));
            a.addAll(List.of("--out", dir.toString(), "--resume"));
            MainTest.Result r = coherent(a.toArray(String[]::new));
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("coherent: --resume: " + dir.resolve("results.csv") + " belongs to another sweep"),
                    r.err());
            assertEquals(before, Files.readString(dir.resolve("results.csv")), "untouched");
        }

        // a scenario file whose text changed is another sweep, too
        Path scenario = tmp.resolve("pc.yaml");
        Files.writeString(scenario, "preset: partial-collective\nparameters: {gamma: 0.5}\n");
        Path fromFile = tmp.resolve("f");
        String[] fileGrid = {"sweep", scenario.toString(), "--param", "theta=0.1:1.5:3", "--steady", "--out", fromFile.toString()};
        assertEquals(0, coherent(fileGrid).code());
        Files.writeString(scenario, "preset: partial-collective\nparameters: {gamma: 0.6}\n");
        MainTest.Result r = coherent(Stream.concat(Stream.of(fileGrid), Stream.of("--resume")).toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("belongs to another sweep"), r.err());

        // results without their sweep.json cannot be told apart
        Files.delete(dir.resolve("sweep.json"));
        MainTest.Result unknown = coherent(args(dir, "--resume"));
        assertEquals(2, unknown.code(), unknown.err());
        assertTrue(unknown.err().startsWith("coherent: --resume: cannot tell which sweep"), unknown.err());
        assertFalse(unknown.err().contains("\tat "), "no stack trace");
    }

    @Test
    void theDefinitionIsWrittenBeforeAnyResultSoThatAnyKillCanBeResumed() throws IOException {
        // results.csv cannot be created (a directory is in its place): the sweep stops before its first result, as a
        // sweep killed in its first moments; its definition is there already, whole, and no temporary file is left
        Path dir = tmp.resolve("early");
        Files.createDirectories(dir.resolve("results.csv"));
        MainTest.Result r = coherent(args(dir));
        assertEquals(2, r.code(), r.err());
        assertTrue(Files.exists(dir.resolve("sweep.json")), "sweep.json written first");
        assertFalse(Files.exists(dir.resolve("sweep.json.tmp")), "written by rename");
        Files.delete(dir.resolve("results.csv"));
        // the header alone, as a kill right after creating the file leaves it
        Path whole = tmp.resolve("whole");
        assertEquals(0, coherent(args(whole)).code());
        Files.writeString(dir.resolve("results.csv"), Files.readAllLines(whole.resolve("results.csv")).get(0) + "\n");
        MainTest.Result resumed = coherent(args(dir, "--json", "--resume"));
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(24, Reports.JSON.readTree(resumed.out()).get("computed").asInt());
    }

    static String[] args(Path out, String... more) {
        List<String> a = new ArrayList<>(List.of(GRID));
        a.addAll(List.of("--out", out.toString(), "--threads", "2"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** The rows without the {@code seconds} column (wall time, the only one that differs between runs). */
    static List<String> withoutSeconds(List<String> lines) {
        int seconds = List.of(lines.get(0).split(",")).indexOf("seconds");
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            List<String> kept = new ArrayList<>(List.of(cells));
            kept.remove(seconds);
            out.add(String.join(",", kept));
        }
        return out;
    }
}
