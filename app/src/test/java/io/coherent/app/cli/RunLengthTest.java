package io.coherent.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.config.RunSettings;
import io.coherent.config.Scenario;
import io.coherent.config.ScenarioLoader;
import io.coherent.core.dynamics.Generator;
import io.coherent.core.dynamics.Method;
import io.coherent.core.methods.Engines;
import java.util.List;
import org.junit.jupiter.api.Test;

/** until and points fitted to the model when not set, kept when set. */
class RunLengthTest {

    private static Generator generator(Scenario s) {
        return Engines.generator(s.model(), Method.of(s.method()), s.run().engineOptions());
    }

    @Test
    void untilIsFiveRelaxationTimesRoundedUp() {
        assertEquals(500, RunLength.roundUp(409.3));
        assertEquals(2.5, RunLength.roundUp(2.13));
        assertEquals(20000, RunLength.roundUp(13395));
        assertEquals(100, RunLength.roundUp(100));
        Scenario s = ScenarioLoader.load("two-atoms", List.of());
        Generator g = generator(s);
        RunLength length = RunLength.fit(s.run(), g, false);
        assertEquals(0.4265, g.slowestRelaxationTime().getAsDouble(), 1e-4);
        assertEquals(2.5, length.settings().until(), "5 x 0.4265 = 2.13, rounded up");
        assertTrue(length.how().startsWith("until = 2.5: 5 x the slowest relaxation time 0.4265"), length.how());
        assertEquals(10, RunLength.fit(s.run(), g, true).settings().until(), 1e-12,
                "with --stop-on-steady 12 x 0.4265 = 5.12, rounded up");
    }

    @Test
    void pointsResolveTheFastestMotion() {
        // two atoms at Omega = 30: the Liouvillian's largest frequencies are about 60, so 16 samples per period over
        // until = 2.5 need about 2.5 * 60 / 2 pi * 16 = 382 (the default 401 suffices); over until = 100, 15000
        Scenario s = ScenarioLoader.load("two-atoms", List.of());
        Generator g = generator(s);
        double radius = RunLength.spectralRadius(g);
        assertTrue(radius > 55 && radius < 120, "spectral radius " + radius);
        Scenario longer = ScenarioLoader.load("two-atoms", List.of("until=100"));
        RunSettings fitted = RunLength.fit(longer.run(), g, false).settings();
        assertEquals(100, fitted.until());
        assertTrue(fitted.points() > 10_000 && fitted.points() <= RunLength.MAX_POINTS, "points " + fitted.points());
    }

    @Test
    void whatIsSetIsKept() {
        Scenario s = ScenarioLoader.load("two-atoms", List.of("until=7", "points=21"));
        RunLength length = RunLength.fit(s.run(), generator(s), false);
        assertEquals(7, length.settings().until());
        assertEquals(21, length.settings().points());
        assertEquals("until = 7, points = 21 (as set)", length.how());
    }
}
