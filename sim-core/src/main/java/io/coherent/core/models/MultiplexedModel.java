package io.coherent.core.models;

import static io.coherent.core.models.ModelParameters.requireFinite;
import static io.coherent.core.models.ModelParameters.requireNonNegative;
import static io.coherent.core.models.ModelParameters.requirePositive;
import static io.coherent.core.models.ModelParameters.thermalPolarization;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.methods.LeadingOrderTheory;
import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.open.Channel;
import io.coherent.core.open.FiniteModel;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.NamedOperator;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import io.coherent.core.open.Subsystem;
import io.coherent.core.quadrature.GaussKronrod;
import io.coherent.core.quadrature.Panel;
import io.coherent.core.quadrature.QuadratureResult;
import io.coherent.core.quadrature.QuadratureTolerance;
import io.coherent.core.quadrature.VectorIntegrand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.special.Gamma;

/**
 * Driving ("input") spins and receiving ("output") spins coupled through one or two bosonic baths, after
 * Slobodeniuk, Novotny and Filip, "Synthesizing and multiplexing autonomous quantum coherences" (seed
 * multiplexed-coherence), with the paper's parameter names. docs/papers/multiplexed.md derives it.
 *
 * <p>Parameters, in constructor order: {@code M} input spins of frequency {@code omega1} coupled by
 * f1 sigma_z to bath 1; {@code N} input spins of frequency {@code omega2} coupled by g1 sigma_z to bath 2
 * (N = 0: one bath, Secs. 2-5; N &gt; 0: Sec. 6); {@code outputs} = 1 or 2 output spins (Sec. 5 multiplexing)
 * of frequency {@code omega}, each coupled by f2 sigma_x to bath 1 and g2 sigma_x to bath 2; both baths
 * have the paper's Eq. (26) density I(xi) = lambda xi^s omega_c^(1-s) e^(-xi/omega_c) (I = sum lambda_k^2
 * delta, the same convention as our J) and temperature {@code T}; {@code inputs} chooses the inputs'
 * initial populations.
 *
 * <p>The input spins enter H only through their sigma_z, which commute with H: sum_j sigma_j^z of each
 * group is conserved, so the spins of a group are represented exactly by one collective spin M/2 (N/2)
 * whose J_z-populations carry the binomial weights of the M independent spins (H acts as the identity
 * on the degeneracy of each J_z sector). The steady state is therefore not unique; the output coherence
 * follows the conserved input magnetisation, and the paper's value (its Gibbs state) is reached from the
 * thermal input populations (the default).
 *
 * <p>Leading order (the paper's Eqs. 32 and 65 for thermal inputs): the polaron shift of Appendix D gives
 * the output spin the static field -2 (f1 f2 Omega S1 + g1 g2 Upsilon S2) sigma_x, S = sum sigma^z, so
 * &lt;sigma_x&gt; = 4 tanh(beta omega/2)/omega (f1 f2 Omega &lt;S1&gt; + g1 g2 Upsilon &lt;S2&gt;), with
 * &lt;S1&gt; = -M tanh(beta omega1/2) for thermal inputs. Non-secular Redfield reproduces this only through
 * its Lamb shift S(0) = -Omega: without it, and in the secular equation, the coherence is zero.
 */
public record MultiplexedModel(int M, int N, int outputs, double omega1, double omega2, double omega, double f1,
                               double f2, double g1, double g2, double lambda, double omega_c, double s, double T,
                               InputState inputs) implements FiniteModel, LeadingOrderTheory {

    /**
     * The paper's figures: one driving spin per output (M = 1, Figs. 2-3 and the two-spin scheme), Ohmic
     * (s = 1), omega1 = omega = 1, omega1/omega_c = 0.1 (Fig. 3), beta omega1 = 2 (T = 0.5), weak couplings.
     */
    public static final MultiplexedModel DEFAULTS =
            new MultiplexedModel(1, 0, 1, 1, 1, 1, 0.1, 0.1, 0, 0, 0.01, 10, 1, 0.5, InputState.THERMAL);

    /** Largest Hilbert-space dimension (M + 1)(N + 1) 2^outputs accepted (the master equation is dense). */
    public static final int MAX_DIMENSION = 64;

    /** Initial populations of the input spins (conserved: they fix the final output coherence). */
    public enum InputState {
        /** Each input spin in its Gibbs state at T (the paper's equilibrium to leading order). */
        THERMAL,
        /** All input spins down (sigma_z = -1). */
        GROUND,
        /** All input spins up (sigma_z = +1). */
        EXCITED
    }

    private static final QuadratureTolerance TOLERANCE = QuadratureTolerance.STEADY_STATE;

    public MultiplexedModel {
        if (M < 1) {
            throw new InvalidModelException("M", M, "an integer >= 1 (driving spins on bath 1)");
        }
        if (N < 0) {
            throw new InvalidModelException("N", N, "an integer >= 0 (driving spins on bath 2; 0 = one bath)");
        }
        if (outputs < 1 || outputs > 2) {
            throw new InvalidModelException("outputs", outputs, "1 or 2 output spins");
        }
        long dimension = (long) (M + 1) * (N + 1) * (1L << outputs);
        if (dimension > MAX_DIMENSION) {
            throw new InvalidModelException(N > 0 ? "N" : "M", N > 0 ? N : M,
                    "(M + 1)(N + 1) 2^outputs <= " + MAX_DIMENSION + " (the master equation is dense); it is " + dimension);
        }
        requirePositive("omega1", omega1);
        requirePositive("omega2", omega2);
        requirePositive("omega", omega);
        requireFinite("f1", f1);
        requireFinite("f2", f2);
        requireFinite("g1", g1);
        requireFinite("g2", g2);
        if (N == 0 && (g1 != 0 || g2 != 0)) {
            throw new InvalidModelException(g1 != 0 ? "g1" : "g2", g1 != 0 ? g1 : g2,
                    "0 when N = 0 (the second bath exists only with its driving spins)");
        }
        requireNonNegative("lambda", lambda);
        requirePositive("omega_c", omega_c);
        requirePositive("s", s);
        requireNonNegative("T", T);
        if (inputs == null) {
            throw new InvalidModelException("inputs", "null", "thermal, ground or excited");
        }
    }

    /** Eq. (26), shared by both baths (I_1 = I_2). */
    public OhmicFamily spectralDensity() {
        return new OhmicFamily(lambda, s, omega_c);
    }

    /** The paper's Omega = int I(xi)/xi dxi = lambda omega_c Gamma(s) (and Upsilon, the same for bath 2). */
    public double reorganizationEnergy() {
        return lambda * omega_c * Gamma.gamma(s);
    }


    /**
     * Subsystems "inputs1" (spin M/2), "inputs2" (spin N/2, only when N &gt; 0), "out1" and "out2" (qubits);
     * H = omega1 J_z1 + omega2 J_z2 + sum_p (omega/2) sigma^z_p; bath "bath1" couples
     * A_1 = 2 f1 J_z1 + f2 sum_p sigma^x_p, bath "bath2" couples A_2 = 2 g1 J_z2 + g2 sum_p sigma^x_p
     * (Eqs. 3, 39, 56 with sum_j sigma_j^z = 2 J_z). Observables: sigma_x_out, sigma_y_out, sigma_z_out
     * (output 1), sigma_x_out2 and sigma_xx_out (= sigma^x_1 sigma^x_2, for the correlation of Eq. 42) with
     * two outputs, and the conserved input magnetisations sigma_z_inputs1 (= 2 J_z1), sigma_z_inputs2.
     */
    @Override
    public OpenSystem toSystem() {
        List<Subsystem> parts = new ArrayList<>();
        parts.add(Subsystem.spin("inputs1", M / 2.0));
        if (N > 0) {
            parts.add(Subsystem.spin("inputs2", N / 2.0));
        }
        parts.add(Subsystem.qubit("out1"));
        if (outputs == 2) {
            parts.add(Subsystem.qubit("out2"));
        }
        HilbertSpace space = new HilbertSpace(parts);
        ComplexMatrix sz1 = Operators.embed(space, "inputs1", Operators.jZ(M / 2.0).scale(2));
        ComplexMatrix h = sz1.scale(omega1 / 2);
        ComplexMatrix sxOut = ComplexMatrix.zeros(space.dimension(), space.dimension());
        ComplexMatrix rho = inputState(M, omega1);
        for (int p = 1; p <= outputs; p++) {
            String name = "out" + p;
            h = h.plus(Operators.embed(space, name, Operators.sigmaZ()).scale(omega / 2));
            sxOut = sxOut.plus(Operators.embed(space, name, Operators.sigmaX()));
        }
        OhmicFamily density = spectralDensity();
        List<Reservoir> baths = new ArrayList<>();
        baths.add(new Reservoir("bath1", ThermalOccupation.bose(T), List.of(new Channel(Channel.Kind.HERMITIAN,
                sz1.scale(f1).plus(sxOut.scale(f2)), density))));
        List<NamedOperator> observables = new ArrayList<>();
        observables.add(new NamedOperator("sigma_x_out", Operators.embed(space, "out1", Operators.sigmaX())));
        observables.add(new NamedOperator("sigma_y_out", Operators.embed(space, "out1", Operators.sigmaY())));
        observables.add(new NamedOperator("sigma_z_out", Operators.embed(space, "out1", Operators.sigmaZ())));
        if (outputs == 2) {
            ComplexMatrix sx2 = Operators.embed(space, "out2", Operators.sigmaX());
            observables.add(new NamedOperator("sigma_x_out2", sx2));
            observables.add(new NamedOperator("sigma_xx_out", Operators.embed(space, "out1", Operators.sigmaX()).times(sx2)));
        }
        observables.add(new NamedOperator("sigma_z_inputs1", sz1));
        if (N > 0) {
            ComplexMatrix sz2 = Operators.embed(space, "inputs2", Operators.jZ(N / 2.0).scale(2));
            h = h.plus(sz2.scale(omega2 / 2));
            baths.add(new Reservoir("bath2", ThermalOccupation.bose(T), List.of(new Channel(Channel.Kind.HERMITIAN,
                    sz2.scale(g1).plus(sxOut.scale(g2)), density))));
            observables.add(new NamedOperator("sigma_z_inputs2", sz2));
            rho = rho.kron(inputState(N, omega2));
        }
        ComplexMatrix outputThermal = Operators.gibbs(Operators.sigmaZ().scale(omega / 2), T);
        for (int p = 1; p <= outputs; p++) {
            rho = rho.kron(outputThermal);
        }
        return new OpenSystem(space, h, baths, rho, observables, List.of(), null);
    }

    /** Mean sigma_z of one input spin of frequency w in the chosen initial state. */
    public double inputPolarization(double w) {
        return switch (inputs) {
            case THERMAL -> -thermalPolarization(w, T);
            case GROUND -> -1;
            case EXCITED -> 1;
        };
    }

    /**
     * Leading-order output coherence &lt;sigma^x&gt; of each output spin, exact in closed form: Eq. (65)
     * (Eq. 32 for N = 0) with the inputs' conserved magnetisations,
     * 4 tanh(beta omega/2)/omega [f1 f2 Omega M m(omega1) + g1 g2 Upsilon N m(omega2)], m = mean sigma_z of
     * one input spin ({@link #inputPolarization}); for thermal inputs m = -tanh(beta omega_i/2).
     */
    public double leadingOrderCoherence() {
        double t = thermalPolarization(omega, T);
        double reorganization = reorganizationEnergy();
        double drive = f1 * f2 * reorganization * M * inputPolarization(omega1);
        if (N > 0) {
            drive += g1 * g2 * reorganization * N * inputPolarization(omega2);
        }
        return 4 * t / omega * drive;
    }

    /**
     * The self-induced coherence of the earlier scheme, Eq. (21): one spin of frequency omega1 coupled by
     * (f1 sigma_z + f2 sigma_x) to bath 1 -- the composite-coupling qubit's model 1, whose leading order
     * this is (same sign, same J convention).
     */
    public Estimate selfInducedCoherence() {
        return selfInducedCoherence(TOLERANCE);
    }

    /** {@link #selfInducedCoherence()} to the given quadrature tolerance. */
    public Estimate selfInducedCoherence(QuadratureTolerance tolerance) {
        return new CompositeQubitModel(omega1, f1, f2, lambda, omega_c, s, T, CompositeQubitModel.Coupling.TRANSVERSE)
                .leadingOrderCoherence(tolerance);
    }

    /**
     * The output coherence over the self-induced one: {@link #leadingOrderCoherence} / {@link #selfInducedCoherence}.
     * For the two-spin scheme (M = 1, N = 0, thermal input) this is the paper's Eq. (29) with its typos corrected:
     * printed tanh(beta omega1 omega2/2) and coth(beta omega1 omega2/2) in the integrand; derived
     * tanh(beta omega2/2) = tanh(b w/2) and coth(beta xi/2) = coth(b x/2) with x = xi/omega1, w = omega2/omega1,
     * b = beta omega1 (omega2 of Sec. 3 is our output frequency omega). With M inputs it is M times that (Sec. 4).
     */
    public Estimate outputOverSelfInduced() {
        return outputOverSelfInduced(selfInducedCoherence());
    }

    private Estimate outputOverSelfInduced(Estimate self) {
        double ratio = leadingOrderCoherence() / self.value();
        return new Estimate(ratio, Math.abs(ratio) * self.error() / Math.abs(self.value()));
    }

    /**
     * The output-output correlation of Sec. 5, sigma^2 = &lt;s1 s2&gt; - &lt;s1&gt;&lt;s2&gt; with s = sigma^x of the
     * two outputs, to leading order (Eq. 43) and summed over the baths (each contributes independently):
     * sigma^2 = 4 (f2^2 + g2^2) int I(xi)/xi G(xi, omega, omega) dxi, with the equal-frequency limit of Eq. (44),
     * G(xi, w, w) = w^2 xi t^2 coth(beta xi/2)/(xi^2 - w^2)^2
     *             + xi^2 [t (xi^2 - w^2) + (beta w/2)(1 - t^2)(xi^2 - w^2) - 2 w^2 t] / (2 w (xi^2 - w^2)^2),
     * t = tanh(beta w/2). Only for two outputs.
     */
    public Estimate outputCorrelation() {
        return outputCorrelation(TOLERANCE);
    }

    /**
     * {@link #outputCorrelation()} to the given quadrature tolerance; [0, omega/2] is graded towards xi = 0,
     * where J(xi)/xi ~ xi^(s-1) is singular for s &lt; 1.
     */
    public Estimate outputCorrelation(QuadratureTolerance tolerance) {
        if (outputs != 2) {
            throw new InvalidModelException("outputs", outputs, "2: the correlation is between two output spins");
        }
        OhmicFamily density = spectralDensity();
        VectorIntegrand f = new VectorIntegrand() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void evaluate(double xi, double[] out) {
                out[0] = xi <= 0 ? 0 : density.value(xi) / xi * correlationKernel(xi);
            }
        };
        QuadratureResult r = new GaussKronrod(f).integrate(
                List.of(Panel.graded(0, omega / 2, s), Panel.finite(omega / 2, 2 * omega), Panel.upperTail(2 * omega)),
                tolerance.absolute() * Math.max(lambda, Double.MIN_NORMAL), tolerance.relative(), tolerance.maxEvaluations());
        double scale = 4 * (f2 * f2 + g2 * g2);
        return new Estimate(scale * r.values()[0], scale * r.errors()[0]);
    }

    /** Signal-to-noise ratio |&lt;sigma^x&gt;|/sigma of Eq. (50) (two outputs; Eqs. 51-52 in reduced units). */
    public Estimate signalToNoise() {
        return signalToNoise(outputCorrelation());
    }

    /** Eq. (50) from the correlation sigma^2 of {@link #outputCorrelation}. */
    private Estimate signalToNoise(Estimate variance) {
        double sigma = Math.sqrt(variance.value());
        double value = Math.abs(leadingOrderCoherence()) / sigma;
        return new Estimate(value, value * variance.error() / (2 * variance.value()));
    }

    /**
     * The method leading-order: sigma_x_out (and sigma_x_out2) of Eq. (32)/(65), the conserved input
     * magnetisations sigma_z_inputs1 (sigma_z_inputs2), the self-induced coherence of one spin at omega1,
     * sigma_x_self_induced (Eq. 21), the ratio sigma_x_out_over_self_induced (Eq. 29 corrected) and, with
     * two outputs, the correlation correlation_xx_out = &lt;s1 s2&gt; - &lt;s1&gt;&lt;s2&gt; (Eqs. 42-44) and the
     * signal-to-noise ratio signal_to_noise_out (Eq. 50). The names follow the master-equation observables
     * of {@link #toSystem}; Eqs. (32) and the magnetisations are algebraic (error 0), the others carry their
     * quadrature error estimates.
     */
    @Override
    public ObservableSet leadingOrderObservables(QuadratureTolerance tolerance) {
        Map<String, Estimate> o = new LinkedHashMap<>();
        Estimate coherence = new Estimate(leadingOrderCoherence(), 0);
        o.put("sigma_x_out", coherence);
        if (outputs == 2) {
            o.put("sigma_x_out2", coherence);
        }
        o.put("sigma_z_inputs1", new Estimate(M * inputPolarization(omega1), 0));
        if (N > 0) {
            o.put("sigma_z_inputs2", new Estimate(N * inputPolarization(omega2), 0));
        }
        Estimate self = selfInducedCoherence(tolerance);
        o.put("sigma_x_self_induced", self);
        o.put("sigma_x_out_over_self_induced", outputOverSelfInduced(self));
        if (outputs == 2) {
            Estimate variance = outputCorrelation(tolerance);
            o.put("correlation_xx_out", variance);
            o.put("signal_to_noise_out", signalToNoise(variance));
        }
        return new ObservableSet(o);
    }

    @Override
    public String leadingOrderSource() {
        return "Slobodeniuk, Novotny and Filip, Eqs. (32)/(65), (21), (29) and (52) corrected, (43)-(44) at equal "
                + "output frequencies, (50); with the inputs' conserved populations";
    }

    /** The output coherence follows the inputs' conserved populations (the {@code inputs} choice). */
    @Override
    public boolean leadingOrderDependsOnInitialState() {
        return true;
    }

    /**
     * G(xi, omega, omega) of Eq. (44) (see {@link #outputCorrelation}); regular at xi = omega, where the
     * double poles cancel: within 1e-3 omega it is interpolated linearly between omega -+ 1e-3 omega
     * (error O(1e-6) relative on a 2e-3 omega window; the direct form loses eps/1e-6 there).
     */
    double correlationKernel(double xi) {
        double delta = 1e-3 * omega;
        if (Math.abs(xi - omega) < delta) {
            double lo = correlationKernelDirect(omega - delta);
            double hi = correlationKernelDirect(omega + delta);
            return lo + (hi - lo) * (xi - (omega - delta)) / (2 * delta);
        }
        return correlationKernelDirect(xi);
    }

    private double correlationKernelDirect(double xi) {
        double w = omega;
        double t = thermalPolarization(w, T);
        double halfBetaW = T == 0 ? 0 : w / (2 * T);
        // (beta w/2)(1 - t^2) -> 0 at T = 0 (exponentially)
        double sech2Term = T == 0 ? 0 : halfBetaW * (1 - t * t);
        double coth = T == 0 ? 1 : 1 / Math.tanh(xi / (2 * T));
        double d = xi * xi - w * w;
        double first = w * w * xi * t * t * coth / (d * d);
        double second = xi * xi * (t * d + sech2Term * d - 2 * w * w * t) / (2 * w * d * d);
        return first + second;
    }

    /** Diagonal J_z-populations of n independent spins of frequency w (index 0 = all up): binomial weights. */
    private ComplexMatrix inputState(int n, double w) {
        double up = (1 + inputPolarization(w)) / 2;
        double[] p = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            int k = n - i; // spins up at J_z index i
            p[i] = binomial(n, k) * Math.pow(up, k) * Math.pow(1 - up, n - k);
        }
        return ComplexMatrix.diagonal(p);
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    public MultiplexedModel withLambda(double newLambda) {
        return new MultiplexedModel(M, N, outputs, omega1, omega2, omega, f1, f2, g1, g2, newLambda, omega_c, s, T, inputs);
    }

    public MultiplexedModel withInputs(InputState newInputs) {
        return new MultiplexedModel(M, N, outputs, omega1, omega2, omega, f1, f2, g1, g2, lambda, omega_c, s, T, newInputs);
    }
}
