package io.coherent.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.coherent.core.bath.DrudeLorentz;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.heom.CorrelationSource;
import io.coherent.core.heom.EmbeddedHierarchy;
import io.coherent.core.heom.Heom;
import io.coherent.core.heom.HeomOptions;
import io.coherent.core.heom.HeomSteadyState;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.open.Channel;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.NamedOperator;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import io.coherent.core.open.Subsystem;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hierarchy that splits into conserved sectors: the Krylov trajectory of the whole hierarchy (no split) relaxes to
 * the steady state assembled sector by sector, the projection of the initial state.
 */
class SectorTrajectoryTest {

    @Test
    void trajectoryOfTheWholeHierarchyReachesTheCombinedSteadyState() {
        HilbertSpace space = HilbertSpace.of(Subsystem.qubit("switch"), Subsystem.qubit("work"));
        ComplexMatrix szSwitch = Operators.embed(space, "switch", Operators.sigmaZ());
        ComplexMatrix sx = Operators.embed(space, "work", Operators.sigmaX());
        ComplexMatrix h = szSwitch.scale(0.65).plus(Operators.embed(space, "work", Operators.sigmaZ()).scale(0.5));
        // the switch's sigma_z shifts the hot coupling: two sectors, weights 0.7 and 0.3
        Reservoir hot = new Reservoir("hot", ThermalOccupation.bose(2), List.of(new Channel(Channel.Kind.HERMITIAN,
                szSwitch.scale(0.5).plus(sx), new DrudeLorentz(0.1, 2))));
        Reservoir cold = new Reservoir("cold", ThermalOccupation.bose(1), List.of(new Channel(Channel.Kind.HERMITIAN,
                sx, new DrudeLorentz(0.1, 2))));
        ComplexMatrix rho0 = ComplexMatrix.diagonal(new double[] {0.7, 0.3})
                .kron(Operators.projector(Operators.basisKet(2, 1)));
        OpenSystem system = new OpenSystem(space, h, List.of(hot, cold), rho0,
                List.of(new NamedOperator("sigma_x_work", sx)), List.of(), null);
        HeomOptions options = new HeomOptions(3, 1, null, true, 1e-6, 1L << 30);
        HeomSteadyState steady = Heom.steadyState(system, options, CorrelationSource.BATH_CORRELATIONS);
        assertEquals(2, steady.hierarchy().sectors());
        EmbeddedHierarchy g = Heom.trajectory(system, options, CorrelationSource.BATH_CORRELATIONS);
        List<Sample> samples = new ArrayList<>();
        RunOutcome out = new Propagator(new IntegratorSettings("krylov", 1e-10, 1e-10, 0, 0)).run(g,
                RunPlan.of(OutputGrid.uniform(0, 400, 3)), samples::add, new RunControl(),
                new RunMetrics(new SimpleMeterRegistry()));
        assertNull(out.failure());
        ObservableSet late = samples.get(samples.size() - 1).observables();
        for (String name : new String[] {"sigma_x_work", "population.1", "population.2", "population.3", "population.4",
                "coherence_l1", "energy_current.hot", "energy_current.cold"}) {
            assertEquals(steady.observables().value(name), late.value(name), 1e-8, name);
        }
    }
}
