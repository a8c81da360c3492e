package io.coherent.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.DrudeLorentz;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.dynamics.LinearGenerator;
import io.coherent.core.heom.CorrelationSource;
import io.coherent.core.heom.EmbeddedHierarchy;
import io.coherent.core.heom.Heom;
import io.coherent.core.heom.HeomOptions;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.open.Channel;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import io.coherent.core.open.Subsystem;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The Krylov exponential propagator against closed forms and against Dormand-Prince on a hierarchy. */
class KrylovIntegratorTest {
    private static final IntegratorSettings KRYLOV = new IntegratorSettings("krylov", 1e-11, 1e-11, 0, 0);

    /**
     * (c, s) rotates at omega while decaying at gamma, from (1, 0): c = exp(-gamma t) cos(omega t); x decays at
     * kappa, stiff for an explicit integrator when kappa >> 1: x = exp(-kappa t).
     */
    record DampedRotation(double gamma, double omega, double kappa) implements LinearGenerator {
        double c(double t) {
            return Math.exp(-gamma * t) * Math.cos(omega * t);
        }

        @Override
        public String method() {
            return "damped-rotation";
        }

        @Override
        public int stateDimension() {
            return 3;
        }

        @Override
        public double[] initialState() {
            return new double[] {1, 0, 1};
        }

        @Override
        public void computeDerivatives(double t, double[] y, double[] yDot) {
            yDot[0] = -gamma * y[0] - omega * y[1];
            yDot[1] = omega * y[0] - gamma * y[1];
            yDot[2] = -kappa * y[2];
        }

        @Override
        public List<String> observableNames() {
            return List.of("c", "x");
        }

        @Override
        public ObservableSet observe(double t, double[] y) {
            Map<String, Estimate> m = new LinkedHashMap<>();
            m.put("c", new Estimate(y[0], 0));
            m.put("x", new Estimate(y[2], 0));
            return new ObservableSet(m);
        }

        @Override
        public OptionalDouble slowestRelaxationTime() {
            return OptionalDouble.of(1 / gamma);
        }
    }

    private static RunOutcome run(IntegratorSettings settings, io.coherent.core.dynamics.Generator g, RunPlan plan,
                                  List<Sample> samples) {
        return new Propagator(settings).run(g, plan, samples::add, new RunControl(), new RunMetrics(new SimpleMeterRegistry()));
    }

    @Test
    void samplesAndEventsFollowTheClosedFormThroughStiffness() {
        DampedRotation g = new DampedRotation(0.1, 2, 1e4);
        RunPlan plan = RunPlan.of(OutputGrid.uniform(0, 10, 101)).withEvents(List.of(new EventSpec.Threshold("c", 0, false)));
        List<Sample> samples = new ArrayList<>();
        RunOutcome out = run(KRYLOV, g, plan, samples);
        assertNull(out.failure());
        for (Sample s : samples) {
            assertEquals(g.c(s.t()), s.observables().value("c"), 1e-9, "c at t = " + s.t());
            assertEquals(Math.exp(-g.kappa() * s.t()), s.observables().value("x"), 1e-9, "x at t = " + s.t());
        }
        // c = 0 where cos(2t) = 0: t = pi/4 + k pi/2, located on the dense output between step ends
        assertEquals(6, out.events().size(), out.events().toString());
        for (int k = 0; k < 6; k++) {
            assertEquals(Math.PI / 4 + k * Math.PI / 2, out.events().get(k).t(), 1e-8, out.events().get(k).toString());
        }
        // an explicit method needs >= kappa * span / 4 steps for stability; the exponential does not see kappa
        assertTrue(out.statistics().steps() < 100, out.statistics().toString());
    }

    @Test
    void refusesAGeneratorThatIsNotLinear() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> run(KRYLOV, new Relaxation(1, 0.25, 2, 3, true), RunPlan.of(OutputGrid.uniform(0, 1, 3)), new ArrayList<>()));
        assertEquals("integrator = krylov needs a linear time-independent method (heom); method relaxation is not: "
                + "use one of the Runge-Kutta integrators", e.getMessage());
    }

    @Test
    void hierarchyAgreesWithDormandPrinceIncludingItsErrorEstimates() {
        HilbertSpace space = HilbertSpace.of(Subsystem.qubit("q1"), Subsystem.qubit("q2"));
        ComplexMatrix sx1 = Operators.embed(space, "q1", Operators.sigmaX());
        ComplexMatrix sx2 = Operators.embed(space, "q2", Operators.sigmaX());
        ComplexMatrix h = Operators.embed(space, "q1", Operators.sigmaZ()).scale(0.5)
                .plus(Operators.embed(space, "q2", Operators.sigmaZ()).scale(0.55)).plus(sx1.times(sx2).scale(0.1));
        Reservoir hot = new Reservoir("hot", ThermalOccupation.bose(2),
                List.of(new Channel(Channel.Kind.HERMITIAN, sx1, new DrudeLorentz(0.1, 2))));
        Reservoir cold = new Reservoir("cold", ThermalOccupation.bose(1),
                List.of(new Channel(Channel.Kind.HERMITIAN, sx2, new DrudeLorentz(0.1, 2))));
        ComplexMatrix rho0 = Operators.projector(Operators.productKet(space, 1, 1));
        OpenSystem system = new OpenSystem(space, h, List.of(hot, cold), rho0, List.of(), List.of(), null);
        EmbeddedHierarchy g = Heom.trajectory(system, new HeomOptions(3, 1, null, true, 1e-6, 1L << 30),
                CorrelationSource.BATH_CORRELATIONS);
        RunPlan plan = RunPlan.of(OutputGrid.uniform(0, 20, 41));
        List<Sample> krylov = new ArrayList<>();
        List<Sample> dp = new ArrayList<>();
        RunOutcome k = run(KRYLOV, g, plan, krylov);
        RunOutcome d = run(new IntegratorSettings("dormand-prince-853", 1e-11, 1e-11, 0, 0), g, plan, dp);
        assertNull(k.failure());
        assertNull(d.failure());
        assertEquals(dp.size(), krylov.size());
        for (int i = 0; i < dp.size(); i++) {
            ObservableSet a = krylov.get(i).observables();
            ObservableSet b = dp.get(i).observables();
            for (String name : g.observableNames()) {
                String where = name + " at t = " + dp.get(i).t();
                assertEquals(b.value(name), a.value(name), 1e-8, where);
                // the depth D - 1 companion rides in the same exponential: the estimate is the same depth change
                assertEquals(b.error(name), a.error(name), 1e-8 + 1e-6 * b.error(name), where + " estimate");
            }
        }
        assertTrue(k.statistics().evaluations() * 5 < d.statistics().evaluations(),
                k.statistics() + " vs " + d.statistics());
    }
}
