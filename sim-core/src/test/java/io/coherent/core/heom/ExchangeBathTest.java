package io.coherent.core.heom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.CorrelationTerm;
import io.coherent.core.bath.Lorentzian;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.dynamics.GeneratorOde;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.Channel;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import io.coherent.core.open.Subsystem;
import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

/**
 * A qubit in rotating-wave exchange with a zero-temperature Lorentzian reservoir: one excitation, so the excited
 * amplitude obeys dc/dt = -i w c - int f(t - s) c(s) ds with f(t) = (Gamma gamma/2) e^{-(gamma + i w0) t}, closed by
 * one pseudomode amplitude z: dc/dt = -i w c - z, dz/dt = (Gamma gamma/2) c - (gamma + i w0) z (an independent,
 * wave-function construction). The steady state is the ground state.
 */
class ExchangeBathTest {
    private static final double W = 1.0;
    private static final double W0 = 1.2;
    private static final double WIDTH = 0.3;
    private static final double STRENGTH = 0.4;

    static OpenSystem qubit(ComplexMatrix rho0) {
        HilbertSpace space = HilbertSpace.of(Subsystem.qubit("q"));
        Reservoir bath = new Reservoir("cavity", ThermalOccupation.bose(0),
                List.of(new Channel(Channel.Kind.EXCHANGE, Operators.sigmaMinus(), new Lorentzian(W0, WIDTH, STRENGTH))));
        return new OpenSystem(space, Operators.sigmaZ().scale(W / 2), List.of(bath), rho0, List.of(), List.of(), null);
    }

    static HandMadeCorrelations zeroTemperature() {
        double a = STRENGTH * WIDTH / 2;
        // C_out(t) = a e^{-(gamma + i w0) t}; C_out(t)^* = a e^{-(gamma - i w0) t}; C_in = 0
        List<CorrelationTerm> emission = List.of(new CorrelationTerm(WIDTH, W0, a, 0, 0, 0),
                new CorrelationTerm(WIDTH, -W0, 0, 0, a, 0));
        return new HandMadeCorrelations(List.of(), emission, List.of());
    }

    @Test
    void excitedPopulationFollowsTheSingleExcitationAmplitude() {
        ComplexMatrix excited = ComplexMatrix.real(new double[][] {{1, 0}, {0, 0}});
        OpenSystem system = qubit(excited);
        HeomGenerator g = new HeomGenerator(system, new BathExponents(system, 0, null, false, zeroTemperature()), 3);
        var integrator = new DormandPrince853Integrator(1e-9, 1, 1e-12, 1e-12);
        double[] y = g.initialState();
        // c, z as [Re c, Im c, Re z, Im z]
        double[] amp = {1, 0, 0, 0};
        var amplitude = new org.hipparchus.ode.OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 4;
            }

            @Override
            public double[] computeDerivatives(double t, double[] v) {
                double a = STRENGTH * WIDTH / 2;
                // dc = -i W c - z ; dz = a c - (gamma + i w0) z
                return new double[] {W * v[1] - v[2], -W * v[0] - v[3],
                        a * v[0] - WIDTH * v[2] + W0 * v[3], a * v[1] - WIDTH * v[3] - W0 * v[2]};
            }
        };
        double t = 0;
        for (double next : new double[] {1, 3, 6, 10, 20}) {
            y = integrator.integrate(new GeneratorOde(g), new ODEState(t, y), next).getPrimaryState();
            amp = integrator.integrate(amplitude, new ODEState(t, amp), next).getPrimaryState();
            t = next;
            ComplexMatrix rho = g.densityMatrix(y);
            assertEquals(amp[0] * amp[0] + amp[1] * amp[1], rho.re(0, 0), 1e-9, "p_e at t = " + t);
            assertEquals(1, rho.traceRe(), 1e-12);
        }
    }

    static ComplexMatrix plusState() {
        return ComplexMatrix.real(new double[][] {{0.5, 0.5}, {0.5, 0.5}});
    }

    @Test
    void steadyStateIsTheGroundState() {
        OpenSystem system = qubit(plusState());
        HeomSteadyState s = Heom.steadyState(system, new HeomOptions(3, 0, null, false, 1e-8, 1L << 30), zeroTemperature());
        assertEquals(1, s.observables().value("population.1"), 1e-9, s.notes().toString());
        assertEquals(0, s.observables().value("coherence_l1"), 1e-9);
        assertEquals(0, s.observables().value("energy_current.cavity"), 1e-10);
        assertTrue(s.residual() < 1e-10, "residual " + s.residual());
    }
}
