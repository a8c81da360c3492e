package io.coherent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
