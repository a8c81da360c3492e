package io.coherent.app;

import static io.coherent.app.MainTest.coherent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.coherent.app.MainTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Method heom through the command line: the hierarchy object of steady and run, and one-line refusals. */
class HeomCliTest {

    @TempDir
    Path tmp;

    private Path twoQubits() throws IOException {
        return Files.writeString(tmp.resolve("two-qubits.yaml"), """
                model: finite
                subsystems:
                  - {name: a, type: qubit}
                  - {name: b, type: qubit}
                hamiltonian: 0.5*sz(a) + 0.5*sz(b) + 0.1*(sp(a)*sm(b) + sm(a)*sp(b))
                baths:
                  - {name: hot, temperature: 2, coupling: hermitian, operators: [sx(a)],
                     spectral_density: {type: drude-lorentz, lambda: 0.1, gamma: 2}}
                  - {name: cold, temperature: 1, coupling: hermitian, operators: [sx(b)],
                     spectral_density: {type: drude-lorentz, lambda: 0.1, gamma: 2}}
                initial_state: {product: [e, e]}
                method: heom
                """);
    }

    @Test
    void steadyReportsTheHierarchy() throws IOException {
        Result r = coherent("steady", twoQubits().toString(), "--set", "heom_tolerance=1e-4", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("heom", j.get("method").asText());
        assertEquals("heom-gmres", j.get("solver").asText());
        JsonNode h = j.get("hierarchy");
        assertTrue(h.get("converged").asBoolean() && h.get("automatic").asBoolean(), h.toString());
        assertTrue(h.get("levels").size() >= 3, h.toString());
        assertTrue(h.get("ados").asLong() > 1 && h.get("bytes").asLong() > 0, h.toString());
        assertTrue(h.get("error_estimates").get("population.1").asDouble() < 1e-4, h.toString());
        JsonNode currents = j.get("observables").get("energy_current");
        assertEquals(0, currents.get("hot").asDouble() + currents.get("cold").asDouble(), 1e-10);
        assertTrue(currents.get("hot").asDouble() > 0);
    }

    @Test
    void runReportsTheHierarchyItPropagated() throws IOException {
        Result r = coherent("run", twoQubits().toString(), "--set", "heom_depth=2", "--set", "heom_exponents=1", "--until",
                "2", "--set", "points=5", "--json", "--out", tmp.resolve("run").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode h = r.json().get("hierarchy");
        assertEquals(2, h.get("depth").asInt());
        assertTrue(h.get("notes").toString().contains("depth 1"), h.toString());
        assertTrue(h.get("error_estimates").get("population.1").asDouble() > 0, h.toString());
    }

    /** Two identical qubits on one bath through sx(a) + sx(b): the dark singlet is a sector of its own. */
    private Path darkSinglet(String initial) throws IOException {
        return Files.writeString(tmp.resolve("dark.yaml"), """
                model: finite
                subsystems:
                  - {name: a, type: qubit}
                  - {name: b, type: qubit}
                hamiltonian: 0.5*sz(a) + 0.5*sz(b)
                baths:
                  - {name: hot, temperature: 1, coupling: hermitian, operators: [sx(a) + sx(b)],
                     spectral_density: {type: drude-lorentz, lambda: 0.05, gamma: 2}}
                initial_state: %s
                method: heom
                heom_depth: 3
                heom_exponents: 2
                """.formatted(initial));
    }

    @Test
    void conservedSectorsAreReportedAndInterSectorCoherenceRefused() throws IOException {
        Result r = coherent("steady", darkSinglet("maximally-mixed").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(2, j.get("hierarchy").get("sectors").asInt(), j.get("hierarchy").toString());
        assertEquals(false, j.get("unique").asBoolean());
        assertTrue(j.get("notes").toString().contains("projection of the initial state"), j.get("notes").toString());
        Result e = coherent("steady", darkSinglet("{product: [e, g]}").toString());
        assertEquals(Main.BAD_INPUT, e.code(), e.err());
        assertEquals(1, e.err().strip().lines().count(), e.err());
        assertTrue(e.err().contains("steady_state") && e.err().contains("coherences between them"), e.err());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        String file = twoQubits().toString();
        String[][] cases = {{"--set", "heom_depth=0"}, {"--set", "heom_tolerance=-1"}, {"--set", "heom_max_memory=1KiB"},
                {"--set", "heom_expansion=taylor"}};
        String[] fields = {"heom_depth", "heom_tolerance", "heom_max_memory", "heom_expansion"};
        for (int i = 0; i < cases.length; i++) {
            Result r = coherent("steady", file, cases[i][0], cases[i][1]);
            assertEquals(Main.BAD_INPUT, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(fields[i]), r.err());
        }
        Result flat = coherent("steady", "two-atoms", "--set", "method=heom");
        assertEquals(Main.BAD_INPUT, flat.code(), flat.err());
        assertTrue(flat.err().contains("finite correlation time"), flat.err());
    }
}
