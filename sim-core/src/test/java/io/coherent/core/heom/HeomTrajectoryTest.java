package io.coherent.core.heom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.dynamics.GeneratorOde;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.open.OpenSystem;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

/**
 * A trajectory of the embedded pair (depth D beside depth D - 1) relaxes to the steady state the GMRES solver finds
 * for the same hierarchy, and its error estimates are the distance between the two depths.
 */
class HeomTrajectoryTest {

    @Test
    void longTimeLimitIsTheSteadyStateAndEstimatesAreTheDepthChange() {
        OpenSystem s = HeomModels.twoQubits(1, 1.1, 0.1, 0.1, 2, 2, 1);
        HeomOptions options = new HeomOptions(3, 1, null, true, 1e-6, 1L << 30);
        EmbeddedHierarchy g = Heom.trajectory(s, options, CorrelationSource.BATH_CORRELATIONS);
        assertEquals(3, g.hierarchy().depth());
        assertTrue(g.notes().get(0).contains("fixed"), g.notes().toString());
        var integrator = new DormandPrince853Integrator(1e-6, 5, 1e-10, 1e-10);
        double[] y = integrator.integrate(new GeneratorOde(g), new ODEState(0, g.initialState()), 150).getPrimaryState();
        ObservableSet late = g.observe(150, y);
        HeomSteadyState steady = Heom.singleLevel(s, 3, 1, options, CorrelationSource.BATH_CORRELATIONS);
        HeomSteadyState shallower = Heom.singleLevel(s, 2, 1, options, CorrelationSource.BATH_CORRELATIONS);
        for (String name : new String[] {"population.1", "population.4", "coherence_l1", "energy_current.hot"}) {
            assertEquals(steady.observables().value(name), late.value(name), 1e-7, name);
            double depthChange = Math.abs(steady.observables().value(name) - shallower.observables().value(name));
            assertEquals(depthChange, late.error(name), 1e-7 + 1e-3 * depthChange, name + " estimate");
        }
        assertEquals(0, late.value("energy_current.hot") + late.value("energy_current.cold"), 1e-8);
    }
}
