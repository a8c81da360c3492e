package io.coherent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionsTest {

    @Test
    void numbersAndPi() {
        assertEquals(0.3, Expressions.evaluate("0.3"));
        assertEquals(1e-10, Expressions.evaluate("1e-10"));
        assertEquals(2.5E3, Expressions.evaluate("2.5E+3"));
        assertEquals(-4, Expressions.evaluate("-4"));
        assertEquals(.5, Expressions.evaluate(".5"));
        assertEquals(Math.PI, Expressions.evaluate("pi"));
        assertEquals(Math.PI / 8, Expressions.evaluate("pi/8"));
        assertEquals(-Math.PI / 4, Expressions.evaluate("-pi/4"));
        assertEquals(2 * Math.PI, Expressions.evaluate("2*pi"));
        assertEquals(0.5 * Math.PI, Expressions.evaluate("0.5*pi"));
        assertEquals(3 * Math.PI / 4, Expressions.evaluate(" 3 * pi / 4 "));
        assertEquals(-Math.PI / 4, Expressions.evaluate("pi/-4"));
    }

    @Test
    void rejectsEverythingElse() {
        for (String bad : new String[] {"", " ", "nan", "NaN", "inf", "Infinity", "1/0", "pi+1", "(pi)", "2pi", "1e",
                "--", "*2", "2*", "0x10", "1,5", "e", "1e400"}) {
            assertThrows(IllegalArgumentException.class, () -> Expressions.evaluate(bad), bad);
        }
    }

    @Test
    void variablesAndSums() {
        Map<String, Double> v = Map.of("Ta", 10.0, "DT", 50.0, "Gamma", 0.3, "x_1", -2.0);
        assertEquals(60.0, Expressions.evaluate("Ta+DT", v));
        assertEquals(-40.0, Expressions.evaluate(" Ta - DT ", v));
        assertEquals(0.1 * 0.3, Expressions.evaluate("0.1*Gamma", v));
        assertEquals(10 - 50 / 2.0 + Math.PI, Expressions.evaluate("Ta - DT/2 + pi", v));
        assertEquals(2.0, Expressions.evaluate("-x_1", v));
        assertEquals(1e-3 + 10, Expressions.evaluate("1e-3+Ta", v));
        assertEquals(7.0, Expressions.evaluate("3+4", Map.of()));
        for (String bad : new String[] {"Tb+1", "Ta+", "Ta DT", "2Ta", "Ta*(DT)"}) {
            assertThrows(IllegalArgumentException.class, () -> Expressions.evaluate(bad, v), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Expressions.evaluate("Ta+DT"));
    }
}
