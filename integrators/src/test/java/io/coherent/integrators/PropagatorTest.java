package io.coherent.integrators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bosonic.ExactDynamics;
import io.coherent.core.bosonic.PartialCollectiveModel;
import io.coherent.core.quadrature.QuadratureTolerance;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PropagatorTest {
    private static final QuadratureTolerance Q = new QuadratureTolerance(1e-9, 1e-9, 200_000);
    private static final Relaxation DECAY = new Relaxation(1, 0.25, 2, 3, true);

    @Test
    void samplesEveryGridTimeInOrderFromDenseOutput() {
        var g = new ExactDynamics(PartialCollectiveModel.FIG_1A.toModel(), Q);
        List<Sample> samples = new ArrayList<>();
        OutputGrid grid = OutputGrid.uniform(0, 7, 141);
        RunOutcome out = new Propagator(IntegratorSettings.DEFAULT).run(g, grid, null, samples::add);
        assertNull(out.failure());
        assertEquals(141, samples.size());
        for (int i = 0; i < 141; i++) {
            assertEquals(grid.time(i), samples.get(i).t(), 1e-12);
        }
        assertTrue(out.statistics().steps() > 0 && out.statistics().evaluations() > out.statistics().steps());
        assertTrue(out.statistics().steps() < 140, "steps are longer than the output spacing: samples come from dense output");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dormand-prince-853", "dormand-prince-54", "gragg-bulirsch-stoer", "adams-moulton"})
    void everyIntegratorFollowsTheClosedForm(String name) {
        IntegratorSettings s = new IntegratorSettings(name, 1e-11, 1e-11, 0, 0);
        List<Sample> samples = new ArrayList<>();
        var registry = new SimpleMeterRegistry();
        RunOutcome out = new Propagator(s).run(DECAY, RunPlan.of(OutputGrid.uniform(0, 10, 51)), samples::add,
                new RunControl(), new RunMetrics(registry));
        assertNull(out.failure(), out.failure());
        assertEquals(51, samples.size());
        for (Sample x : samples) {
            assertEquals(DECAY.x(x.t()), x.observables().value("x"), 2e-8, name + " at t = " + x.t());
            assertEquals(Math.cos(3 * x.t()), x.observables().value("c"), 2e-8, name + " at t = " + x.t());
            double rotation = 3 * Math.max(Math.abs(Math.sin(3 * x.t())), Math.abs(Math.cos(3 * x.t())));
            assertEquals(Math.max(Math.abs(DECAY.x(x.t()) - 0.25) / 2, rotation), x.derivativeNorm(), 1e-6,
                    "max |dy/dt| from the dense output at t = " + x.t());
        }
        IntegrationStatistics st = out.statistics();
        assertEquals(name, st.integrator());
        assertEquals(name.equals("gragg-bulirsch-stoer"), st.rejected().isEmpty());
        assertEquals(st.steps(), registry.get(RunMetrics.STEPS).counter().count());
        assertEquals(st.evaluations(), registry.get(RunMetrics.EVALUATIONS).counter().count());
        assertEquals(51, registry.get(RunMetrics.SAMPLES).counter().count());
        assertEquals(1, registry.get(RunMetrics.RUN_TIME).timer().count());
        assertEquals(st.rejected().isPresent(), registry.find(RunMetrics.REJECTED).counter() != null);
    }

    @Test
    void initialAndMaximumStepAreHonoured() {
        List<Sample> samples = new ArrayList<>();
        RunOutcome capped = new Propagator(new IntegratorSettings("dormand-prince-853", 1e-8, 1e-8, 0.01, 0.05))
                .run(DECAY, OutputGrid.uniform(0, 10, 3), null, samples::add);
        assertTrue(capped.statistics().steps() >= 200, "10 time units at max_step 0.05: " + capped.statistics().steps());
        assertThrows(IllegalArgumentException.class, () -> new IntegratorSettings("dormand-prince-853", 1e-8, 1e-8, 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new IntegratorSettings("rk4", 1e-8, 1e-8, 0, 0));
    }

    @Test
    void logarithmicAndListedOutputTimes() {
        OutputGrid log = OutputGrid.logarithmic(100, 6, 4);
        assertArrayEquals(new double[] {0, 0.01, 0.1, 1, 10, 100}, log.times(), 1e-12, "0, then 1e-4 .. 1 x until");
        OutputGrid listed = OutputGrid.list(new double[] {0.5, 2, 7});
        assertArrayEquals(new double[] {0, 0.5, 2, 7}, listed.times());
        for (OutputGrid grid : List.of(log, listed)) {
            List<Sample> samples = new ArrayList<>();
            new Propagator(IntegratorSettings.DEFAULT).run(DECAY, grid, null, samples::add);
            assertArrayEquals(grid.times(), samples.stream().mapToDouble(Sample::t).toArray());
            samples.forEach(x -> assertEquals(DECAY.x(x.t()), x.observables().value("x"), 1e-9));
        }
        assertThrows(IllegalArgumentException.class, () -> OutputGrid.list(new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> OutputGrid.list(new double[] {-1, 1}));
    }
}
