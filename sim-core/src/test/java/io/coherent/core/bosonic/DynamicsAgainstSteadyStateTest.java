package io.coherent.core.bosonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.bath.Lorentzian;
import io.coherent.core.dynamics.GeneratorOde;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

/**
 * Time domain against frequency domain, and energy bookkeeping: two independent routes through the
 * physics (propagated Green's function plus running Fourier transform, versus the Laplace-space formula).
 */
class DynamicsAgainstSteadyStateTest {

    private static double[] propagate(ExactDynamics g, double until) {
        var integrator = new DormandPrince853Integrator(1e-9, until, 1e-12, 1e-12);
        OrdinaryDifferentialEquation ode = new GeneratorOde(g);
        return integrator.integrate(ode, new ODEState(0, g.initialState()), until).getPrimaryState();
    }

    /** Two baths at different temperatures, detuned modes with hopping: nothing symmetric to hide behind. */
    private static BilinearModel twoTemperatureModel() {
        ComplexMatrix h = ComplexMatrix.fromParts(new double[][] {{1.0, 0.1}, {0.1, 1.3}}, new double[][] {{0, 0.05}, {-0.05, 0}});
        List<Bath> baths = List.of(
                new Bath("hot", ComplexMatrix.real(new double[][] {{0.9, 0.2}}), new Lorentzian(1.1, 0.6, 0.5), 2.0),
                new Bath("cold", ComplexMatrix.real(new double[][] {{0.1, 0.8}}), new Lorentzian(1.2, 0.4, 0.6), 0.3));
        return new BilinearModel(h, baths, PartialCollectiveModel.initialOccupation(0.3), FrequencySupport.WHOLE_LINE);
    }

    @Test
    void longRunConvergesToFrequencyFormulaSteadyState() {
        BilinearModel model = PartialCollectiveModel.FIG_1A.withTheta(Math.PI / 4).toModel();
        ExactDynamics g = new ExactDynamics(model, new QuadratureTolerance(1e-10, 1e-10, 400_000));
        double tau = g.embedding().slowestRelaxationTime();
        double until = 25 * tau;
        ObservableSet late = g.observe(until, propagate(g, until));
        SteadyState ss = new SteadyStateSolver(QuadratureTolerance.STEADY_STATE).solve(model);
        for (String name : List.of("Jx", "Jy", "Jz", "n1", "n2")) {
            double tol = 5 * (ss.observables().error(name) + late.error(name)) + 1e-8;
            assertEquals(ss.observables().value(name), late.value(name), tol, name);
        }
        assertTrue(Math.abs(ss.observables().value("Jx")) > 1e-2, "a non-trivial coherence is compared");
    }

    @Test
    void nonEquilibriumRunConvergesAndCurrentsBalance() {
        BilinearModel model = twoTemperatureModel();
        ExactDynamics g = new ExactDynamics(model, new QuadratureTolerance(1e-10, 1e-10, 400_000));
        double until = 30 * g.embedding().slowestRelaxationTime();
        ObservableSet late = g.observe(until, propagate(g, until));
        SteadyState ss = new SteadyStateSolver(QuadratureTolerance.STEADY_STATE).solve(model);
        for (String name : List.of("Jx", "Jy", "Jz", "n1", "n2", "energy_current.hot", "energy_current.cold")) {
            assertEquals(ss.observables().value(name), late.value(name), 1e-7, name);
        }
        double hot = ss.observables().value("energy_current.hot");
        double cold = ss.observables().value("energy_current.cold");
        assertTrue(hot > 1e-3, "heat flows in from the hot bath: " + hot);
        assertEquals(0, hot + cold, 1e-8, "steady state: what enters from the hot bath leaves into the cold one");
    }

    /** d<H_S>/dt = sum_k J_k at all times (Heisenberg equation for H_S); checked by central differences. */
    @Test
    void energyCurrentsAccountForTheChangeOfSystemEnergy() {
        BilinearModel model = twoTemperatureModel();
        ExactDynamics g = new ExactDynamics(model, new QuadratureTolerance(1e-11, 1e-11, 400_000));
        ComplexMatrix h = model.hamiltonian();
        for (double t : new double[] {0.5, 2, 6}) {
            double dt = 1e-3;
            double ePlus = energy(g, h, t + dt);
            double eMinus = energy(g, h, t - dt);
            ObservableSet at = g.observe(t, propagate(g, t));
            double currents = at.value("energy_current.hot") + at.value("energy_current.cold");
            assertEquals((ePlus - eMinus) / (2 * dt), currents, 2e-6, "t=" + t);
        }
    }

    private static double energy(ExactDynamics g, ComplexMatrix h, double t) {
        SecondMoments m = g.moments(t, propagate(g, t));
        double e = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                // <H_S> = sum_ij H_ij <c_i^+ c_j>
                double nr = m.vacuum().re(i, j) + m.thermal().re(i, j);
                double ni = m.vacuum().im(i, j) + m.thermal().im(i, j);
                e += h.re(i, j) * nr - h.im(i, j) * ni;
            }
        }
        return e;
    }

    @Test
    void equalTemperaturesCarryNoSteadyCurrent() {
        SteadyState ss = new SteadyStateSolver(QuadratureTolerance.STEADY_STATE).solve(PartialCollectiveModel.FIG_1A.toModel());
        for (String bath : List.of("common", "individual1", "individual2")) {
            assertEquals(0, ss.observables().value("energy_current." + bath), 1e-10, bath);
        }
    }
}
