package io.coherent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.Channel;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Subsystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiniteSystemSectionTest {

    private static final String TWO_QUBITS = """
            model: finite
            subsystems:
              - {name: a, type: qubit}
              - {name: b, type: qubit}
            hamiltonian: 0.5*sz(a) + 0.5*1.2*sz(b) + 0.05*(sp(a)*sm(b) + sm(a)*sp(b))
            baths:
              - name: hot
                temperature: 2
                coupling: hermitian
                operators: [sx(a)]
                spectral_density: {type: ohmic, lambda: 0.01, s: 1, Omega: 10}
              - name: cold
                temperature: 0.5
                coupling: hermitian
                operators: [sx(b)]
                spectral_density: {type: ohmic, lambda: 0.01, s: 1, Omega: 10}
            initial_state: {product: [e, g]}
            observables: {sz_a: sz(a)}
            until: 50
            """;

    @TempDir
    Path dir;

    private Path yaml(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private void fails(String text, String... fragments) throws IOException {
        Path f = yaml("bad.yaml", text);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f.toString(), List.of()));
        String m = e.getMessage();
        assertFalse(m.contains("\n"), m);
        for (String fragment : fragments) {
            assertTrue(m.contains(fragment), "message '" + m + "' should contain '" + fragment + "'");
        }
    }

    @Test
    void twoQubitFileBuildsTheOperatorsItNames() throws IOException {
        Scenario s = ScenarioLoader.load(yaml("two.yaml", TWO_QUBITS).toString(), List.of("baths.cold.temperature=0.25"));
        OpenSystem m = (OpenSystem) s.model();
        HilbertSpace space = HilbertSpace.of(Subsystem.qubit("a"), Subsystem.qubit("b"));
        ComplexMatrix sza = Operators.embed(space, "a", Operators.sigmaZ());
        ComplexMatrix szb = Operators.embed(space, "b", Operators.sigmaZ());
        ComplexMatrix hop = Operators.embed(space, "a", Operators.sigmaPlus())
                .times(Operators.embed(space, "b", Operators.sigmaMinus()));
        ComplexMatrix expected = sza.scale(0.5).plus(szb.scale(0.6)).plus(hop.plus(hop.conjugateTranspose()).scale(0.05));
        assertTrue(m.hamiltonian().distance(expected) < 1e-15);
        assertEquals("redfield", s.method());
        assertEquals(List.of("hot", "cold"), m.bathNames());
        assertEquals(new ThermalOccupation(ThermalOccupation.Statistics.BOSE, 0.25, 0), m.reservoirs().get(1).occupation());
        Channel c = m.reservoirs().get(0).channels().get(0);
        assertEquals(Channel.Kind.HERMITIAN, c.kind());
        assertEquals(new OhmicFamily(0.01, 1, 10), c.spectralDensity());
        // |e, g> with |e> = index 0: the basis state 1 of 4
        assertEquals(1.0, m.initialState().re(1, 1));
        assertEquals(1.0, m.initialState().traceRe(), 1e-15);
        assertEquals("sz_a", m.observables().get(0).name());
        assertEquals(50, s.run().until());
    }

    @Test
    void groundStateIsTheLowestEigenvector() throws IOException {
        Scenario s = ScenarioLoader.load(yaml("g.yaml", TWO_QUBITS.replace("initial_state: {product: [e, g]}",
                "initial_state: ground")).toString(), List.of());
        OpenSystem m = (OpenSystem) s.model();
        // the ground state of this H is |g g> (index 3), untouched by the hopping, which conserves excitations
        assertEquals(1.0, m.initialState().re(3, 3), 1e-12);
    }

    @Test
    void badInputNamesTheKey() throws IOException {
        fails(TWO_QUBITS.replace("sz(b) +", "sq(b) +"), "hamiltonian", "no operator 'sq' on qubit b", "sx, sy, sz");
        fails(TWO_QUBITS.replace("operators: [sx(a)]", "operators: [sx(c)]"), "baths.hot.operators[1]",
                "no subsystem 'c'");
        fails(TWO_QUBITS.replace("coupling: hermitian\n    operators: [sx(a)]", "coupling: tunnel\n    operators: [sx(a)]"),
                "baths.hot.coupling = tunnel is not allowed: expected one of hermitian, exchange");
        fails(TWO_QUBITS.replace("{name: b, type: qubit}", "{name: b, type: oscillator}"), "subsystems[2].cutoff is missing");
        fails(TWO_QUBITS.replace("[e, g]", "[e]"), "initial_state.product needs one level per subsystem (2)");
        fails(TWO_QUBITS.replace("0.5*sz(a)", "0.5*sz(a) + i*sz(b)"), "hamiltonian", "Hermitian");
        // one half of a hopping pair: the line of the hamiltonian and the size of the defect, |0.05 - 0|
        fails(TWO_QUBITS.replace(" + sm(a)*sp(b))", ")"), "bad.yaml, line 5: hamiltonian must be Hermitian",
                "largest defect 0.0500", "sp(a)*sm(b) + sm(a)*sp(b)");
        fails(TWO_QUBITS + "method: exact\n", "method = exact applies to bilinear bosonic models only");
        fails(TWO_QUBITS.replace("temperature: 2", "temperature: 2\n    statistics: fermi"), "baths.hot.statistics",
                "fermi needs an exchange");
    }
}
