package io.coherent.app.sweep;

import static io.coherent.app.MainTest.coherent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.coherent.app.Main;
import io.coherent.app.MainTest;
import io.coherent.app.cli.Reports;
import io.coherent.app.sweep.SweepCommandTest.Csv;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** coherent sweep --variant: several methods or settings on one grid. */
class SweepVariantTest {
    /** The two-qubit model at four couplings, under three methods; heom does not apply to its flat spectrum. */
    static final List<String> SWEEP = List.of("sweep", "coupled-qubits", "--param", "J1=log:0.01:1:4", "--set", "J2=J1",
            "--steady", "--threads", "2", "--variant", "secular:method=secular",
            "--variant", "local Lindblad (T1 = 3):method=local-lindblad,T1=3", "--variant", "HEOM:method=heom");
    static final List<String> LABELS = List.of("secular", "local Lindblad (T1 = 3)", "HEOM");

    @TempDir
    Path tmp;

    private static String[] args(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void theGridIsVariantsTimesPointsWithALabelColumnAndAFigure() throws IOException {
        Path out = tmp.resolve("v");
        MainTest.Result r = coherent(args(SWEEP, "--out", out.toString(), "--json", "--plot", "energy_current.2,concurrence"));
        assertEquals(Main.RUN_FAILED, r.code(), "the heom points fail: " + r.err());
        Csv csv = Csv.read(out.resolve("results.csv"));
        assertEquals(List.of("point", "variant", "J1"), csv.header().subList(0, 3));
        assertEquals(12, csv.rows().size());
        for (int i = 0; i < 12; i++) {
            String[] row = csv.rows().get(i);
            assertEquals(Integer.toString(i), csv.cell(row, "point"));
            assertEquals(LABELS.get(i / 4), csv.cell(row, "variant"), "variant slowest");
            assertEquals(new Grid(List.of(Axis.parse("J1=log:0.01:1:4"))).point(i % 4).values().get(0),
                    csv.number(row, "J1"));
            if (i < 8) {
                assertEquals("ok", csv.cell(row, "status"));
                assertEquals("true", csv.cell(row, "converged"));
                assertTrue(csv.number(row, "energy_current.2_error") >= 0);
                assertTrue(csv.number(row, "energy_current.2") > 0, "heat flows from the hotter bath 2");
            } else {
                assertEquals("failed", csv.cell(row, "status"));
                assertTrue(csv.cell(row, "reason").contains("flat spectral density"), csv.cell(row, "reason"));
            }
        }
        JsonNode json = Reports.JSON.readTree(r.out());
        assertEquals(12, json.get("points").asInt());
        assertEquals(4, json.get("failed").asInt());
        assertEquals(LABELS.get(1), json.get("variants").get(1).get("label").asText());
        assertEquals("method=local-lindblad,T1=3", json.get("variants").get(1).get("overrides").asText());
        assertTrue(Files.size(out.resolve("plot.png")) > 10_000);
        assertTrue(Files.readString(out.resolve("plot.svg")).contains("local Lindblad (T1 = 3)"), "the legend");
    }

    /** Each variant's rows equal, bit for bit, a plain sweep with the variant's overrides given as --set. */
    @Test
    void aVariantsValuesAreThoseOfAPlainSweepWithTheSameSet() throws IOException {
        Path out = tmp.resolve("v");
        assertEquals(Main.RUN_FAILED, coherent(args(SWEEP, "--out", out.toString())).code());
        Csv variants = Csv.read(out.resolve("results.csv"));
        List<List<String>> plain = List.of(List.of("--set", "method=secular"),
                List.of("--set", "method=local-lindblad", "--set", "T1=3"));
        for (int k = 0; k < plain.size(); k++) {
            Path dir = tmp.resolve("plain-" + k);
            List<String> command = new ArrayList<>(List.of("sweep", "coupled-qubits", "--param", "J1=log:0.01:1:4",
                    "--set", "J2=J1", "--steady", "--threads", "1", "--out", dir.toString()));
            command.addAll(plain.get(k));
            MainTest.Result r = coherent(command.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            Csv reference = Csv.read(dir.resolve("results.csv"));
            assertEquals(4, reference.rows().size());
            for (int i = 0; i < 4; i++) {
                String[] row = variants.rows().get(4 * k + i);
                for (String column : reference.header()) {
                    if (!column.equals("point") && !column.equals("seconds")) {
                        assertEquals(reference.cell(reference.rows().get(i), column), variants.cell(row, column),
                                LABELS.get(k) + ", J1 = " + variants.cell(row, "J1") + ": " + column);
                    }
                }
            }
        }
    }

    @Test
    void aResumedSweepKeepsItsVariantsAndRefusesOtherVariants() throws IOException {
        List<String> sweep = SWEEP.subList(0, SWEEP.size() - 2); // two variants that apply: exit code 0
        Path whole = tmp.resolve("whole");
        assertEquals(0, coherent(args(sweep, "--out", whole.toString())).code());
        List<String> rows = Files.readAllLines(whole.resolve("results.csv"));
        Path cut = tmp.resolve("cut");
        Files.createDirectories(cut);
        Files.copy(whole.resolve("sweep.json"), cut.resolve("sweep.json"));
        List<String> done = new ArrayList<>(rows.subList(1, rows.size()));
        Collections.shuffle(done, new Random(5));
        Files.writeString(cut.resolve("results.csv"), rows.get(0) + "\n" + String.join("\n", done.subList(0, 3)) + "\n"
                + done.get(3).substring(0, 20), StandardCharsets.UTF_8);

        MainTest.Result resumed = coherent(args(sweep, "--out", cut.toString(), "--resume", "--json"));
        assertEquals(0, resumed.code(), resumed.err());
        JsonNode summary = Reports.JSON.readTree(resumed.out());
        assertEquals(3, summary.get("resumed").asInt());
        assertEquals(5, summary.get("computed").asInt());
        assertEquals(SweepResumeTest.withoutSeconds(rows),
                SweepResumeTest.withoutSeconds(Files.readAllLines(cut.resolve("results.csv"))));

        List<String> relabelled = new ArrayList<>(sweep);
        relabelled.set(relabelled.indexOf("secular:method=secular"), "Secular:method=secular");
        for (List<String> other : List.of(relabelled, sweep.subList(0, sweep.size() - 2))) {
            MainTest.Result refused = coherent(args(other, "--out", cut.toString(), "--resume"));
            assertEquals(Main.BAD_INPUT, refused.code(), refused.err());
            assertTrue(refused.err().contains("belongs to another sweep"), refused.err());
        }
    }

    static Stream<Arguments> refusals() {
        List<String> base = List.of("sweep", "coupled-qubits", "--param", "J1=log:0.01:1:3", "--set", "J2=J1", "--steady");
        return Stream.of(
                Arguments.of(base, List.of("--variant", "secular"), "no label (no colon)"),
                Arguments.of(base, List.of("--variant", " :method=secular"), "the label is empty"),
                Arguments.of(base, List.of("--variant", "a, b:method=secular"), "the label contains ','"),
                Arguments.of(base, List.of("--variant", "a:method=secular", "--variant", "a:method=redfield"),
                        "the label 'a' is used by another --variant"),
                Arguments.of(base, List.of("--variant", "a:lamb_shift"), "'lamb_shift' is not key=value"),
                Arguments.of(base, List.of("--variant", "a:foo=1"), "unknown key 'foo' for coupled-qubits; allowed keys:"),
                Arguments.of(base, List.of("--variant", "a:method=heom,lamb_shift=maybe"),
                        "lamb_shift = maybe is not allowed: expected one of true, false"),
                Arguments.of(base, List.of("--variant", "a:T1=-1"), "T1"),
                Arguments.of(base, List.of("--variant", "a:method=nosuch"), "method = nosuch is not allowed: expected one of"),
                Arguments.of(base, List.of("--variant", "a:method=secular,J1=2"), "J1, the swept parameter"),
                Arguments.of(List.of("sweep", "coupled-qubits", "--param", "J1=0.1:1:2", "--param", "J2=0.1:1:2", "--steady",
                        "--lines"), List.of("--variant", "a:method=secular"), "--lines does not go with --variant"),
                Arguments.of(base, List.of("--variant", "a:method=heom", "--variant", "b:method=heom"),
                        "no variant applies to the model (a: spectrum: a flat spectral density"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void badVariantsAreRefusedWithOneLineBeforeAnyWork(List<String> sweep, List<String> variants, String expected) {
        Path out = tmp.resolve("refused");
        List<String> command = new ArrayList<>(sweep);
        command.addAll(variants);
        command.addAll(List.of("--out", out.toString()));
        MainTest.Result r = coherent(command.toArray(String[]::new));
        assertEquals(Main.BAD_INPUT, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertTrue(r.err().contains(expected.startsWith("--lines") ? "--lines" : "--variant"), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    /** Two parameters: a heat map per variant and observable. */
    @Test
    void twoParametersDrawAHeatMapPerVariant() throws IOException {
        Path out = tmp.resolve("maps");
        MainTest.Result r = coherent("sweep", "coupled-qubits", "--param", "J1=0.1:1:3", "--param", "J2=0.1:1:3", "--steady",
                "--variant", "secular:method=secular", "--variant", "local Lindblad:method=local-lindblad",
                "--plot", "energy_current.2", "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("heatmap-energy_current.2-1-secular.png")), r.out());
        assertTrue(Files.exists(out.resolve("heatmap-energy_current.2-2-local-lindblad.png")), r.out());
        assertEquals(18, Csv.read(out.resolve("results.csv")).rows().size());
    }

    /** A not-converged point of a variant is said so under the figure (its marker is hollow); a failed one too. */
    @Test
    void notConvergedAndFailedPointsOfAVariantAreNotedUnderTheFigure() throws IOException {
        Grid grid = new Grid(List.of(Axis.parse("J1=0.1:1:3")), List.of(Variant.parse("exact:method=heom"),
                Variant.parse("approx:method=redfield")));
        List<PointOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            Grid.Point p = grid.point(i);
            double x = p.values().get(0);
            PointResult r = new PointResult(new io.coherent.core.observables.ObservableSet(java.util.Map.of("J",
                    new io.coherent.core.observables.Estimate(x * x, 1e-6))), i != 2, true, Double.NaN,
                    Double.POSITIVE_INFINITY);
            outcomes.add(i == 4 ? new PointOutcome(p, null, "the solver stopped", 0.1) : new PointOutcome(p, r, null, 0.1));
        }
        SweepPlots.Written w = SweepPlots.write(tmp, "test", grid, outcomes, List.of("J"), false);
        String svg = Files.readString(w.files().get(1));
        assertTrue(svg.contains("Hollow (larger) markers: not converged (exact: 1 point)"), svg.length() + " chars");
        assertTrue(svg.contains("approx: 1 of 3 (the solver stopped)"));
        assertTrue(svg.contains(">exact<") && svg.contains(">approx<"), "the legend");
    }
}
