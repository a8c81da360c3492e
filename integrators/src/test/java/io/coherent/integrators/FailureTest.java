package io.coherent.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.dynamics.Generator;
import io.coherent.core.observables.ObservableSet;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** A failing run ends with its reason and keeps the samples taken before. */
class FailureTest {
    private static final Relaxation DECAY = new Relaxation(1, 0.25, 2, 3, true);

    /** y' = y^2, y(0) = 1: blows up at t = 1. */
    private static final Generator BLOW_UP = new Generator() {
        public String method() {
            return "blow-up";
        }

        public int stateDimension() {
            return 1;
        }

        public double[] initialState() {
            return new double[] {1};
        }

        public void computeDerivatives(double t, double[] y, double[] yDot) {
            yDot[0] = y[0] * y[0];
        }

        public List<String> observableNames() {
            return List.of("x", "c");
        }

        public ObservableSet observe(double t, double[] y) {
            return DECAY.observe(t, new double[] {y[0], 0, 0});
        }

        public OptionalDouble slowestRelaxationTime() {
            return OptionalDouble.empty();
        }
    };

    @Test
    void finiteTimeBlowUpIsAStepSizeUnderflow() {
        List<Sample> samples = new ArrayList<>();
        RunOutcome out = new Propagator(IntegratorSettings.DEFAULT).run(BLOW_UP, OutputGrid.uniform(0, 2, 21), null,
                samples::add);
        assertTrue(out.failed());
        assertTrue(out.failure().startsWith("step-size underflow at t = 1.0000"), out.failure());
        assertEquals(10, samples.size(), "samples at 0 .. 0.9 are kept");
        assertEquals(0.9, out.last().t(), 1e-12);
    }

    @Test
    void nanStateEndsTheRun() {
        RunOutcome out = new Propagator(IntegratorSettings.DEFAULT).run(new Relaxation(Double.NaN, 0, 1, 1, true),
                OutputGrid.uniform(0, 1, 3), null, s -> { });
        assertEquals("the state became NaN or infinite at t = 0.00000000", out.failure());
    }

    @Test
    void anObserverThatThrowsEndsTheRunWithItsMessage() {
        List<Sample> seen = new ArrayList<>();
        RunOutcome out = new Propagator(IntegratorSettings.DEFAULT).run(DECAY, OutputGrid.uniform(0, 10, 11), null, s -> {
            if (s.t() >= 4) {
                throw new IllegalStateException("disk full");
            }
            seen.add(s);
        });
        assertEquals("an observer failed at t = 4.00000000: disk full", out.failure());
        assertEquals(4, seen.size(), "0, 1, 2, 3 were accepted");
    }

    @Test
    void aStopRequestEndsTheRunWithinOneStep() {
        RunControl control = new RunControl();
        List<Sample> seen = new ArrayList<>();
        RunOutcome out = new Propagator(new IntegratorSettings("dormand-prince-853", 1e-10, 1e-10, 0, 0.5)).run(DECAY,
                RunPlan.of(OutputGrid.uniform(0, 10, 101)), s -> {
                    seen.add(s);
                    if (s.t() >= 3) {
                        control.requestStop("converged (watcher)");
                    }
                }, control, new RunMetrics(new SimpleMeterRegistry()));
        assertNull(out.failure());
        assertEquals("converged (watcher)", out.stoppedBy());
        assertTrue(out.last().t() >= 3 && out.last().t() <= 3.5 + 1e-9, "within one step of 0.5: " + out.last().t());
        assertTrue(out.last().isEvent());
        assertEquals(out.last(), seen.get(seen.size() - 1));

        RunControl failing = new RunControl();
        failing.fail("subscriber 'web' vanished");
        RunOutcome failed = new Propagator(IntegratorSettings.DEFAULT).run(DECAY, RunPlan.of(OutputGrid.uniform(0, 10, 11)),
                s -> { }, failing, new RunMetrics(new SimpleMeterRegistry()));
        assertEquals("subscriber 'web' vanished", failed.failure());
    }
}
