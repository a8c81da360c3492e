package io.coherent.app.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.coherent.config.ScenarioException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AxisTest {

    @Test
    void logGridHasExactEndsAndConstantRatio() {
        Axis a = Axis.parse("T=log:1e-3:10:5");
        assertEquals(Axis.Scale.LOG, a.scale());
        double[] v = a.values();
        assertEquals(1e-3, v[0]);
        assertEquals(10, v[4]);
        double[] expected = {1e-3, 1e-2, 1e-1, 1, 10};
        for (int i = 0; i < 5; i++) {
            assertEquals(expected[i], v[i], 1e-14 * expected[i], "value " + i);
        }
        Axis fine = Axis.parse("gamma=log:pi/400:pi:61");
        double ratio = Math.pow(400, 1.0 / 60);
        for (int i = 1; i < fine.count(); i++) {
            assertEquals(ratio, fine.value(i) / fine.value(i - 1), 1e-13, "ratio at " + i);
        }
        assertEquals(Math.PI / 400, fine.value(0));
        assertEquals(Math.PI, fine.value(60));
    }

    @Test
    void linearGridWithExpressions() {
        Axis a = Axis.parse("theta=0:pi/2:5");
        assertEquals(Axis.Scale.LINEAR, a.scale());
        assertArrayEquals(new double[] {0, Math.PI / 8, Math.PI / 4, 3 * Math.PI / 8, Math.PI / 2}, a.values(), 1e-15);
        assertEquals(Math.PI / 2, a.values()[4]);
        assertArrayEquals(new double[] {2, 1.5, 1}, Axis.parse("T = 2 : 1 : 3").values(), 0.0, "descending, spaces");
    }

    @Test
    void badSpecificationsNameTheProblem() {
        for (List<String> c : List.of(
                List.of("theta", "expected NAME=START:STOP:N"),
                List.of("=0:1:3", "expected NAME=START:STOP:N"),
                List.of("theta=0:1", "expected NAME=START:STOP:N"),
                List.of("theta=0:1:2:3:4", "expected NAME=START:STOP:N"),
                List.of("theta=lin:0:1:3", "'lin' is not a scale: expected log"),
                List.of("theta=0:1:2.5", "N = 2.5 is not allowed: expected an integer >= 2"),
                List.of("theta=0:1:1", "N = 1 is not allowed"),
                List.of("theta=0:x:3", "STOP = 'x' is not a number"),
                List.of("theta=0:0:3", "START and STOP must be different finite numbers"),
                List.of("T=log:-1:1:3", "a log range needs START > 0 and STOP > 0"))) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> Axis.parse(c.get(0)), c.get(0));
            assertEquals(true, e.getMessage().startsWith("--param " + c.get(0) + ": "), e.getMessage());
            assertEquals(true, e.getMessage().contains(c.get(1)), e.getMessage());
        }
    }

    @Test
    void gridIsRowMajorWithTheFirstAxisSlowest() {
        Grid g = new Grid(List.of(Axis.parse("a=0:2:3"), Axis.parse("b=10:20:2")));
        assertEquals(6, g.size());
        assertEquals(List.of(1, 0), g.point(2).cell());
        assertEquals(List.of(1.0, 10.0), g.point(2).values());
        assertEquals(List.of("a=1", "b=10"), g.overrides(g.point(2)));
        assertEquals(List.of(0, 1, 4, 5), g.corners().stream().map(Grid.Point::index).toList());
        assertEquals("0.39269908169872414", Grid.text(Math.PI / 8));
        assertEquals(Math.PI / 8, Double.parseDouble(Grid.text(Math.PI / 8)));
    }
}
