package io.coherent.core.heom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.Lorentzian;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.Channel;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import io.coherent.core.open.Subsystem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A qubit as a fermionic level (n = sigma_plus sigma_minus) tunnel-coupled to Lorentzian leads: the occupation in
 * equilibrium is int A(w) f(w) dw with the exact spectral function A = -Im G^R/pi, G^R = 1/(w - eps - Sigma(w)),
 * Sigma(w) = (Gamma W/2)/(w - w0 + i W) for J = (Gamma/2 pi) W^2/((w - w0)^2 + W^2) (a closed form, independent of
 * the hierarchy); and a coupling of even parity is refused.
 */
class FermionicLevelTest {
    private static final double EPS = 0.3;
    private static final double W0 = 0.5;
    private static final double WIDTH = 2.0;
    private static final double GAMMA = 0.4;

    static OpenSystem level(List<Reservoir> leads) {
        HilbertSpace space = HilbertSpace.of(Subsystem.qubit("d"));
        ComplexMatrix n = Operators.sigmaPlus().times(Operators.sigmaMinus());
        ComplexMatrix rho0 = ComplexMatrix.real(new double[][] {{0, 0}, {0, 1}});
        return new OpenSystem(space, n.scale(EPS), leads, rho0, List.of(), List.of(), n);
    }

    static Reservoir lead(String name, double t, double mu, ComplexMatrix l) {
        return new Reservoir(name, new ThermalOccupation(ThermalOccupation.Statistics.FERMI, t, mu),
                List.of(new Channel(Channel.Kind.EXCHANGE, l, new Lorentzian(W0, WIDTH, GAMMA))));
    }

    /** int A(w) f(w) dw by Simpson's rule on a fine grid (A decays like 1/w^4). */
    private static double occupation(double t, double mu) {
        double a = -400;
        double b = 400;
        int n = 1_600_000;
        double h = (b - a) / n;
        double sum = 0;
        for (int k = 0; k <= n; k++) {
            double w = a + k * h;
            // Sigma = (Gamma W/2)/(w - w0 + iW)
            double dr = w - W0;
            double den = dr * dr + WIDTH * WIDTH;
            double sr = GAMMA * WIDTH / 2 * dr / den;
            double si = -GAMMA * WIDTH / 2 * WIDTH / den;
            double gr = w - EPS - sr;
            double gi = -si;
            double spectral = gi / (gr * gr + gi * gi) / Math.PI; // -Im(1/(gr + i gi))/pi
            double f = 1 / (Math.exp((w - mu) / t) + 1);
            sum += (k == 0 || k == n ? 1 : (k % 2 == 1 ? 4 : 2)) * spectral * f;
        }
        return sum * h / 3;
    }

    @Test
    void equilibriumOccupationIsTheExactOne() {
        double t = 0.5;
        double mu = 0.2;
        OpenSystem s = level(List.of(lead("lead", t, mu, Operators.sigmaMinus())));
        HeomSteadyState r = Heom.steadyState(s, new HeomOptions(null, null, null, true, 1e-7, 1L << 30),
                CorrelationSource.BATH_CORRELATIONS);
        double exact = occupation(t, mu);
        // index 0 = |e> (occupied): population of the higher level
        double occupied = r.observables().value("population.2");
        assertEquals(exact, occupied, Math.max(2e-6, 3 * r.observables().error("population.2")),
                "HEOM " + occupied + " +- " + r.observables().error("population.2") + ", exact " + exact + "; " + r.notes());
        assertEquals(0, r.observables().value("particle_current.lead"), 1e-7);
    }

    /**
     * Two qubits, each tunnel-coupled to its own lead: written with the Jordan-Wigner string (d2 = sz1 sm2) they are
     * two fermionic levels, independent, each with the exact occupation; without the string (commuting operators) the
     * two-lead fermionic model does not apply and the bath is refused with one line.
     */
    @Test
    void twoQubitsWithTheirOwnLeadsAreTwoExactLevels() {
        HilbertSpace space = HilbertSpace.of(Subsystem.qubit("d1"), Subsystem.qubit("d2"));
        ComplexMatrix n1 = Operators.embed(space, "d1", Operators.sigmaPlus().times(Operators.sigmaMinus()));
        ComplexMatrix n2 = Operators.embed(space, "d2", Operators.sigmaPlus().times(Operators.sigmaMinus()));
        ComplexMatrix rho0 = Operators.projector(Operators.productKet(space, 1, 1));
        OpenSystem s = new OpenSystem(space, n1.plus(n2).scale(EPS),
                List.of(lead("l1", 0.5, 0.2, Operators.embed(space, "d1", Operators.sigmaMinus())),
                        lead("l2", 0.5, 0.2, Operators.embed(space, "d1", Operators.sigmaZ())
                                .times(Operators.embed(space, "d2", Operators.sigmaMinus())))),
                rho0, List.of(new io.coherent.core.open.NamedOperator("n1", n1),
                        new io.coherent.core.open.NamedOperator("n2", n2)), List.of(), n1.plus(n2));
        // non-interacting: tier 2 per level is exact, so depth 4 with both leads
        HeomSteadyState r = Heom.singleLevel(s, 4, 4, new HeomOptions(4, 4, null, true, 1e-7, 1L << 30),
                CorrelationSource.BATH_CORRELATIONS);
        double exact = occupation(0.5, 0.2);
        assertEquals(exact, r.observables().value("n1"), 1e-5, r.notes().toString());
        assertEquals(exact, r.observables().value("n2"), 1e-5, r.notes().toString());
        assertEquals(0, r.observables().value("particle_current.l2"), 1e-8);
        OpenSystem noString = new OpenSystem(space, n1.plus(n2).scale(EPS),
                List.of(lead("l1", 0.5, 0.2, Operators.embed(space, "d1", Operators.sigmaMinus())),
                        lead("l2", 0.5, 0.2, Operators.embed(space, "d2", Operators.sigmaMinus()))),
                rho0, List.of(), List.of(), n1.plus(n2));
        var e = assertThrows(InvalidModelException.class, () -> Heom.steadyState(noString, HeomOptions.DEFAULT,
                CorrelationSource.BATH_CORRELATIONS));
        assertEquals("baths.l2.coupling", e.field());
        assertTrue(e.getMessage().contains("Jordan-Wigner"), e.getMessage());
    }

    @Test
    void biasDrivesAParticleCurrentThatBalances() {
        OpenSystem s = level(List.of(lead("left", 0.5, 1.0, Operators.sigmaMinus()),
                lead("right", 0.5, -1.0, Operators.sigmaMinus())));
        HeomSteadyState r = Heom.steadyState(s, new HeomOptions(3, 3, null, true, 1e-6, 1L << 30),
                CorrelationSource.BATH_CORRELATIONS);
        double left = r.observables().value("particle_current.left");
        double right = r.observables().value("particle_current.right");
        assertTrue(left > 1e-3, "particles flow in from the high chemical potential: " + left);
        assertEquals(0, left + right, 1e-10);
    }

    @Test
    void anEvenCouplingIsRefusedWithOneLine() {
        OpenSystem s = level(List.of(lead("lead", 0.5, 0, Operators.sigmaX().plus(Operators.sigmaZ()))));
        var e = assertThrows(InvalidModelException.class, () -> Heom.steadyState(s, HeomOptions.DEFAULT,
                CorrelationSource.BATH_CORRELATIONS));
        assertEquals("baths.lead.coupling", e.field());
        assertTrue(e.getMessage().contains("odd") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
