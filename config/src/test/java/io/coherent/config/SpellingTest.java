package io.coherent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpellingTest {

    @Test
    void aMisspelledPresetGetsTheClosestName() {
        assertEquals(Optional.of("two-atoms"), Spelling.closest("two-atom", Presets.names()));
        assertEquals(Optional.of("two-atoms"), Spelling.closest("tow-atoms", Presets.names()));
        assertEquals(Optional.of("partial-collective"), Spelling.closest("Partial-Colective", Presets.names()));
        assertEquals(Optional.empty(), Spelling.closest("harmonic-chain", Presets.names()));
        assertEquals(1, Spelling.distance("ab", "ba"));
    }

    @Test
    void theLoaderSuggestsIt() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load("multiplex", List.of()));
        assertTrue(e.getMessage().endsWith("; did you mean multiplexed?"), e.getMessage());
    }
}
