package io.coherent.app;

import static io.coherent.app.MainTest.coherent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.coherent.app.MainTest.Result;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The master-equation methods through the command line: presets, method selection, refusals. */
class MasterEquationCliTest {

    @TempDir
    Path tmp;

    @Test
    void twoAtomRedfieldKeepsCoherenceThatSecularLoses() throws IOException {
        JsonNode redfield = coherent("steady", "two-atoms", "--json").json();
        JsonNode secular = coherent("steady", "two-atoms", "--set", "method=secular", "--json").json();
        assertEquals("redfield", redfield.get("method").asText());
        assertTrue(redfield.get("unique").asBoolean());
        assertTrue(redfield.get("observables").get("coherence_l1").asDouble() > 0.1);
        assertTrue(Math.abs(secular.get("observables").get("coherence_l1").asDouble()) < 1e-12);
        // the heat that leaves the hot bath b enters the cold bath a
        JsonNode currents = redfield.get("observables").get("energy_current");
        assertEquals(0, currents.get("a").asDouble() + currents.get("b").asDouble(), 1e-10);
        assertTrue(currents.get("b").asDouble() > 0);
    }

    @Test
    void equalTemperaturesGiveNoCoherenceAndNoCurrent() throws IOException {
        JsonNode j = coherent("steady", "coupled-qubits", "--set", "T2=2", "--json").json();
        assertEquals(0, j.get("observables").get("coherence_l1").asDouble(), 1e-10);
        assertEquals(0, j.get("observables").get("energy_current").get("1").asDouble(), 1e-10);
    }

    @Test
    void steadyStateMatchesTheEndOfALongRun() throws IOException {
        JsonNode steady = coherent("steady", "coupled-qubits", "--json").json();
        Result r = coherent("run", "coupled-qubits", "--until", "60", "--set", "points=7", "--json", "--out",
                tmp.resolve("cq").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode run = r.json();
        for (String name : new String[] {"coherence_l1", "concurrence", "population_difference"}) {
            if (steady.get("observables").has(name)) {
                assertEquals(steady.get("observables").get(name).asDouble(), run.get("observables").get(name).asDouble(),
                        1e-7, name);
            }
        }
    }

    /** A qubit and an oscillator with 20 Fock levels (d = 40, beyond the dense null space). */
    private Path qubitOscillator(String baths) throws IOException {
        return java.nio.file.Files.writeString(tmp.resolve("rabi.yaml"), """
                model: finite
                subsystems:
                  - {name: q, type: qubit}
                  - {name: c, type: oscillator, cutoff: 19}
                hamiltonian: 0.55*sz(q) + n(c) + 0.05*sx(q)*(a(c) + ad(c))
                """ + baths + """
                initial_state: ground
                method: redfield
                lamb_shift: false
                """);
    }

    /** Beyond the dense spectrum's d = 12, run and steady print one relaxation time (d = 16 here, Arnoldi). */
    @Test
    void runAndSteadyReportTheSameRelaxationTimeAtDimension16() throws IOException {
        Path yaml = java.nio.file.Files.writeString(tmp.resolve("rabi16.yaml"), """
                model: finite
                subsystems:
                  - {name: q, type: qubit}
                  - {name: c, type: oscillator, cutoff: 7}
                hamiltonian: 0.55*sz(q) + n(c) + 0.05*sx(q)*(a(c) + ad(c))
                baths:
                  - {name: qubit, temperature: 0.5, coupling: hermitian, operators: [sx(q)],
                     spectral_density: {type: ohmic, lambda: 0.01, Omega: 5}}
                  - {name: cavity, temperature: 0.2, coupling: hermitian, operators: [a(c) + ad(c)],
                     spectral_density: {type: ohmic, lambda: 0.01, Omega: 5}}
                initial_state: ground
                method: redfield
                """);
        Result steady = coherent("steady", yaml.toString(), "--json");
        assertEquals(0, steady.code(), steady.err());
        Result run = coherent("run", yaml.toString(), "--json", "--quiet", "--out", tmp.resolve("run16").toString());
        assertEquals(0, run.code(), run.err());
        double tau = steady.json().get("relaxation_time").asDouble();
        assertTrue(tau > 1, steady.out());
        // one computation each, same algorithm and seed: equal to the estimate's tolerance (1e-8 relative)
        assertEquals(tau, run.json().get("relaxation_time").asDouble(), 1e-8 * tau, run.out());
        // run's automatic length: 5 relaxation times, rounded up (not the default 200 of an unknown time)
        assertTrue(run.json().get("length").asText().contains("5 x the slowest relaxation time"), run.out());
    }

    @Test
    void aLargeFiniteSystemGetsItsSteadyStateByGmres() throws IOException {
        Path yaml = qubitOscillator("""
                baths:
                  - {name: qubit, temperature: 1, coupling: hermitian, operators: [sx(q)],
                     spectral_density: {type: ohmic, lambda: 0.01, Omega: 5}}
                  - {name: cavity, temperature: 0.3, coupling: hermitian, operators: [a(c) + ad(c)],
                     spectral_density: {type: ohmic, lambda: 0.01, Omega: 5}}
                """);
        Result r = coherent("steady", yaml.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("gmres", j.get("solver").asText());
        assertTrue(j.get("iterations").asInt() > 0, j.toString());
        assertTrue(j.get("converged").asBoolean() && j.get("unique").asBoolean(), j.toString());
        // d = 40: the relaxation time comes from Arnoldi on the propagator (the dense spectrum stops at d = 12)
        assertTrue(j.get("relaxation_time").asDouble() > 1, j.toString());
        // the loosest bound is the currents' (||H_S||_F ||D_k|| d delta); still far below the current itself (4e-3)
        assertTrue(j.get("error_estimate").asDouble() < 1e-5, j.toString());
        double trace = 0;
        for (JsonNode p : j.get("observables").get("population")) {
            trace += p.asDouble();
        }
        assertEquals(1, trace, 1e-12);
        // the heat the hot qubit bath gives is what the cold cavity bath takes
        JsonNode currents = j.get("observables").get("energy_current");
        assertEquals(0, currents.get("qubit").asDouble() + currents.get("cavity").asDouble(), 1e-10);
        assertTrue(currents.get("qubit").asDouble() > 0);
    }

    @Test
    void aLargeFiniteSystemWithoutBathsIsRefusedWithOneLine() throws IOException {
        Result r = coherent("steady", qubitOscillator("baths: []\n").toString(), "--json");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("coherent: steady_state") || r.err().contains("steady_state:"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void caseDAtResonanceReportsANonUniqueSteadyState() throws IOException {
        JsonNode j = coherent("steady", "two-atoms", "--set", "case=D", "--json").json();
        assertFalse(j.get("unique").asBoolean(), j.toString());
        assertTrue(j.get("decoherence_free_modes").asInt() >= 1);
    }

    @Test
    void methodsThatDoNotApplyAreRefused() {
        Result r = coherent("steady", "two-atoms", "--set", "method=exact");
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("exact applies to bilinear bosonic models only"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        Result bad = coherent("steady", "coupled-qubits", "--set", "statistics=anyon");
        assertEquals(Main.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("statistics = anyon is not allowed: expected one of bose, fermi"), bad.err());
        Result flat = coherent("steady", "two-atoms", "--set", "lamb_shift=true");
        assertEquals(Main.BAD_INPUT, flat.code());
        assertTrue(flat.err().contains("lamb_shift"), flat.err());
    }

    @Test
    void compositeQubitCoherenceNeedsTheLambShift() throws IOException {
        JsonNode with = coherent("steady", "composite-qubit", "--json").json();
        JsonNode without = coherent("steady", "composite-qubit", "--set", "lamb_shift=false", "--json").json();
        JsonNode secular = coherent("steady", "composite-qubit", "--set", "method=secular", "--json").json();
        assertTrue(with.get("observables").get("coherence_l1").asDouble() > 0.01, with.toString());
        assertEquals(0, without.get("observables").get("coherence_l1").asDouble(), 1e-12);
        assertEquals(0, secular.get("observables").get("coherence_l1").asDouble(), 1e-12);
    }

    @Test
    void multiplexedOutputCoherenceFollowsTheConservedInputs() throws IOException {
        JsonNode thermal = coherent("steady", "multiplexed", "--json").json();
        JsonNode excited = coherent("steady", "multiplexed", "--set", "inputs=excited", "--json").json();
        assertFalse(thermal.get("unique").asBoolean());
        double x = thermal.get("observables").get("sigma_x_out").asDouble();
        double y = excited.get("observables").get("sigma_x_out").asDouble();
        assertTrue(Math.abs(x) > 1e-3, thermal.toString());
        assertTrue(x * y < 0, "flipping the driving spins flips the output coherence: " + x + " vs " + y);
    }

    @Test
    void presetsListsEveryPresetWithItsParameters() {
        Result r = coherent("presets");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("two-atoms:") && r.out().contains("case") && r.out().contains("one of A, B, C, D"), r.out());
        assertTrue(r.out().contains("coupled-qubits:") && r.out().contains("mu2"), r.out());
    }
}
