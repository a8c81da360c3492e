package io.coherent.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events against the closed-form trajectory x = 1/4 + 3/4 exp(-t/2), c = cos 3t. */
class EventsTest {
    private static final Relaxation R = new Relaxation(1, 0.25, 2, 3, true);
    private static final IntegratorSettings TIGHT = new IntegratorSettings("dormand-prince-853", 1e-13, 1e-13, 0, 0);

    private static RunOutcome run(List<EventSpec> events, List<Sample> samples) {
        RunPlan plan = RunPlan.of(OutputGrid.uniform(0, 5, 51)).withEvents(events);
        return new Propagator(TIGHT).run(R, plan, samples::add, new RunControl(), new RunMetrics(new SimpleMeterRegistry()));
    }

    @Test
    void thresholdCrossingsOfCosineAtTheirClosedFormTimes() {
        List<Sample> samples = new ArrayList<>();
        RunOutcome out = run(List.of(new EventSpec.Threshold("c", 0.5, false)), samples);
        assertNull(out.failure());
        // cos 3t = 1/2 at 3t = pi/3, 5pi/3, 7pi/3, 11pi/3, 13pi/3 (falling, rising, falling, rising, falling)
        double[] expected = {Math.PI / 9, 5 * Math.PI / 9, 7 * Math.PI / 9, 11 * Math.PI / 9, 13 * Math.PI / 9};
        assertEquals(expected.length, out.events().size(), out.events().toString());
        List<Sample> eventSamples = samples.stream().filter(Sample::isEvent).toList();
        for (int i = 0; i < expected.length; i++) {
            EventRecord e = out.events().get(i);
            assertEquals(expected[i], e.t(), 1e-8, e.toString());
            assertEquals(i % 2 == 0 ? "c crossed 0.5 falling" : "c crossed 0.5 rising", e.description());
            assertFalse(e.stopped());
            assertEquals(e.t(), eventSamples.get(i).t());
            assertEquals(0.5, eventSamples.get(i).observables().value("c"), 1e-8);
        }
        assertEquals(51 + 5, samples.size(), "every output time plus one sample per event");
        for (int i = 1; i < samples.size(); i++) {
            assertTrue(samples.get(i).t() >= samples.get(i - 1).t(), "samples in time order");
        }
    }

    @Test
    void aStoppingThresholdEndsTheRunAtTheCrossing() {
        List<Sample> samples = new ArrayList<>();
        RunOutcome out = run(List.of(new EventSpec.Threshold("x", 0.5, true)), samples);
        double crossing = 2 * Math.log(3);
        assertEquals(crossing, out.last().t(), 1e-8);
        assertEquals(0.5, out.last().observables().value("x"), 1e-9);
        assertEquals("x crossed 0.5 falling", out.stoppedBy());
        assertEquals(22 + 1, samples.size(), "outputs 0 .. 2.1, then the event");
    }

    @Test
    void timeMarksAddSamplesAndCanStop() {
        List<Sample> samples = new ArrayList<>();
        RunOutcome out = run(List.of(new EventSpec.TimeMark(1.2345, false), new EventSpec.TimeMark(3, false),
                new EventSpec.TimeMark(4.25, true)), samples);
        assertEquals(List.of(1.2345, 3.0, 4.25), out.events().stream().map(EventRecord::t).toList());
        assertEquals("time mark t = 4.25", out.stoppedBy());
        List<Sample> marks = samples.stream().filter(Sample::isEvent).toList();
        assertEquals(3, marks.size());
        for (Sample m : marks) {
            assertEquals(R.x(m.t()), m.observables().value("x"), 1e-10);
        }
        // 0 .. 4.2 on the grid (43), plus 3 marks; t = 3 appears twice: as an output time and as a mark
        assertEquals(43 + 3, samples.size());
        assertEquals(4.25, out.last().t(), 1e-12);
    }

    @Test
    void badEventsAreRejectedBeforeTheRun() {
        assertThrows(IllegalArgumentException.class, () -> run(List.of(new EventSpec.Threshold("Jx", 0.5, false)), new ArrayList<>()));
        assertThrows(IllegalArgumentException.class, () -> run(List.of(new EventSpec.TimeMark(6, false)), new ArrayList<>()));
        assertThrows(IllegalArgumentException.class, () -> new EventSpec.TimeMark(-1, false));
    }
}
