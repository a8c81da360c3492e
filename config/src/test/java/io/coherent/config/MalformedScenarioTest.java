package io.coherent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inputs from the adversarial pass of issue 15 that used to end in a stack overflow, an index out of bounds, an
 * overflowed dimension or a silently ignored document: each is now one line naming the key.
 */
class MalformedScenarioTest {

    private static String fails(String text, String key, String... fragments) {
        return fails(() -> ScenarioLoader.loadText(text, "scenario", new ModelLimits(512, "--max-dimension")), key,
                fragments);
    }

    private static String fails(org.junit.jupiter.api.function.Executable load, String key, String... fragments) {
        ScenarioException e = assertThrows(ScenarioException.class, load);
        String m = e.getMessage();
        assertFalse(m.contains("\n") || m.contains("\r"), "one line: " + m);
        assertEquals(key, e.key(), m);
        for (String f : fragments) {
            assertTrue(m.contains(f), "message '" + m + "' should contain '" + f + "'");
        }
        return m;
    }

    private static String qubits(int n) {
        StringBuilder s = new StringBuilder("model: finite\nsubsystems: [");
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ", ").append("{name: q").append(i).append(", type: qubit}");
        }
        return s.append("]\nhamiltonian: 0.5*sz(q0)\nbaths: [{name: b, temperature: 1, coupling: hermitian, "
                + "operators: [sx(q0)], spectral_density: {type: flat, level: 0.01}}]\n").toString();
    }

    @Test
    void sixThousandMinusSignsAreOneNumber() {
        assertEquals(1.5, Expressions.evaluate("-".repeat(6000) + "1.5"));
        assertEquals(-1.5, Expressions.evaluate("-".repeat(6001) + "1.5"));
        Scenario s = ScenarioLoader.load(null, List.of("theta=" + "-".repeat(6000) + "0.25"));
        assertEquals(0.25, s.parameters().get("theta"));
    }

    @Test
    void deeplyNestedParenthesesAreRefusedWithTheirDepth() {
        String deep = "(".repeat(3000) + "sz(a)" + ")".repeat(3000);
        fails("model: finite\nsubsystems: [{name: a, type: qubit}]\nhamiltonian: " + deep + "\n", "hamiltonian",
                "nested deeper than 100");
        // 100 levels are fine
        Scenario s = ScenarioLoader.loadText("model: finite\nsubsystems: [{name: a, type: qubit}]\nhamiltonian: "
                + "(".repeat(100) + "sz(a)" + ")".repeat(100) + "\nbaths: [{name: b, temperature: 1, coupling: hermitian, "
                + "operators: [sx(a)], spectral_density: {type: flat, level: 0.01}}]\n", "scenario");
        assertEquals("scenario", s.name());
        // and so are unary minus signs in operators, any number of them
        ScenarioLoader.loadText("model: finite\nsubsystems: [{name: a, type: qubit}]\nhamiltonian: "
                + "-".repeat(6000) + "sz(a)\nbaths: [{name: b, temperature: 1, coupling: hermitian, "
                + "operators: [sx(a)], spectral_density: {type: flat, level: 0.01}}]\n", "scenario");
    }

    @Test
    void deeplyNestedYamlIsRefused() {
        fails("preset: two-atoms\nparameters: " + "[".repeat(3000) + "]".repeat(3000) + "\n", "scenario", "nested");
        fails("{\"a\": " + "{\"a\": ".repeat(3000) + "1" + "}".repeat(3001), "scenario", "nested");
    }

    @Test
    void aSecondYamlDocumentIsRefused() {
        fails("preset: two-atoms\n---\npreset: coupled-qubits\n", "scenario", "line 3", "second YAML document");
    }

    @Test
    void aBilinearModelWithoutBathsIsRefused() {
        fails("model: bilinear\nhamiltonian: [[1.0]]\nbaths: []\n", "baths", "at least one bath");
        fails("model: bilinear\nhamiltonian: [[1.0]]\n", "baths", "at least one bath");
    }

    @Test
    void modelsBeyondTheDimensionLimitAreRefusedBeforeAnyOperatorIsBuilt() {
        fails(qubits(12), "subsystems", "12 subsystems", "dimension 4096", "limit of 512 (--max-dimension)",
                "268 MB per operator");
        fails(qubits(42), "subsystems", "dimension 4398046511104", "EB per operator");
        fails("model: finite\nsubsystems: [{name: c, type: oscillator, cutoff: 1000}]\nhamiltonian: n(c)\n",
                "subsystems", "dimension 1001");
        fails("model: finite\nsubsystems: [{name: s, type: spin, j: 1e12}]\nhamiltonian: sz(s)\n", "subsystems");
        // at the limit it loads
        assertEquals(64, ((io.coherent.core.open.OpenSystem) ScenarioLoader.loadText(qubits(6), "scenario",
                new ModelLimits(64, "--max-dimension")).model()).space().dimension());
    }
}
