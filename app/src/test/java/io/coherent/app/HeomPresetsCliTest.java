package io.coherent.app;

import static io.coherent.app.MainTest.coherent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.coherent.app.MainTest.Result;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * method = heom on the papers' presets through the command line: the hierarchy object, the finite-width spectra
 * (spectrum, gamma_c, omega_c), the flat spectrum's refusal naming the preset's key (HeomCliTest covers scenario files).
 */
class HeomPresetsCliTest {

    private static final String[] SMALL = {"steady", "coupled-qubits", "--set", "method=heom", "--set", "spectrum=drude-lorentz",
            "--set", "omega_c=5", "--set", "J1=0.1", "--set", "J2=0.1", "--set", "heom_depth=2", "--set", "heom_exponents=1"};

    private static String[] with(String[] base, String... more) {
        String[] out = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }

    @Test
    void steadyJsonCarriesTheHierarchy() throws IOException {
        Result r = coherent(with(SMALL, "--json"));
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("heom", j.get("method").asText());
        JsonNode h = j.get("hierarchy");
        assertEquals(2, h.get("depth").asInt());
        assertEquals(1, h.get("exponents").asInt());
        assertTrue(h.get("ados").asLong() > 1);
        assertTrue(h.get("bytes_per_ado").asLong() > 0);
        assertFalse(h.get("automatic").asBoolean(), "depth and exponents were fixed");
        assertTrue(h.has("converged") && h.has("last_change") && h.has("levels"));
        assertEquals("pade", h.get("expansion").get("1").asText());
        // every reported observable carries an error estimate; the currents balance
        JsonNode currents = j.get("observables").get("energy_current");
        assertEquals(0, currents.get("1").asDouble() + currents.get("2").asDouble(), 1e-9);
        assertTrue(j.get("error_estimate").asDouble() > 0, "a truncated hierarchy never claims zero error");
    }

    @Test
    void aFlatSpectrumIsRefusedNamingThePresetsFiniteWidthOption() {
        for (String preset : List.of("two-atoms", "coupled-qubits")) {
            Result r = coherent("steady", preset, "--set", "method=heom");
            assertEquals(2, r.code(), preset + ": " + r.err());
            String line = r.err().strip();
            assertEquals(1, line.lines().count(), line);
            assertTrue(line.contains("spectrum") && line.contains("drude-lorentz") && line.contains("correlation time"), line);
            assertFalse(line.contains("Exception"), line);
        }
    }

    @Test
    void badKeysOnAPresetExitTwoWithOneLine() {
        String[][] cases = {
                {"heom_depth=two", "heom_depth"},
                {"heom_exponents=-1", "heom_exponents"},
                {"heom_terminator=maybe", "heom_terminator"},
                {"gamma_c=-1", "gamma_c"},
                {"omega_c=0", "omega_c"},
        };
        for (String[] c : cases) {
            String preset = c[1].equals("gamma_c") ? "two-atoms" : "coupled-qubits";
            // omega_c: coupled-qubits with method heom, like the heom keys
            String[] args = c[1].equals("gamma_c")
                    ? new String[] {"steady", "two-atoms", "--set", "spectrum=drude-lorentz", "--set", c[0]}
                    : with(new String[] {"steady", preset, "--set", "method=heom", "--set", "spectrum=drude-lorentz"}, "--set", c[0]);
            Result r = coherent(args);
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            String line = r.err().strip();
            assertEquals(1, line.lines().count(), c[0] + ": " + line);
            assertTrue(line.contains(c[1]), c[0] + " names " + c[1] + ": " + line);
            assertFalse(line.contains("Exception") || line.contains("internal error"), line);
        }
    }

    @Test
    void finiteWidthSpectraKeepTheMasterEquationsRunning() throws IOException {
        // the new spectra are ordinary spectral densities for redfield; at the defaults the flat one is unchanged
        JsonNode flat = coherent("steady", "two-atoms", "--json").json();
        JsonNode lorentz = coherent("steady", "two-atoms", "--set", "spectrum=lorentzian", "--set", "gamma_c=1000", "--json").json();
        assertEquals(flat.get("observables").get("rho_32").asDouble(), lorentz.get("observables").get("rho_32").asDouble(), 1e-4,
                "a Lorentzian much wider than the splitting is the flat spectrum near the transitions");
        assertEquals(0.11024, flat.get("observables").get("rho_32").asDouble(), 1e-5, "the paper's default is unchanged");
    }
}
