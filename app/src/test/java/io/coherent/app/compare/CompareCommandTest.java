package io.coherent.app.compare;

import io.coherent.app.Main;
import static io.coherent.app.MainTest.coherent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.coherent.app.MainTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** coherent compare: what it flags, where methods agree and part, the files it writes, and bad input. */
class CompareCommandTest {

    @TempDir
    Path tmp;

    private JsonNode compare(String... args) throws IOException {
        Result r = coherent(args);
        assertEquals(0, r.code(), r.err());
        return r.json();
    }

    @Test
    void flagsTheSecularMethodsMissingSteadyStateCoherenceOnTheTwoAtomModel() throws IOException {
        Path out = tmp.resolve("ta");
        JsonNode j = compare("compare", "two-atoms", "--methods", "redfield,secular", "--until", "3", "--set", "points=31",
                "--observables", "coherence_l1,rho_32", "--out", out.toString(), "--json");
        for (String name : List.of("coherence_l1", "rho_32")) {
            JsonNode redfield = j.get("observables").get(name).get("redfield");
            JsonNode secular = j.get("observables").get(name).get("secular");
            assertTrue(redfield.get("steady").asDouble() > 0.1, name + " " + redfield);
            assertTrue(Math.abs(secular.get("steady").asDouble()) < 1e-12, name + " " + secular);
            assertTrue(secular.get("steady_differs").asBoolean(), name);
            assertEquals(redfield.get("steady").asDouble(), secular.get("steady_difference").asDouble(), 1e-12);
            // the secular equation never builds the coherence: it parts at the first step after t = 0
            assertEquals(0.1, secular.get("parting_time").asDouble(), 1e-12, name);
            // by t = 3 (7 relaxation times) each trajectory sits on its own steady state
            assertEquals(redfield.get("steady").asDouble(), redfield.get("final").asDouble(), 1e-6, name);
        }
        assertEquals(qutipCoherence(), j.get("observables").get("coherence_l1").get("redfield").get("steady").asDouble(),
                1e-9);
    }

    /**
     * The reference: QuTiP's Redfield steady state of two-atoms at its defaults (case A, Fig. 3), the first row of
     * sim-core's fixture two_atoms_steady.csv (make_master_fixtures.py, QuTiP 4.7.1), in the bare basis |ee>, |eg>,
     * |ge>, |gg>. At Delta = 0 the eigenbasis pairs |eg> and |ge> into (|eg> +- |ge>)/sqrt 2, and the l1 coherence there
     * is 2 |rho_+-|, rho_+- = (rho_11 - rho_22 + rho_21 - rho_12)/2 (indices of the bare basis): 0.220472194.
     */
    private static double qutipCoherence() throws IOException {
        Path fixture = Path.of("..", "sim-core", "src", "test", "resources", "fixtures", "master", "two_atoms_steady.csv");
        List<String> lines = Files.readAllLines(fixture);
        List<String> header = List.of(lines.get(0).split(","));
        String[] row = lines.get(1).split(",");
        assertEquals("30,0,2,1,10,60,A,redfield", String.join(",", List.of(row).subList(0, 8)), "the preset's defaults");
        java.util.function.ToDoubleFunction<String> cell = name -> Double.parseDouble(row[header.indexOf(name)]);
        double re = (cell.applyAsDouble("re11") - cell.applyAsDouble("re22")) / 2
                + (cell.applyAsDouble("re21") - cell.applyAsDouble("re12")) / 2;
        double im = (cell.applyAsDouble("im21") - cell.applyAsDouble("im12")) / 2;
        return 2 * Math.hypot(re, im);
    }

    @Test
    void writesEveryMethodsTrajectoryAndOneFigurePerObservable() throws IOException {
        Path out = tmp.resolve("files");
        JsonNode j = compare("compare", "two-atoms", "--methods", "redfield,local-lindblad", "--until", "1", "--set",
                "points=21", "--observables", "coherence_l1,energy_current.b", "--out", out.toString(), "--json");
        for (String method : List.of("redfield", "local-lindblad")) {
            List<String> lines = Files.readAllLines(out.resolve(method).resolve("trajectory.csv"));
            assertEquals(1 + 21, lines.size(), method);
            assertTrue(lines.get(0).startsWith("t,"), lines.get(0));
            assertEquals(21, j.get("runs").get(method).get("rows").asInt());
            // the relaxation time with its accuracy (dense spectrum against Arnoldi), every sample within its tolerance
            JsonNode run = j.get("runs").get(method);
            assertTrue(run.get("relaxation_time_error").asDouble() < 1e-9 * run.get("relaxation_time").asDouble(),
                    run.toString());
            assertTrue(run.get("relaxation_time_note").asText().startsWith("dense Liouvillian spectrum"), run.toString());
            assertEquals(0, run.get("samples_not_converged").asInt());
        }
        for (String name : List.of("coherence_l1", "energy_current.b")) {
            for (String ext : List.of(".png", ".svg")) {
                Path f = out.resolve(name + ext);
                assertTrue(Files.size(f) > 1000, f + " is " + Files.size(f) + " bytes");
            }
        }
        byte[] png = Files.readAllBytes(out.resolve("overview.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertTrue(new String(Files.readAllBytes(out.resolve("coherence_l1.svg"))).contains("<svg"));
    }

    @Test
    void exactAndRedfieldAgreeInTheWeakCouplingMarkovRegime() throws IOException {
        // Gamma = 1e-3, broad Lorentzian (gamma = 5): Born-Markov errors are O(Gamma); 3e-3 is 3 Gamma
        JsonNode j = compare("compare", "--methods", "exact,redfield", "--set", "Gamma=1e-3", "--set", "gamma=5",
                "--until", "50", "--set", "points=51", "--tolerance", "3e-3", "--observables", "Jx,n1",
                "--out", tmp.resolve("weak").toString(), "--json");
        for (String name : List.of("Jx", "n1")) {
            JsonNode redfield = j.get("observables").get(name).get("redfield");
            assertFalse(redfield.has("parting_time"), name + " " + redfield);
            assertTrue(redfield.get("max_difference").asDouble() < 3e-3, name + " " + redfield);
            assertTrue(redfield.get("max_difference").asDouble() > 1e-6, "not the same curve: " + redfield);
        }
        assertEquals(0, j.get("observables").get("Jx").get("redfield").get("steady_difference").asDouble(), 1e-3);
    }

    @Test
    void exactAndRedfieldPartAtTheDefaults() throws IOException {
        JsonNode j = compare("compare", "--methods", "exact,redfield", "--until", "4", "--set", "points=41",
                "--observables", "Jx", "--out", tmp.resolve("defaults").toString(), "--json");
        JsonNode redfield = j.get("observables").get("Jx").get("redfield");
        assertTrue(redfield.get("max_difference").asDouble() > 0.1, redfield.toString());
        double parting = redfield.get("parting_time").asDouble();
        assertTrue(parting > 0 && parting < 1, redfield.toString());
    }

    @Test
    void withoutMethodsEveryMethodThatAppliesIsComparedAndTheOthersNamed() throws IOException {
        JsonNode j = compare("compare", "two-atoms", "--until", "0.5", "--set", "points=6", "--observables",
                "coherence_l1", "--out", tmp.resolve("default").toString(), "--json");
        assertEquals("[\"redfield\",\"secular\",\"local-lindblad\"]", j.get("methods").toString());
        assertTrue(j.get("skipped").get("exact").asText().contains("bilinear"), j.get("skipped").toString());
    }

    @Test
    void badInputExitsTwoWithOneLineBeforeAnyWork() {
        Path out = tmp.resolve("bad");
        List<List<String>> cases = List.of(
                List.of("two-atoms", "--methods", "exact,redfield"),
                List.of("two-atoms", "--methods", "redfield,exact"),
                List.of("--methods", "exact,lindblad"),
                List.of("--methods", "exact"),
                List.of("--methods", "exact,exact"),
                List.of("--tolerance", "-1"),
                List.of("--set", "method = exact"),
                List.of("two-atoms", "--observables", "Jx"),
                List.of("--until", "0"));
        List<String> fields = List.of("method", "method", "--methods", "--methods", "--methods", "--tolerance", "method",
                "--observables", "until");
        for (int i = 0; i < cases.size(); i++) {
            List<String> args = new java.util.ArrayList<>(List.of("compare", "--out", out.toString()));
            args.addAll(cases.get(i));
            Result r = coherent(args.toArray(String[]::new));
            assertEquals(Main.BAD_INPUT, r.code(), cases.get(i) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(fields.get(i)), cases.get(i) + ": " + r.err());
            assertEquals("", r.out());
            assertFalse(Files.exists(out), cases.get(i) + " wrote " + out);
        }
    }
}
