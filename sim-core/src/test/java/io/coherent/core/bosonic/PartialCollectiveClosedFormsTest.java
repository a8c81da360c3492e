package io.coherent.core.bosonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.quadrature.QuadratureTolerance;
import org.junit.jupiter.api.Test;

/**
 * The general engine against the closed forms of the partial-collective paper (Sec. III) and their
 * limits, derived independently of the code.
 */
class PartialCollectiveClosedFormsTest {
    private static final double[] THETAS = {0.05, 0.3, Math.PI / 8, 1.0, 1.4};
    private static final double[] FREQUENCIES = {-3, -0.2, 0.3, 0.9, 0.999, 1.0003, 1.05, 2.5};

    /** B_x^c as printed (collective part of the steady-state integrand), with omega0 = omega1. */
    private static double collectivePrinted(double gammaBig, double gamma, double c, double s, double x) {
        return 2 * c * (x * x + gamma * gamma)
                / (Math.pow(gammaBig * gamma * (c + s / 2) - x * x, 2) + gamma * gamma * x * x);
    }

    /**
     * B_x^i as printed but with the opposite overall sign. Derivation: with a = 1/D_c, b = 1/D_s the
     * symmetric and antisymmetric resolvents, bath 1 gives X = (sin^2/2)(a + b, a - b) and bath 2 the mirror
     * image, so B_x^i = sin^4 (|a|^2 - |b|^2) = -2 Gamma gamma c s (x^2 + gamma^2)(Gamma gamma (s + c)/2 - x^2)
     * / (|K_c|^2 |K_s|^2). The paper's Eq. (18) carries this minus sign; its printed B_x^i lost it.
     */
    private static double individualDerived(double gammaBig, double gamma, double c, double s, double x) {
        double kc = gamma * gamma * x * x + Math.pow(gammaBig * gamma * (s / 2 + c) - x * x, 2);
        double ks = gamma * gamma * x * x + Math.pow(gammaBig * gamma * s / 2 - x * x, 2);
        return -2 * gammaBig * gamma * c * s * (gamma * gamma + x * x) * (gammaBig * gamma / 2 * (s + c) - x * x) / (kc * ks);
    }

    @Test
    void steadyIntegrandMatchesCollectiveAndIndividualClosedForms() {
        for (double gamma : new double[] {0.1, 10}) {
            for (double theta : THETAS) {
                var model = new PartialCollectiveModel(1, 1, 1, 1, gamma, theta, 1, -Math.PI / 4).toModel();
                var response = new ThermalResponse(new PseudoModeEmbedding(model));
                double c = Math.pow(Math.cos(theta), 4);
                double s = Math.pow(Math.sin(theta), 4);
                for (double w : FREQUENCIES) {
                    double x = 1 - w;
                    double collective = coherenceWeight(response.steadyResponse(0, w));
                    double individual = coherenceWeight(response.steadyResponse(1, w)) + coherenceWeight(response.steadyResponse(2, w));
                    double expectedC = collectivePrinted(1, gamma, c, s, x);
                    double expectedI = individualDerived(1, gamma, c, s, x);
                    assertEquals(expectedC, collective, 1e-10 * Math.max(1, Math.abs(expectedC)), "B_x^c at w=" + w);
                    assertEquals(expectedI, individual, 1e-9 * Math.max(1, Math.abs(expectedI)), "B_x^i at w=" + w);
                }
            }
        }
    }

    /** conj(Y_1) Y_2 + c.c. */
    private static double coherenceWeight(ComplexMatrix y) {
        return 2 * (y.re(0, 0) * y.re(1, 0) + y.im(0, 0) * y.im(1, 0));
    }

    private static double bose(double w, double t) {
        return 1 / Math.expm1(w / t);
    }

    private static SteadyState steady(PartialCollectiveModel p) {
        return new SteadyStateSolver(QuadratureTolerance.STEADY_STATE).solve(p.toModel());
    }

    /**
     * Weak-coupling Markovian limit (flat J, Gamma -> 0). Collective only (theta = 0): the symmetric mode
     * thermalises, Jx_thermal = n(omega1). Partial (theta != 0): both modes thermalise independently and
     * Jx_thermal -> 0. The paper's printed -2 cos^4/sin^4 n(omega1) treats L_2 as a delta function while the
     * other factor is a narrower Lorentzian (width Gamma sin^4/2); integrating the product correctly gives 0.
     */
    @Test
    void markovianWeakCouplingLimitOfThermalCoherence() {
        double gammaBig = 1e-3;
        var base = new PartialCollectiveModel(1, 1, 1, gammaBig, 1e3, 0, 1, -Math.PI / 4);
        assertEquals(bose(1, 1), steady(base).observables().value("Jx_thermal"), 5e-3);
        SteadyState partial = steady(base.withTheta(Math.PI / 8));
        assertTrue(partial.converged());
        assertEquals(0, partial.observables().value("Jx_thermal"), 5e-3);
        double paperPrinted = -2 * Math.pow(Math.cos(Math.PI / 8), 4) / Math.pow(Math.sin(Math.PI / 8), 4) * bose(1, 1);
        assertTrue(Math.abs(paperPrinted) > 30, "the printed limit is far from the physical one");
    }

    /**
     * gamma -> 0 (gamma << Gamma sin^4 theta): the integrand's mass sits in four peaks of width gamma/2 at
     * omega1 +- sqrt(Gamma gamma c') (c' = cos^4 + sin^4/2 for the collective pair, sin^4/2 and c' for the
     * individual part). Residues: collective 2c/(2c + s), individual -2c/(2c + s), so Jx_thermal -> 0 for
     * theta != 0 and -> n(omega1) for theta = 0. The peaks are narrow: this is the resonance trap.
     */
    @Test
    void narrowBathLimitOfThermalCoherence() {
        var base = new PartialCollectiveModel(1, 1, 1, 1, 1e-5, Math.PI / 4, 1, -Math.PI / 4);
        SteadyState partial = steady(base);
        assertTrue(partial.converged());
        assertEquals(0, partial.observables().value("Jx_thermal"), 2e-3);
        SteadyState collective = steady(base.withTheta(0));
        assertEquals(bose(1, 1), collective.observables().value("Jx_thermal"), 2e-3);
    }

    /**
     * theta = 0: the antisymmetric mode (c1 - c2)/sqrt2 is decoherence-free. Starting in
     * (|01> - |10>)/sqrt2 (kappa = -pi/4) its excitation stays: <c1^+ c2>_vac = -1/2, Jx_vacuum = -1; the
     * symmetric state (kappa = pi/4) decays completely: Jx_vacuum = 0 (paper Sec. III).
     */
    @Test
    void decoherenceFreeVacuumCoherenceDependsOnInitialState() {
        var antisymmetric = steady(new PartialCollectiveModel(1, 1, 1, 1, 0.1, 0, 1, -Math.PI / 4));
        assertEquals(1, antisymmetric.decoherenceFreeModes());
        assertEquals(-1, antisymmetric.observables().value("Jx_vacuum"), 1e-12);
        var symmetric = steady(new PartialCollectiveModel(1, 1, 1, 1, 0.1, 0, 1, Math.PI / 4));
        assertEquals(0, symmetric.observables().value("Jx_vacuum"), 1e-12);
        // Partial collective decoherence forgets the initial state.
        var partial = steady(new PartialCollectiveModel(1, 1, 1, 1, 0.1, 0.2, 1, -Math.PI / 4));
        assertEquals(0, partial.decoherenceFreeModes());
        assertEquals(0, partial.observables().value("Jx_vacuum"), 1e-15);
    }

    /** The slowest relaxation rate of the antisymmetric mode vanishes like sin^4(theta) (physics notes). */
    @Test
    void slowestRelaxationTimeGrowsLikeInverseSinToTheFourth() {
        double t1 = new PseudoModeEmbedding(PartialCollectiveModel.FIG_1A.withTheta(0.02).toModel()).slowestRelaxationTime();
        double t2 = new PseudoModeEmbedding(PartialCollectiveModel.FIG_1A.withTheta(0.01).toModel()).slowestRelaxationTime();
        assertEquals(Math.pow(Math.sin(0.02) / Math.sin(0.01), 4), t2 / t1, 1e-3);
    }
}
