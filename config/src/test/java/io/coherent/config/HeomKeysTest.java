package io.coherent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.ExpansionScheme;
import io.coherent.core.heom.HeomOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The heom_* keys: defaults, values, and one-line refusals of what the hierarchy cannot take. */
class HeomKeysTest {
    @TempDir
    Path dir;

    private static final String MODEL = """
            model: finite
            subsystems:
              - {name: a, type: qubit}
              - {name: b, type: qubit}
            hamiltonian: 0.5*sz(a) + 0.5*sz(b) + 0.1*(sp(a)*sm(b) + sm(a)*sp(b))
            baths:
              - {name: hot, temperature: 2, coupling: hermitian, operators: [sx(a)],
                 spectral_density: {type: drude-lorentz, lambda: 0.1, gamma: 2}}
              - {name: cold, temperature: 1, coupling: hermitian, operators: [sx(b)],
                 spectral_density: {type: SPECTRUM}}
            initial_state: {product: [e, e]}
            method: heom
            """;

    private String scenario(String coldSpectrum) throws IOException {
        Path p = dir.resolve("two-qubits.yaml");
        Files.writeString(p, MODEL.replace("type: SPECTRUM", coldSpectrum));
        return p.toString();
    }

    private String drude() throws IOException {
        return scenario("type: drude-lorentz, lambda: 0.1, gamma: 2");
    }

    private static void fails(String scenario, List<String> sets, String... fragments) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(scenario, sets));
        String m = e.getMessage();
        assertFalse(m.contains("\n"), "one line: " + m);
        for (String f : fragments) {
            assertTrue(m.contains(f), "'" + m + "' should contain '" + f + "'");
        }
    }

    @Test
    void defaultsAreAutomatic() throws IOException {
        HeomOptions h = ScenarioLoader.load(drude(), List.of()).run().heom();
        assertNull(h.depth());
        assertNull(h.exponents());
        assertNull(h.expansion());
        assertTrue(h.terminator());
        assertEquals(1e-6, h.tolerance());
        assertEquals(2L << 30, h.maxMemory());
    }

    @Test
    void trajectoriesUseTheExponentialPropagatorUnlessAsked() throws IOException {
        assertEquals("krylov", ScenarioLoader.load(drude(), List.of()).run().integrator());
        assertEquals("dormand-prince-853",
                ScenarioLoader.load(drude(), List.of("integrator=dormand-prince-853")).run().integrator());
        fails(drude(), List.of("method=redfield", "integrator=krylov"),
                "integrator = krylov needs a linear time-independent method: heom (method is redfield)");
    }

    @Test
    void keysAreRead() throws IOException {
        HeomOptions h = ScenarioLoader.load(drude(), List.of("heom_depth=4", "heom_exponents=0", "heom_expansion=matsubara",
                "heom_terminator=false", "heom_tolerance=1e-5", "heom_max_memory=512MiB")).run().heom();
        assertEquals(4, h.depth());
        assertEquals(0, h.exponents());
        assertEquals(ExpansionScheme.MATSUBARA, h.expansion());
        assertFalse(h.terminator());
        assertEquals(1e-5, h.tolerance());
        assertEquals(512L << 20, h.maxMemory());
        assertEquals(4_000_000_000L, ScenarioLoader.load(drude(), List.of("heom_max_memory=4GB")).run().heom().maxMemory());
    }

    @Test
    void badValuesAreRefusedWithOneLine() throws IOException {
        String s = drude();
        fails(s, List.of("heom_depth=0"), "heom_depth", "whole number >= 1");
        fails(s, List.of("heom_depth=2.5"), "heom_depth");
        fails(s, List.of("heom_exponents=-1"), "heom_exponents", ">= 0");
        fails(s, List.of("heom_expansion=taylor"), "heom_expansion", "pade", "matsubara", "fit");
        fails(s, List.of("heom_terminator=maybe"), "heom_terminator");
        fails(s, List.of("heom_tolerance=0"), "heom_tolerance", "> 0");
        fails(s, List.of("heom_max_memory=lots"), "heom_max_memory", "GiB");
    }

    @Test
    void whatTheHierarchyCannotTakeIsRefused() throws IOException {
        fails(drude(), List.of("heom_max_memory=1KiB"), "heom_max_memory", "auxiliary density operators");
        fails(scenario("type: flat, level: 0.01"), List.of(), "spectral_density", "finite correlation time", "lorentzian",
                "drude-lorentz");
        fails(null, List.of("method=heom"), "method", "exact");
    }

    @Test
    void otherMethodsIgnoreTheKeys() throws IOException {
        List<String> sets = new ArrayList<>(List.of("method=redfield", "heom_depth=3"));
        assertEquals("redfield", ScenarioLoader.load(drude(), sets).method());
    }
}
