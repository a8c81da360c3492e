package io.coherent.app.sweep;

import io.coherent.app.MainTest;
import static io.coherent.app.MainTest.coherent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.coherent.config.Scenario;
import io.coherent.config.ScenarioLoader;
import io.coherent.core.bosonic.SteadyState;
import io.coherent.core.bosonic.SteadyStateSolver;
import io.coherent.core.models.TwoAtomsModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** coherent sweep end to end: results.csv, plots, errors and exit codes. */
class SweepCommandTest {

    @TempDir
    Path tmp;

    /** results.csv as header -> column and rows of cells (the reason column is the only quoted one). */
    record Csv(List<String> header, List<String[]> rows) {
        static Csv read(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file);
            List<String> header = List.of(lines.get(0).split(",", -1));
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", header.size());
                assertEquals(header.size(), cells.length, line);
                rows.add(cells);
            }
            return new Csv(header, rows);
        }

        String cell(String[] row, String column) {
            int i = header.indexOf(column);
            assertTrue(i >= 0, "no column " + column + " in " + header);
            return row[i];
        }

        double number(String[] row, String column) {
            return Double.parseDouble(cell(row, column));
        }
    }

    /**
     * Closed form: at theta = 0 the antisymmetric mode (c1 - c2)/sqrt2 is decoherence-free. From
     * sin(kappa)|01> + cos(kappa)|10> it keeps its occupation (1 - sin 2kappa)/2 and the symmetric mode
     * decays, so Jx_vacuum = 2 Re <c1^+ c2> = -(1 - sin 2kappa)/2 exactly, while the thermal part does not
     * depend on kappa at all.
     */
    @Test
    void sweepOfTheDecoherenceFreeCoherenceMatchesTheClosedFormAtEveryPoint() throws IOException {
        Path out = tmp.resolve("kappa");
        MainTest.Result r = coherent("sweep", "--param", "kappa=-pi/2:pi/2:13", "--set", "theta=0", "--steady",
                "--threads", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Csv csv = Csv.read(out.resolve("results.csv"));
        assertEquals(13, csv.rows().size());
        double thermal = csv.number(csv.rows().get(0), "Jx_thermal");
        for (String[] row : csv.rows()) {
            double kappa = csv.number(row, "kappa");
            double expected = -(1 - Math.sin(2 * kappa)) / 2;
            assertEquals("ok", csv.cell(row, "status"));
            assertEquals(expected, csv.number(row, "Jx_vacuum"), 1e-12, "Jx_vacuum at kappa = " + kappa);
            double tolerance = 2 * csv.number(row, "Jx_thermal_error") + 1e-12;
            assertEquals(thermal, csv.number(row, "Jx_thermal"), tolerance, "Jx_thermal at kappa = " + kappa);
            assertEquals(expected + thermal, csv.number(row, "Jx"), tolerance, "Jx at kappa = " + kappa);
        }
        assertTrue(Files.size(out.resolve("plot.png")) > 1000);
        assertTrue(Files.readString(out.resolve("plot.svg")).contains("<svg"));
    }

    /** Every point of a 7 x 5 grid appears once, in grid order, with the values of a direct steady-state solve. */
    @Test
    void twoParameterSweepWritesEveryPointExactlyOnce() throws IOException {
        Path out = tmp.resolve("grid");
        MainTest.Result r = coherent("sweep", "--param", "theta=0.1:1.4:7", "--param", "T=log:0.2:5:5", "--steady",
                "--threads", "2", "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(35, j.get("points").asInt());
        assertEquals(0, j.get("failed").asInt());
        assertEquals(2, j.get("threads").asInt());
        Csv csv = Csv.read(out.resolve("results.csv"));
        assertEquals(List.of("point", "theta", "T", "Jx", "Jx_error"), csv.header().subList(0, 5));
        assertEquals(35, csv.rows().size());
        double[] thetas = {0.1, 0.31666666666666665, 0.5333333333333333, 0.75, 0.9666666666666666, 1.1833333333333333, 1.4};
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < 35; i++) {
            String[] row = csv.rows().get(i);
            assertEquals(i, Integer.parseInt(csv.cell(row, "point")), "grid order");
            double theta = csv.number(row, "theta");
            double t = csv.number(row, "T");
            assertEquals(thetas[i / 5], theta, 1e-15);
            assertEquals(0.2 * Math.pow(25, (i % 5) / 4.0), t, 1e-14);
            assertEquals(null, seen.put(theta + "," + t, i), "point (" + theta + ", " + t + ") twice");
            Scenario s = ScenarioLoader.load(null, List.of("theta=" + theta, "T=" + t));
            SteadyState direct = new SteadyStateSolver(s.run().steadyQuadrature()).solve(s.bilinearModel());
            // the frequency formula itself, not the engine facade the sweep goes through
            assertEquals(direct.observables().value("Jx"), csv.number(row, "Jx"), 1e-15, "Jx at point " + i);
            assertEquals("true", csv.cell(row, "converged"));
        }
        List<String> plots = new ArrayList<>();
        j.get("plots").forEach(p -> plots.add(Path.of(p.asText()).getFileName().toString()));
        assertEquals(List.of("heatmap-Jx.png", "heatmap-Jx.svg"), plots, "Jy and Jz are 0 within their errors here");
        assertEquals(2, j.get("skipped_plots").size());
    }

    @Test
    void logGridInTheCsv() throws IOException {
        Path out = tmp.resolve("log");
        MainTest.Result r = coherent("sweep", "--param", "gamma=log:1e-2:10:4", "--steady", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Csv csv = Csv.read(out.resolve("results.csv"));
        double[] gammas = csv.rows().stream().mapToDouble(row -> csv.number(row, "gamma")).toArray();
        assertEquals(1e-2, gammas[0]);
        assertEquals(10, gammas[3]);
        assertEquals(0.1, gammas[1], 1e-16);
        assertEquals(1, gammas[2], 1e-15);
        assertTrue(r.out().contains("gamma = 0.01 .. 10, 4 values (log)"), r.out());
        assertTrue(r.err().contains("sweep: 4/4 points (100%)"), "a plain progress line when not on a terminal: " + r.err());
    }

    static Stream<List<String>> badInput() {
        return Stream.of(
                List.of("--param", "theta", "--steady"),
                List.of("--param", "theta=0:1", "--steady"),
                List.of("--param", "theta=0:1:1", "--steady"),
                List.of("--param", "theta=0:1:x", "--steady"),
                List.of("--param", "theta=a:1:5", "--steady"),
                List.of("--param", "theta=1:1:5", "--steady"),
                List.of("--param", "theta=log:0:1:5", "--steady"),
                List.of("--param", "theta=lin:0:1:5", "--steady"),
                List.of("--param", "foo=0:1:5", "--steady"),
                List.of("--param", "T=-1:1:5", "--steady"),
                List.of("--param", "gamma=0:1:5", "--param", "T=1:2:3", "--steady"),
                List.of("--param", "theta=0:1:3", "--param", "T=1:2:3", "--param", "gamma=1:2:3", "--steady"),
                List.of("--param", "theta=0:1:3", "--param", "theta=1:2:3", "--steady"),
                List.of("--param", "theta=0:1:3", "--set", "theta=0.2", "--steady"),
                List.of("--param", "theta=0:1:3"),
                List.of("--param", "theta=0:1:3", "--steady", "--run"),
                List.of("--param", "theta=0:1:3", "--steady", "--until", "10"),
                List.of("--param", "theta=0:1:3", "--run", "--until", "-1"),
                List.of("--param", "theta=0:1:3", "--steady", "--threads", "0"),
                List.of("--param", "theta=0:1:3", "--steady", "--set", "T=-2"),
                List.of("--param", "theta=0:1:3", "--steady", "--plot", "Jx,foo"),
                List.of("--param", "theta=0:1:3", "--steady", "--lines"),
                List.of("--steady"),
                List.of("multiplexed", "--param", "omega=1:2:3", "--run", "--set", "method=leading-order"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputIsOneLineWithExitCode2BeforeAnyWork(List<String> args) {
        Path out = tmp.resolve("bad");
        List<String> all = new ArrayList<>(List.of("sweep", "--out", out.toString()));
        all.addAll(args);
        MainTest.Result r = coherent(all.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("coherent: "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(out), "no work before validation");
    }

    @Test
    void badParamMessagesNameTheFieldAndWhatIsAllowed() {
        assertTrue(coherent("sweep", "--param", "theta=0:1:1", "--steady").err()
                .contains("--param theta=0:1:1: N = 1 is not allowed: expected an integer >= 2"));
        assertTrue(coherent("sweep", "--param", "foo=0:1:5", "--steady").err()
                .contains("unknown key 'foo' for partial-collective; allowed keys: omega1"));
        String corner = coherent("sweep", "--param", "T=-1:1:5", "--steady").err();
        assertTrue(corner.contains("--param T=-1:1:5: at T = -1: T = -1 is not allowed: expected a finite number >= 0"),
                corner);
    }

    /** two-atoms refuses xi = 0 at Delta = 0 (degenerate labels): inside the range, so that point fails alone. */
    @Test
    void aRefusedPointIsRecordedTheOthersRunAndTheExitCodeIs1() throws IOException {
        Path out = tmp.resolve("refused");
        MainTest.Result r = coherent("sweep", "two-atoms", "--param", "xi=-2:2:5", "--steady", "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("4 ok, 1 failed, 0 not converged"), r.out());
        assertTrue(r.err().endsWith("coherent: 1 of 5 points failed; their reasons are in " + out.resolve("results.csv")
                + System.lineSeparator()), r.err());
        Csv csv = Csv.read(out.resolve("results.csv"));
        assertEquals(List.of("coherence_l1", "coherence_l1_error"), csv.header().subList(2, 4));
        for (String[] row : csv.rows()) {
            boolean zero = csv.number(row, "xi") == 0;
            assertEquals(zero ? "failed" : "ok", csv.cell(row, "status"));
            assertEquals(zero, csv.cell(row, "coherence_l1").isEmpty());
            assertEquals(zero, csv.cell(row, "reason").startsWith("\"xi = 0 is not allowed: expected a non-zero coupling"),
                    csv.cell(row, "reason"));
        }
        assertTrue(Files.exists(out.resolve("plot.png")), "the plot shows the points that succeeded");
    }

    @Test
    void linesAndChosenObservables() throws IOException {
        Path out = tmp.resolve("lines");
        MainTest.Result r = coherent("sweep", "--param", "theta=0.2:1.2:4", "--param", "T=0.5:2:3", "--steady", "--lines",
                "--plot", "Jx,n1", "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        List<String> plots = new ArrayList<>();
        r.json().get("plots").forEach(p -> plots.add(Path.of(p.asText()).getFileName().toString()));
        assertEquals(List.of("lines-Jx.png", "lines-Jx.svg", "lines-n1.png", "lines-n1.svg"), plots);
        assertTrue(Files.size(out.resolve("lines-n1.png")) > 1000);
        String err = coherent("sweep", "--param", "theta=0:1:3", "--steady", "--plot", "foo").err();
        assertTrue(err.contains("--plot foo is not an observable of partial-collective; allowed: Jx, Jy, Jz, Jx_vacuum"), err);
    }

    @Test
    void runSweepKeepsTheFinalStateAndTheSteadyVerdict() throws IOException {
        Path out = tmp.resolve("run");
        MainTest.Result r = coherent("sweep", "--param", "theta=pi/4:pi/3:2", "--run", "--until", "3", "--set",
                "points=7", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Csv csv = Csv.read(out.resolve("results.csv"));
        for (String[] row : csv.rows()) {
            assertEquals(3.0, csv.number(row, "t"));
            assertEquals("false", csv.cell(row, "converged"), "t = 3 is far below 10 relaxation times");
            MainTest.Result single = coherent("run", "--until", "3", "--set", "points=7", "--set",
                    "theta=" + csv.cell(row, "theta"), "--stop-on-steady", "--json", "--out", tmp.resolve("single").toString());
            assertEquals(single.json().get("observables").get("Jx").asDouble(), csv.number(row, "Jx"), 0.0);
        }
        assertTrue(new TreeSet<>(Arrays.asList(Files.list(out).map(p -> p.getFileName().toString()).toArray(String[]::new)))
                .containsAll(List.of("plot.png", "plot.svg", "results.csv")));
    }

    /**
     * A steady sweep of a finite model (Liouvillian null space) with a derived override: Tb = Ta + 50 at every
     * point, checked against the closed-form secular populations of the two-atom paper (its Eq. 9).
     */
    @Test
    void steadySweepOfAFiniteModelWithADerivedTemperature() throws IOException {
        Path out = tmp.resolve("derived");
        MainTest.Result r = coherent("sweep", "two-atoms", "--param", "Ta=2:20:4", "--set", "Tb=Ta+50", "--set",
                "method=secular", "--steady", "--threads", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Csv csv = Csv.read(out.resolve("results.csv"));
        assertEquals(4, csv.rows().size());
        for (String[] row : csv.rows()) {
            double ta = csv.number(row, "Ta");
            double[] p = new TwoAtomsModel(30, 0, 2, 1, ta, ta + 50, TwoAtomsModel.Case.A).secularPopulations();
            for (int l = 0; l < 4; l++) {
                String name = "rho_" + (l + 1) + (l + 1);
                assertEquals(p[l], csv.number(row, name), 1e-10, name + " at Ta = " + ta);
            }
            assertEquals(0.0, csv.number(row, "rho_32"), 1e-10, "secular: no coherence");
            assertEquals("true", csv.cell(row, "converged"));
            assertEquals("Infinity", csv.cell(row, "t"));
        }
    }

    /**
     * The leading-order method on the multiplexed preset, sub-Ohmic s = 1/2 (Fig. 2(a), where Redfield is refused at
     * T &gt; 0): at every point sigma_x_out is the paper's Eq. (27), -4 f1 f2 tanh(beta omega1/2) tanh(beta omega/2)
     * lambda omega_c Gamma(1/2)/omega with Gamma(1/2) = sqrt(pi), and the quadrature-based observables carry errors.
     */
    @Test
    void leadingOrderSweepIsEq27AtEveryPoint() throws IOException {
        Path out = tmp.resolve("leading-order");
        MainTest.Result r = coherent("sweep", "multiplexed", "--param", "omega=0.5:4:8", "--param", "beta=0.5:5:4",
                "--set", "T=1/beta", "--set", "s=0.5", "--set", "outputs=2", "--set", "method=leading-order", "--steady",
                "--threads", "2", "--plot", "signal_to_noise_out", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Csv csv = Csv.read(out.resolve("results.csv"));
        assertEquals(32, csv.rows().size());
        for (String[] row : csv.rows()) {
            double omega = csv.number(row, "omega");
            double beta = csv.number(row, "beta");
            double eq27 = -4 * 0.1 * 0.1 * Math.tanh(beta / 2) * Math.tanh(beta * omega / 2) / omega * 0.01 * 10
                    * Math.sqrt(Math.PI);
            assertEquals(eq27, csv.number(row, "sigma_x_out"), 1e-13 * Math.abs(eq27), "at " + omega + ", " + beta);
            assertEquals("ok", csv.cell(row, "status"));
            assertEquals("true", csv.cell(row, "converged"));
            assertEquals("NaN", csv.cell(row, "relaxation_time"));
            double snrError = csv.number(row, "signal_to_noise_out_error");
            assertTrue(snrError > 0 && snrError < 1e-8 * csv.number(row, "signal_to_noise_out"), "error " + snrError);
        }
        assertTrue(Files.exists(out.resolve("heatmap-signal_to_noise_out.png")));
    }

    /** gamma = 0.1*Gamma follows the swept Gamma: the same values as sweeping with each gamma set by hand. */
    @Test
    void derivedOverrideFollowsTheSweptParameter() throws IOException {
        Path out = tmp.resolve("ratio");
        MainTest.Result r = coherent("sweep", "--param", "Gamma=log:0.1:10:3", "--set", "gamma=0.1*Gamma", "--steady",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Csv csv = Csv.read(out.resolve("results.csv"));
        for (String[] row : csv.rows()) {
            double g = csv.number(row, "Gamma");
            Scenario s = ScenarioLoader.load(null, List.of("Gamma=" + g, "gamma=" + 0.1 * g));
            SteadyState direct = new SteadyStateSolver(s.run().steadyQuadrature()).solve(s.bilinearModel());
            assertEquals(direct.observables().value("Jx"), csv.number(row, "Jx"), 1e-15, "Jx at Gamma = " + g);
        }
    }

    /** The base values alone need not be valid: model 2 refuses the default s = 1, the swept s = 2, 3 are fine. */
    @Test
    void sweptValuesMayMakeAnInvalidBaseValid() throws IOException {
        Path out = tmp.resolve("base");
        assertEquals(2, coherent("steady", "composite-qubit", "--set", "model=2").code());
        MainTest.Result r = coherent("sweep", "composite-qubit", "--param", "s=2:3:2", "--set", "model=2", "--steady",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Csv csv = Csv.read(out.resolve("results.csv"));
        for (String[] row : csv.rows()) {
            MainTest.Result single = coherent("steady", "composite-qubit", "--set", "model=2", "--set",
                    "s=" + csv.cell(row, "s"), "--json");
            assertEquals(single.json().get("observables").get("coherence_l1").asDouble(), csv.number(row, "coherence_l1"),
                    0.0);
        }
    }

    /**
     * A swept name that only a --set expression uses (DT, not a key of two-atoms) is a variable: the grid is
     * (Ta, DT), the scenario gets Tb = Ta + DT, and the values equal a sweep of (Ta, Tb) point by point.
     */
    @Test
    void aSweptVariableOnlyUsedByAnExpression() throws IOException {
        Path out = tmp.resolve("variable");
        MainTest.Result r = coherent("sweep", "two-atoms", "--param", "Ta=2:10:3", "--param", "DT=0:40:3", "--set",
                "Tb=Ta+DT", "--steady", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Csv csv = Csv.read(out.resolve("results.csv"));
        assertEquals(List.of("point", "Ta", "DT"), csv.header().subList(0, 3));
        assertEquals(9, csv.rows().size());
        for (String[] row : csv.rows()) {
            double ta = csv.number(row, "Ta");
            double tb = ta + csv.number(row, "DT");
            MainTest.Result single = coherent("steady", "two-atoms", "--set", "Ta=" + ta, "--set", "Tb=" + tb, "--json");
            assertEquals(single.json().get("observables").get("rho_32").asDouble(), csv.number(row, "rho_32"), 0.0);
        }
        assertEquals(0.0, csv.number(csv.rows().get(0), "rho_32"), 1e-12, "DT = 0: one temperature, no coherence");
        // an unknown name that no expression uses is still refused
        MainTest.Result bad = coherent("sweep", "two-atoms", "--param", "DT=0:40:3", "--steady", "--out",
                tmp.resolve("bad").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown key 'DT'"), bad.err());
    }
}
