package io.coherent.core.heom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coherent.core.bath.CorrelationTerm;
import io.coherent.core.bath.DrudeLorentz;
import io.coherent.core.bath.ExpansionScheme;
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
 * A qubit coupled through sigma_z (pure dephasing): the coherence decays as exp(-4 Re int_0^t int_0^s C(u) du ds)
 * for any Gaussian bath, a closed form independent of the hierarchy. C(t) here is one real and one complex pair of
 * exponentials, so the etaBar bookkeeping of complex rates is exercised too.
 */
class PureDephasingTest {
    private static final CorrelationTerm REAL = new CorrelationTerm(1.0, 0, 0.2, -0.05, 0.2, 0.05);
    // a complex pair gamma, conj(gamma): etaBar of each is the conjugate of its partner's eta
    private static final CorrelationTerm UP = new CorrelationTerm(0.5, 2.0, 0.1, 0.02, 0.07, 0.01);
    private static final CorrelationTerm DOWN = new CorrelationTerm(0.5, -2.0, 0.07, -0.01, 0.1, -0.02);

    static OpenSystem dephasingQubit(double omega) {
        HilbertSpace space = HilbertSpace.of(Subsystem.qubit("q"));
        ComplexMatrix plus = ComplexMatrix.real(new double[][] {{0.5, 0.5}, {0.5, 0.5}});
        Reservoir bath = new Reservoir("b", ThermalOccupation.bose(1),
                List.of(new Channel(Channel.Kind.HERMITIAN, Operators.sigmaZ(), new DrudeLorentz(0.1, 1))));
        return new OpenSystem(space, Operators.sigmaZ().scale(omega / 2), List.of(bath), plus, List.of(), List.of(), null);
    }

    /** Phi(t) = 4 Re sum_k eta_k (t/gamma_k - (1 - e^{-gamma_k t})/gamma_k^2). */
    private static double decay(double t) {
        double phi = 0;
        for (CorrelationTerm c : List.of(REAL, UP, DOWN)) {
            // z = 1/gamma, w = (1 - e^{-gamma t})/gamma^2
            double gr = c.rateRe();
            double gi = c.rateIm();
            double n = gr * gr + gi * gi;
            double zr = gr / n;
            double zi = -gi / n;
            double er = Math.exp(-gr * t) * Math.cos(gi * t);
            double ei = -Math.exp(-gr * t) * Math.sin(gi * t);
            double ar = 1 - er;
            double ai = -ei;
            double z2r = zr * zr - zi * zi;
            double z2i = 2 * zr * zi;
            double wr = ar * z2r - ai * z2i;
            double wi = ar * z2i + ai * z2r;
            double fr = t * zr - wr;
            double fi = t * zi - wi;
            phi += 4 * (c.etaRe() * fr - c.etaIm() * fi);
        }
        return phi;
    }

    @Test
    void coherenceFollowsTheClosedForm() {
        OpenSystem system = dephasingQubit(1.0);
        var baths = new BathExponents(system, 0, ExpansionScheme.PADE, false,
                HandMadeCorrelations.ofHermitian(REAL, UP, DOWN));
        HeomGenerator g = new HeomGenerator(system, baths, 12);
        var integrator = new DormandPrince853Integrator(1e-9, 1, 1e-12, 1e-12);
        double[] y = g.initialState();
        double t = 0;
        for (double next : new double[] {0.5, 1, 2, 4, 6}) {
            y = integrator.integrate(new GeneratorOde(g), new ODEState(t, y), next).getPrimaryState();
            t = next;
            ComplexMatrix rho = g.densityMatrix(y);
            double expected = 0.5 * Math.exp(-decay(t));
            assertEquals(expected, Math.hypot(rho.re(0, 1), rho.im(0, 1)), 1e-8, "|rho_eg| at t = " + t);
            // phase: e^{-i w t} on rho_eg (index 0 = |e>)
            assertEquals(Math.cos(t), rho.re(0, 1) / Math.hypot(rho.re(0, 1), rho.im(0, 1)), 1e-7, "phase at t = " + t);
            assertEquals(1, rho.traceRe(), 1e-12, "trace");
            assertEquals(0, rho.hermiticityDefect(), 1e-12, "hermiticity");
            assertEquals(0.5, rho.re(0, 0), 1e-12, "populations do not move under pure dephasing");
        }
    }

    @Test
    void withoutReservoirsTheRightHandSideIsTheUnitaryEvolution() {
        HilbertSpace space = HilbertSpace.of(Subsystem.qubit("q1"), Subsystem.qubit("q2"));
        ComplexMatrix h = Operators.embed(space, "q1", Operators.sigmaZ()).scale(0.7)
                .plus(Operators.embed(space, "q1", Operators.sigmaX()).times(Operators.embed(space, "q2", Operators.sigmaX())).scale(0.3));
        ComplexMatrix rho0 = Operators.projector(Operators.productKet(space, 0, 1));
        OpenSystem system = new OpenSystem(space, h, List.of(), rho0, List.of(), List.of(), null);
        HeomGenerator g = new HeomGenerator(system, new BathExponents(system, 0, null, true,
                HandMadeCorrelations.ofHermitian()), 3);
        assertEquals(1, g.adoCount());
        double[] y = g.initialState();
        double[] dy = new double[y.length];
        g.computeDerivatives(0, y, dy);
        // -i [H, rho] in the bare basis
        ComplexMatrix expected = h.times(rho0).minus(rho0.times(h)).scale(0, -1);
        ComplexMatrix got = g.densityMatrix(dy);
        assertEquals(0, got.distance(expected), 1e-13);
    }
}
