package io.coherent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coherent.integrators.OutputGrid;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Runs the picocli command in-process with captured stdout and stderr. */
public class MainTest {
    /** What steady and run report for a two-mode bilinear model (JSON observables, in order). */
    private static final List<String> BILINEAR_OBSERVABLES = List.of("Jx", "Jy", "Jz", "Jx_vacuum", "Jy_vacuum",
            "Jz_vacuum", "Jx_thermal", "Jy_thermal", "Jz_thermal", "n1", "n2", "energy_current");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    public record Result(int code, String out, String err) {
        public JsonNode json() throws IOException {
            assertEquals(1, out.strip().lines().count(), "exactly one JSON line: " + out);
            return JSON.readTree(out);
        }
    }

    public static Result coherent(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static final String TWO_MODES = """
            model: bilinear
            hamiltonian: [[1.0, 0.05], [0.05, 1.2]]
            baths:
              - name: hot
                coupling: [1, 0]
                temperature: 2
                spectral_density: {type: lorentzian, center: 1, width: 0.5, strength: 0.4}
              - name: cold
                coupling: [0, 1]
                temperature: 0.5
                spectral_density: {type: lorentzian, center: 1.2, width: 0.5, strength: 0.4}
            initial_occupation: [[1, 0], [0, 0]]
            frequency_support: whole-line
            run: {until: 100, points: 201}
            """;

    private Path yaml(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    // ------------------------------------------------------------------ steady

    @Test
    void steadyJsonHasTheContractKeys() throws IOException {
        Result r = coherent("steady", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonNode j = r.json();
        assertEquals(List.of("observables", "error_estimate", "error_estimates", "relaxation_time", "relaxation_time_error",
                "relaxation_time_note", "converged", "evaluations",
                "decoherence_free_modes", "time_averaged", "method", "solver", "iterations", "unique", "residual", "notes"),
                fields(j));
        JsonNode o = j.get("observables");
        assertEquals(BILINEAR_OBSERVABLES, fields(o), "steady and run report the same observables");
        assertEquals(List.of("common", "individual1", "individual2"), fields(o.get("energy_current")));
        assertTrue(o.get("Jx").isNumber());
        assertTrue(o.get("Jx").asDouble() > 0.05, "Fig. 1(a) keeps a positive steady coherence");
        assertTrue(j.get("converged").asBoolean());
        assertTrue(j.get("error_estimate").asDouble() < 1e-8);
        assertTrue(j.get("relaxation_time").asDouble() > 0);
        assertEquals(0, j.get("decoherence_free_modes").asInt());
        assertFalse(j.get("time_averaged").asBoolean());
    }

    @Test
    void steadySummary() {
        Result r = coherent("steady", "--set", "theta=pi/4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Jx = "), r.out());
        assertTrue(r.out().contains("individual2 = "), r.out());
        assertTrue(r.out().contains("undamped (decoherence-free or dark) dimensions: 0"), r.out());
    }

    /** The closed forms: no relaxation time, no currents, unique = false (the inputs' populations are conserved). */
    @Test
    void steadyWithTheLeadingOrderMethod() throws IOException {
        JsonNode j = coherent("steady", "multiplexed", "--set", "method=leading-order", "--set", "outputs=2", "--json").json();
        assertEquals("leading-order", j.get("method").asText());
        assertEquals(List.of("sigma_x_out", "sigma_x_out2", "sigma_z_inputs1", "sigma_x_self_induced",
                "sigma_x_out_over_self_induced", "correlation_xx_out", "signal_to_noise_out"), fields(j.get("observables")));
        assertTrue(j.get("relaxation_time").isNull());
        assertTrue(j.get("converged").asBoolean());
        assertFalse(j.get("unique").asBoolean());
        assertTrue(j.get("notes").get(0).asText().contains("O(lambda) perturbation theory"), j.toString());
        Result r = coherent("steady", "composite-qubit", "--set", "method=leading-order", "--set", "s=0.5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("method leading-order: steady state from the leading-order closed forms"), r.out());
        assertTrue(r.out().contains("coherence_l1 = "), r.out());
        assertTrue(r.out().contains("relaxation time: not computed"), r.out());
        assertFalse(r.out().contains("energy current"), r.out());
    }

    // ------------------------------------------------------------------ run

    @Test
    void runJsonAndCsv() throws IOException {
        Path out = tmp.resolve("run");
        Result r = coherent("run", "--until", "5", "--set", "points=11", "--json", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        List<String> csv = Files.readAllLines(out.resolve("trajectory.csv"));
        assertEquals(12, csv.size());
        assertTrue(csv.get(0).startsWith("t,Jx,Jx_error,Jy,Jy_error,Jz,Jz_error,"), csv.get(0));
        String[] last = csv.get(11).split(",");
        assertEquals(5.0, Double.parseDouble(last[0]), 1e-12);

        JsonNode j = r.json();
        assertEquals(List.of("method", "until", "steady_state", "relaxation_time", "relaxation_time_error",
                "relaxation_time_note", "observables", "integrator",
                "accuracy", "events", "metrics", "observers", "length"), fields(j));
        assertEquals("exact", j.get("method").asText());
        assertEquals(5.0, j.get("until").asDouble());
        JsonNode steady = j.get("steady_state");
        assertEquals(List.of("reached", "time", "reason"), fields(steady));
        assertFalse(steady.get("reached").asBoolean());
        assertTrue(steady.get("time").isNull());
        assertTrue(j.get("relaxation_time").asDouble() > 0);
        JsonNode o = j.get("observables");
        assertEquals(BILINEAR_OBSERVABLES, fields(o), "steady and run report the same observables");
        assertEquals(Double.parseDouble(last[1]), o.get("Jx").asDouble(), 1e-15, "JSON and CSV agree at the final time");
        assertEquals(List.of("common", "individual1", "individual2"), fields(o.get("energy_current")));
        JsonNode integ = j.get("integrator");
        assertEquals(List.of("name", "steps", "rejected", "evaluations"), fields(integ));
        assertEquals("dormand-prince-853", integ.get("name").asText());
        assertTrue(integ.get("steps").asLong() > 0);
        JsonNode acc = j.get("accuracy");
        assertEquals(1e-10, acc.get("atol").asDouble());
        assertEquals(1e-10, acc.get("rtol").asDouble());
        assertTrue(acc.get("quadrature_error").isNumber());
        assertEquals(0, j.get("events").size());
        JsonNode m = j.get("metrics");
        assertEquals(List.of("steps_accepted", "steps_rejected", "rhs_evaluations", "samples_produced", "samples_published",
                "samples_dropped", "run_seconds"), fields(m));
        assertEquals(integ.get("steps").asLong(), m.get("steps_accepted").asLong());
        assertEquals(integ.get("evaluations").asLong(), m.get("rhs_evaluations").asLong());
        assertEquals(11, m.get("samples_published").asLong());
        assertTrue(m.get("run_seconds").asDouble() > 0);
        JsonNode obs = j.get("observers");
        assertEquals(List.of("writer", "coherence", "population_difference", "energy_current", "convergence", "accuracy"),
                fields(obs));
        assertEquals(11, obs.get("writer").get("rows").asLong());
        assertEquals(11, Files.readAllLines(out.resolve("trajectory.jsonl")).size());
        assertEquals(o.get("Jz").asDouble(), obs.get("population_difference").get("Jz").get("last").asDouble());
        assertEquals(List.of("Jx", "Jy"), fields(obs.get("coherence")));
    }

    @Test
    void eventsLogarithmicOutputAndAnotherIntegrator() throws IOException {
        Path out = tmp.resolve("events");
        Result r = coherent("run", "--until", "50", "--set", "output=logarithmic", "--set", "points=9", "--set",
                "integrator=adams-moulton", "--at", "0.5,2", "--stop-when", "Jx=-0.5", "--json",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("adams-moulton", j.get("integrator").get("name").asText());
        List<String> kinds = new ArrayList<>();
        j.get("events").forEach(e -> kinds.add(e.get("kind").asText() + "@" + e.get("t").asDouble()));
        JsonNode events = j.get("events");
        assertEquals(List.of("time-mark", "time-mark", "threshold"), kindsOnly(events), kinds.toString());
        assertEquals(0.5, events.get(0).get("t").asDouble(), 1e-12, kinds.toString());
        assertEquals(2.0, events.get(1).get("t").asDouble(), 1e-12, kinds.toString());
        JsonNode last = events.get(events.size() - 1);
        assertEquals("threshold", last.get("kind").asText(), kinds.toString());
        assertTrue(last.get("stopped").asBoolean());
        assertEquals("Jx crossed -0.5 rising", last.get("description").asText());
        assertEquals(-0.5, j.get("observables").get("Jx").asDouble(), 1e-7, "stopped where Jx crossed -0.5");
        assertEquals(last.get("t").asDouble(), j.get("until").asDouble());
        List<String> csv = Files.readAllLines(out.resolve("trajectory.csv"));
        List<Double> expected = new ArrayList<>(List.of(0.5, 2.0, last.get("t").asDouble()));
        for (double t : OutputGrid.logarithmic(50, 9, 4).times()) {
            if (t < last.get("t").asDouble()) {
                expected.add(t);
            }
        }
        expected.sort(null);
        assertEquals(expected, csv.subList(1, csv.size()).stream().map(l -> Double.parseDouble(l.split(",")[0])).toList(),
                "logarithmic output times 0, 0.005, 0.0186, ... with the marks and the stop in between");
    }

    private static List<String> kindsOnly(JsonNode events) {
        List<String> k = new ArrayList<>();
        events.forEach(e -> k.add(e.get("kind").asText()));
        return k;
    }

    /** Kills `coherent run` (SIGKILL) while it writes; every line written so far must parse. */
    @Test
    void aRunKilledMidwayLeavesAReadableTrajectory() throws Exception {
        Path out = tmp.resolve("killed");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "run", "--until", "4000", "--set",
                "points=4001", "--out", out.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("killed.log").toFile()).start();
        Path csv = out.resolve("trajectory.csv");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while ((!Files.exists(csv) || Files.readAllLines(csv).size() < 6) && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(50);
        }
        assertTrue(p.isAlive(), "still running when killed: " + Files.readString(tmp.resolve("killed.log")));
        p.destroyForcibly().waitFor();
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.size() >= 6 && lines.size() < 4002, lines.size() + " lines");
        int columns = lines.get(0).split(",").length;
        double previous = -1;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertEquals(columns, cells.length, "complete line: " + line);
            for (String c : java.util.Arrays.asList(cells).subList(0, columns - 1)) {
                Double.parseDouble(c);
            }
            assertTrue(cells[columns - 1].equals("true") || cells[columns - 1].equals("false"), "converged: " + line);
            assertTrue(Double.parseDouble(cells[0]) > previous);
            previous = Double.parseDouble(cells[0]);
        }
        for (String line : Files.readAllLines(out.resolve("trajectory.jsonl"))) {
            assertTrue(JSON.readTree(line).get("observables").has("Jx"), line);
        }
    }

    @Test
    void runStopsOnSteadyAndAgreesWithSteady() throws IOException {
        String[] fast = {"--set", "theta=pi/4", "--set", "gamma=1", "--set", "Gamma=2"};
        Result r = coherent(Stream.concat(Stream.of("run", "--until", "100", "--stop-on-steady", "--json", "--out",
                tmp.resolve("steady").toString()), Stream.of(fast)).toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertTrue(j.get("steady_state").get("reached").asBoolean(), r.out());
        double t = j.get("steady_state").get("time").asDouble();
        assertTrue(t > 0 && t < 100, r.out());
        JsonNode s = coherent(Stream.concat(Stream.of("steady", "--json"), Stream.of(fast)).toArray(String[]::new)).json();
        assertEquals(s.get("observables").get("Jx").asDouble(), j.get("observables").get("Jx").asDouble(), 1e-6);
    }

    @Test
    void runSummaryOfAYamlScenario() throws IOException {
        Path f = yaml("two-modes.yaml", TWO_MODES);
        Path out = tmp.resolve("yaml-run");
        Result r = coherent("run", f.toString(), "--until", "2", "--set", "points=5", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Jx = "), r.out());
        assertTrue(r.out().contains("hot  = "), r.out());
        assertTrue(r.out().contains("steady state: not checked"), r.out());
        assertTrue(r.out().contains("trajectory: " + out.resolve("trajectory.csv") + " (5 rows)"), r.out());
        assertEquals(6, Files.readAllLines(out.resolve("trajectory.csv")).size());
        JsonNode j = coherent("steady", f.toString(), "--json").json();
        assertEquals(List.of("hot", "cold"), fields(j.get("observables").get("energy_current")));
    }

    @Test
    void failedRunKeepsItsCsvAndExitsOne() throws IOException {
        Path out = tmp.resolve("failed");
        Result r = coherent("run", "--until", "5", "--set", "atol=1e-300", "--set", "rtol=0", "--out", out.toString(),
                "--json");
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("coherent: run failed: "), r.err());
        assertTrue(r.json().get("failure").isTextual());
        List<String> csv = Files.readAllLines(out.resolve("trajectory.csv"));
        assertTrue(csv.size() >= 2 && csv.get(1).startsWith("0.0,"), csv.toString());
    }

    // ------------------------------------------------------------------ bad input

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(List.of("steady", "--set", "theta=nan"), "theta = nan"),
                Arguments.of(List.of("steady", "--set", "Gamma=-1"), "Gamma = -1"),
                Arguments.of(List.of("steady", "--set", "gamma=0"), "gamma = 0"),
                Arguments.of(List.of("steady", "--set", "T=-1"), "T = -1"),
                Arguments.of(List.of("steady", "--set", "bogus=1"), "unknown key 'bogus'"),
                Arguments.of(List.of("steady", "--set", "method=markov"), "method = markov is not allowed: expected one of exact, redfield"),
                Arguments.of(List.of("run", "multiplexed", "--set", "method=leading-order"),
                        "method: method = leading-order is the papers' O(lambda) equilibrium in closed form, a steady state "
                                + "without dynamics"),
                Arguments.of(List.of("steady", "two-atoms", "--set", "method=leading-order"),
                        "method: method = leading-order applies only to models whose paper gives the leading-order"),
                Arguments.of(List.of("compare", "composite-qubit", "--methods", "redfield,leading-order"),
                        "method = leading-order is the papers' O(lambda) equilibrium in closed form"),
                Arguments.of(List.of("run", "--set", "integrator=rk4", "--json"), "integrator = rk4"),
                Arguments.of(List.of("run", "--set", "frequency_support=both"), "frequency_support = both"),
                Arguments.of(List.of("run", "--until", "-1"), "--until -1 is not allowed"),
                Arguments.of(List.of("run", "--when", "Jq=0.1"), "--when Jq=0.1: no observable 'Jq'; this run has Jx, Jy, Jz"),
                Arguments.of(List.of("run", "--stop-when", "0.1"), "--stop-when expects NAME=LEVEL"),
                Arguments.of(List.of("run", "--at", "600"), "--at 600 is not allowed: expected a time in (0, 500]"),
                Arguments.of(List.of("run", "--set", "output=list"), "times is missing"),
                Arguments.of(List.of("run", "--set", "max_step=-1"), "max_step = -1 is not allowed"),
                Arguments.of(List.of("run", "--set", "theta"), "--set expects key=value"),
                Arguments.of(List.of("steady", "no-such-preset"), "no preset or scenario file named 'no-such-preset'"),
                Arguments.of(List.of("steady", "--frobnicate"), "Unknown option: '--frobnicate'"),
                Arguments.of(List.of("walk"), "Unmatched argument"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsOneLineAndExitTwo(List<String> args, String expected) {
        List<String> all = new ArrayList<>(args);
        if (all.get(0).equals("run")) {
            all.addAll(List.of("--out", tmp.resolve("never").toString()));
        }
        assertBad(all.toArray(String[]::new), expected);
        assertFalse(Files.exists(tmp.resolve("never")), "bad input writes nothing");
    }

    @Test
    void badYamlScenarios() throws IOException {
        Path nonHermitian = yaml("nonherm.yaml", TWO_MODES.replace("[0.05, 1.2]", "[0.5, 1.2]"));
        assertBad(new String[] {"steady", nonHermitian.toString()}, nonHermitian + ", line 2: hamiltonian: must be Hermitian");
        assertBad(new String[] {"run", nonHermitian.toString(), "--json"}, "hamiltonian: must be Hermitian");
        Path coupling = yaml("coupling.yaml", TWO_MODES.replace("coupling: [0, 1]", "coupling: [0, 1, 0]"));
        assertBad(new String[] {"steady", coupling.toString()},
                coupling + ", line 9: baths.cold.coupling: has 3 entries, expected 2 (one per mode)");
        Path unknown = yaml("unknown.yaml", TWO_MODES.replace("initial_occupation", "initial_state"));
        assertBad(new String[] {"steady", unknown.toString()}, "line 12: unknown key 'initial_state'");
    }

    private static void assertBad(String[] args, String expected) {
        Result r = coherent(args);
        assertEquals(2, r.code(), String.join(" ", args) + " -> " + r.out() + r.err());
        assertEquals("", r.out(), "nothing on stdout");
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), "one stderr line: " + r.err());
        assertTrue(lines.get(0).startsWith("coherent: "), lines.get(0));
        assertTrue(lines.get(0).contains(expected), "'" + lines.get(0) + "' should contain '" + expected + "'");
    }

    @Test
    void helpAndVersion() {
        Result help = coherent("run", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--stop-on-steady"), help.out());
        assertEquals(0, coherent("--version").code());
        Result none = coherent();
        assertEquals(0, none.code());
        for (String command : List.of("run", "steady", "compare", "sweep", "presets", "serve", "subscribe", "worker",
                "help")) {
            assertEquals(1, none.out().lines().filter(l -> l.startsWith("  " + command + " ")).count(),
                    command + " is listed once: " + none.out());
        }
        assertTrue(none.out().lines().allMatch(l -> l.length() <= 80), "fits 80 columns: " + none.out());
    }
}
