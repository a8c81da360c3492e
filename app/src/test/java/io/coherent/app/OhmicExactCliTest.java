package io.coherent.app;

import static io.coherent.app.MainTest.coherent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bilinear model with an Ohmic bath through the CLI: method exact takes it; what the fit cannot do is refused. */
class OhmicExactCliTest {
    private static final String OHMIC = """
            model: bilinear
            hamiltonian: [[1.0, 0.3], [0.3, 1.5]]
            baths:
              - name: hot
                coupling: [1, 0.5]
                temperature: 0.5
                spectral_density: {type: ohmic, lambda: 0.05, s: 2, Omega: 2}
            initial_occupation: [[1, 0], [0, 0]]
            """;

    @TempDir
    Path tmp;

    /** The exact engine's steady state: the exact self-energy, converged, said in a note (OhmicExactTest has the physics). */
    @Test
    void steadyStateIsExactAndSaysHow() throws IOException {
        Path yaml = Files.writeString(tmp.resolve("ohmic.yaml"), OHMIC);
        MainTest.Result r = coherent("steady", yaml.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertTrue(j.get("converged").asBoolean(), j.toString());
        // OhmicExactTest's closed-form reference for s = 2: n1 = 0.2301813168
        assertEquals(0.2301813168, j.get("observables").get("n1").asDouble(), 1e-9, j.toString());
        assertTrue(j.toString().contains("exact self-energy"), j.toString());
    }

    @Test
    void anExponentTheFitCannotFollowIsRefusedInOneLine() throws IOException {
        Path yaml = Files.writeString(tmp.resolve("ohmic.yaml"), OHMIC);
        MainTest.Result r = coherent("run", yaml.toString(), "--set", "baths.hot.spectral_density.s=0.1", "--until", "1");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("baths.hot.spectral_density.s") && r.err().contains("[0.25, 10.0]"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aCouplingThatBindsAStateBelowTheBandIsRefusedWithTheRange() throws IOException {
        Path yaml = Files.writeString(tmp.resolve("ohmic.yaml"), OHMIC);
        MainTest.Result r = coherent("steady", yaml.toString(), "--set", "baths.hot.spectral_density.lambda=2");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("baths.hot.spectral_density.lambda") && r.err().contains("allowed: lambda below"), r.err());
    }
}
