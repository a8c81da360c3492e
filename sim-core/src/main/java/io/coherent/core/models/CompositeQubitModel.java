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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.special.Gamma;

/**
 * The qubit of Guarnieri, Kolar and Filip, "Steady-State Coherences by Composite System-Bath Interactions"
 * (PRL 121, 070401 (2018); seed composite-coupling-qubit), with the paper's parameter names. docs/papers/
 * composite-qubit.md derives everything below.
 *
 * <p>H_S = (omega0/2) sigma_z and one bosonic bath at temperature T with the paper's spectral density
 * J(w) = lambda w^s Omega^(1-s) e^(-w/Omega), which is our {@link OhmicFamily} with the same convention
 * J(w) = sum_k g_k^2 delta(w - w_k) for B_E = sum_k g_k (b_k + b_k^+) (the paper's 4 lambda Omega Gamma(s)
 * = 4 int J(w)/w dw in Eq. (2) fixes the relative weight of its integrals, and the model-1 coherence below
 * equals the independent mean-force result, Eq. (21) of Slobodeniuk, Novotny and Filip, with this J).
 * <ul>
 *   <li>model 1, Eq. (1): (f1 sigma_z + f2 sigma_x) (x) B_E, one {@link Channel.Kind#HERMITIAN} channel;</li>
 *   <li>model 2, Eq. (5): f1 sigma_z (x) B_E + f2 (sigma_+ b_E + sigma_- b_E^+), the same modes; as one
 *       {@link Channel.Kind#EXCHANGE} channel sum_k g_k (L b_k^+ + L^+ b_k) with L = f1 sigma_z + f2 sigma_-,
 *       whose expansion is exactly Eq. (5).</li>
 * </ul>
 * The initial state is the incoherent Gibbs state of H_S at T (the paper: the steady state does not depend
 * on it). The coherence v1 = Tr[sigma_x rho] is the real part of the paper's Bloch vector.
 *
 * <p>Closed forms (leading order in lambda, from non-secular Redfield with the Lamb shift; the populations
 * enter at zeroth order, i.e. thermal), with t = tanh(omega0/2T) and
 * K(w) = [w coth(w/2T) - omega0 coth(omega0/2T)]/(w - omega0) (regular at w = omega0):
 * <pre>
 *   model 1:  v1 = -4 f1 f2 t int_0^inf dw J(w) K(w) / (w (w + omega0))
 *   model 2:  v1 = -2 f1 f2 t / omega0  int_0^inf dw J(w) K(w) / w
 * </pre>
 * Model 1 equals the paper's Eq. (2) to leading order, -f1 f2 [Delta1 tanh(omega0/2T) + 4 lambda Omega
 * Gamma(s) + Delta2]/omega0, with the opposite overall sign: the printed sign corresponds to flipping the
 * sign of every principal-value part S(w); the T = 0 ground state in second-order perturbation theory
 * confirms ours (v1 = -4 f1 f2 int J/(w (w + omega0)) < 0 for f1 f2 > 0). The J_eff inside Delta1 carries
 * coth(w/2T), not the printed coth(omega0/2T).
 *
 * <p>Where the master equation does not exist (the closed forms stay finite): for s &lt; 1 at T &gt; 0 the
 * dephasing rate gamma(0) = 2 pi lim J(w)(n(w) + 1) is infinite (both models); model 2's Redfield generator
 * contains i f1 f2 [S_+(0) - S_-(0)] (rho_eg - rho_ge) in the population equations, with S_+(0) - S_-(0)
 * = -int J(w) coth(w/2T)/w dw, logarithmically divergent for s &lt;= 1 at T &gt; 0, so the Lamb shift is refused
 * there (the paper's TCL coefficient grows like log t instead). Model 1 with s = 1, any T, and model 2 with
 * s &gt; 1 or T = 0 are fine.
 */
public record CompositeQubitModel(double omega0, double f1, double f2, double lambda, double Omega, double s,
                                  double T, Coupling model) implements FiniteModel, LeadingOrderTheory {

    /** The paper's Fig. 2(a) (lambda = 0.01 omega0, Omega = 5 omega0, Ohmic), at T = 0.5 omega0, f1 = f2 = 1. */
    public static final CompositeQubitModel DEFAULTS = new CompositeQubitModel(1, 1, 1, 0.01, 5, 1, 0.5, Coupling.TRANSVERSE);

    /** The two interaction Hamiltonians of the paper: Eq. (1) (model 1) and Eq. (5) (model 2). */
    public enum Coupling {
        /** Model 1, Eq. (1): (f1 sigma_z + f2 sigma_x) (x) (b_E + b_E^+). */
        TRANSVERSE(1),
        /** Model 2, Eq. (5): f1 sigma_z (x) (b_E + b_E^+) + f2 (sigma_+ b_E + sigma_- b_E^+). */
        ROTATING_WAVE(2);

        private final int number;

        Coupling(int number) {
            this.number = number;
        }

        /** The paper's model number (1 or 2). */
        public int number() {
            return number;
        }

        public static Coupling of(int number) {
            for (Coupling c : values()) {
                if (c.number == number) {
                    return c;
                }
            }
            throw new InvalidModelException("model", number, "1 (sigma_z + sigma_x coupling, Eq. 1) or 2 (rotating-wave, Eq. 5)");
        }
    }

    /** Default quadrature accuracy of the closed forms (the method leading-order passes the user's). */
    private static final QuadratureTolerance TOLERANCE = QuadratureTolerance.STEADY_STATE;

    public CompositeQubitModel {
        requirePositive("omega0", omega0);
        requireFinite("f1", f1);
        requireFinite("f2", f2);
        requireNonNegative("lambda", lambda);
        requirePositive("Omega", Omega);
        requirePositive("s", s);
        requireNonNegative("T", T);
        if (model == null) {
            throw new InvalidModelException("model", "null", "1 or 2");
        }
    }

    public OhmicFamily spectralDensity() {
        return new OhmicFamily(lambda, s, Omega);
    }

    /** The system-bath coupling operator: A of the hermitian channel (model 1) or L of the exchange channel (model 2). */
    public ComplexMatrix couplingOperator() {
        ComplexMatrix transverse = model == Coupling.TRANSVERSE ? Operators.sigmaX() : Operators.sigmaMinus();
        return Operators.sigmaZ().scale(f1).plus(transverse.scale(f2));
    }

    /**
     * The open system: one qubit "qubit", H_S = (omega0/2) sigma_z, one bath "bath" at T, the Gibbs state of
     * H_S as initial state, and the paper's Bloch components v1 = &lt;sigma_x&gt;, v2 = &lt;sigma_y&gt;,
     * v3 = &lt;sigma_z&gt; as observables (its coherence measure is C = sqrt(v1^2 + v2^2)).
     */
    @Override
    public OpenSystem toSystem() {
        HilbertSpace space = HilbertSpace.of(Subsystem.qubit("qubit"));
        ComplexMatrix h = Operators.sigmaZ().scale(omega0 / 2);
        Channel.Kind kind = model == Coupling.TRANSVERSE ? Channel.Kind.HERMITIAN : Channel.Kind.EXCHANGE;
        Reservoir bath = new Reservoir("bath", ThermalOccupation.bose(T),
                List.of(new Channel(kind, couplingOperator(), spectralDensity())));
        List<NamedOperator> observables = List.of(
                new NamedOperator("v1", Operators.sigmaX()),
                new NamedOperator("v2", Operators.sigmaY()),
                new NamedOperator("v3", Operators.sigmaZ()));
        return new OpenSystem(space, h, List.of(bath), Operators.gibbs(h, T), observables, List.of(), null);
    }

    /** Reorganisation energy int_0^inf J(w)/w dw = lambda Omega Gamma(s) (the paper's 4 lambda Omega Gamma(s) / 4). */
    public double reorganizationEnergy() {
        return lambda * Omega * Gamma.gamma(s);
    }

    /** tanh(omega0/2T), the thermal polarisation -&lt;sigma_z&gt; of the bare qubit (1 at T = 0). */
    public double polarization() {
        return thermalPolarization(omega0, T);
    }

    /**
     * The steady-state coherence v1 = &lt;sigma_x&gt; to leading (first) order in lambda, in the standard
     * Redfield sign convention (see the class comment), for either model; v2 = 0 at this order.
     */
    public Estimate leadingOrderCoherence() {
        return leadingOrderCoherence(TOLERANCE);
    }

    /** {@link #leadingOrderCoherence()} with the quadrature tolerance given (absolute part relative to lambda). */
    public Estimate leadingOrderCoherence(QuadratureTolerance tolerance) {
        Integrals in = integrals(tolerance);
        double t = polarization();
        if (model == Coupling.TRANSVERSE) {
            double scale = -4 * f1 * f2 * t;
            return new Estimate(scale * in.model1().value(), Math.abs(scale) * in.model1().error());
        }
        double scale = -2 * f1 * f2 * t / omega0;
        return new Estimate(scale * in.model2().value(), Math.abs(scale) * in.model2().error());
    }

    /**
     * The method leading-order: v1 = {@link #leadingOrderCoherence} with its quadrature error, v2 = 0 and
     * coherence_l1 = |v1| (the l1 norm of the qubit's coherence, 2 |rho_eg|), named as the master-equation
     * observables. v3 is not offered: its O(lambda) correction to -tanh(omega0/2T) is not among the closed forms.
     */
    @Override
    public ObservableSet leadingOrderObservables(QuadratureTolerance tolerance) {
        Estimate v1 = leadingOrderCoherence(tolerance);
        Map<String, Estimate> o = new LinkedHashMap<>();
        o.put("coherence_l1", new Estimate(Math.abs(v1.value()), v1.error()));
        o.put("v1", v1);
        o.put("v2", new Estimate(0, 0));
        return new ObservableSet(o);
    }

    @Override
    public String leadingOrderSource() {
        return "Guarnieri, Kolar and Filip, model " + model.number() + ": O(lambda) coherence in the standard sign, "
                + (model == Coupling.TRANSVERSE ? "Eq. (2) without its resummed denominator (= Slobodeniuk et al. Eq. 21)"
                : "non-secular Redfield with the Lamb shift at leading order");
    }

    /**
     * The paper's principal-value integrals of Eq. (3), with J_eff(w, T) = J(w) coth(w/2T) (the printed
     * coth(omega0/2T) is a slip: the thermal factor belongs to the bath frequency w):
     * Delta1 = -2 P int J_eff (1/(w + omega0) - 1/(w - omega0)), Delta2 = -2 P int J (1/(w + omega0) + 1/(w - omega0)).
     * In terms of the one-sided spectra, Delta1 = 2 [S(-omega0) - S(omega0)], Delta2 = 2 [S(omega0) + S(-omega0)].
     */
    public PaperIntegrals paperIntegrals() {
        Integrals in = integrals(TOLERANCE);
        return new PaperIntegrals(in.delta1(), in.delta2(), 4 * reorganizationEnergy());
    }

    /**
     * The paper's Eq. (2) for model 1 in the standard sign convention: v1 = -f1 f2 N / (omega0 - f2^2 Delta1),
     * N = Delta1 tanh(omega0/2T) + 4 lambda Omega Gamma(s) + Delta2. The f2^2 Delta1 in the denominator is a
     * partial second-order resummation (the Lamb-shift renormalisation of the non-secular coherence
     * equation); non-secular Redfield gives omega0 - Delta1 [f2^2 + 2 f1^2 gamma(0)/(gamma(omega0) + gamma(-omega0))]
     * there, and neither is more than leading-order accurate. The printed "+ f2^2 Delta1" and overall "+" are
     * the paper's flipped principal-value sign.
     */
    public Estimate resummedCoherence() {
        requireModel1("Eq. (2)");
        PaperIntegrals p = paperIntegrals();
        double d1 = p.delta1().value();
        double n = p.numerator(polarization());
        double den = omega0 - f2 * f2 * d1;
        double value = -f1 * f2 * n / den;
        double dn = polarization() * p.delta1().error() + p.delta2().error();
        double error = Math.abs(f1 * f2) * (dn / Math.abs(den) + Math.abs(n) * f2 * f2 * p.delta1().error() / (den * den));
        return new Estimate(value, error);
    }

    /**
     * The paper's Eq. (4) corrected: max over f2 of C/f1 for the resummed form, |N| / (2 sqrt(omega0 |Delta1|))
     * (the printed 2 sqrt(omega0) Delta1 misplaces the square root: d/df2 [f2/(omega0 + a f2^2)] = 0 at
     * f2^2 = omega0/a gives 1/(2 sqrt(omega0 a))). In the standard sign the maximum exists only where
     * Delta1 &lt; 0; for Delta1 &gt;= 0 the resummed denominator omega0 - f2^2 Delta1 vanishes at some f2
     * and the value is +infinity (the resummation fails there; the paper's spikes sit where Delta1 changes sign).
     */
    public Estimate maximalCoherencePerF1() {
        requireModel1("Eq. (4)");
        PaperIntegrals p = paperIntegrals();
        double d1 = p.delta1().value();
        if (d1 >= 0) {
            return new Estimate(Double.POSITIVE_INFINITY, 0);
        }
        double n = p.numerator(polarization());
        double value = Math.abs(n) / (2 * Math.sqrt(omega0 * -d1));
        double dn = polarization() * p.delta1().error() + p.delta2().error();
        double error = dn / (2 * Math.sqrt(omega0 * -d1)) + value * p.delta1().error() / (2 * -d1);
        return new Estimate(value, error);
    }

    public CompositeQubitModel withLambda(double newLambda) {
        return new CompositeQubitModel(omega0, f1, f2, newLambda, Omega, s, T, model);
    }

    public CompositeQubitModel withT(double newT) {
        return new CompositeQubitModel(omega0, f1, f2, lambda, Omega, s, newT, model);
    }

    public CompositeQubitModel withModel(Coupling newModel) {
        return new CompositeQubitModel(omega0, f1, f2, lambda, Omega, s, T, newModel);
    }

    /**
     * Delta1, Delta2 and 4 lambda Omega Gamma(s) of the paper's Eqs. (2)-(3).
     *
     * @param reorganization 4 int J(w)/w dw = 4 lambda Omega Gamma(s) (exact)
     */
    public record PaperIntegrals(Estimate delta1, Estimate delta2, double reorganization) {

        /** N = Delta1 tanh(omega0/2T) + 4 lambda Omega Gamma(s) + Delta2, the bracket of Eqs. (2) and (4). */
        public double numerator(double polarization) {
            return delta1.value() * polarization + reorganization + delta2.value();
        }
    }

    private record Integrals(Estimate model1, Estimate model2, Estimate delta1, Estimate delta2) {
    }

    /**
     * All four integrals on one panel set: a folded principal-value panel about omega0 over
     * [omega0/2, 3 omega0/2] (Delta1 and Delta2 have a simple pole there; the K(w) integrands are regular),
     * the tail beyond, and [0, omega0/2] graded towards w = 0, where J(w)/w ~ w^(s-1) is singular for
     * s &lt; 1 (unmapped, Gauss-Kronrod misses most of that end point's weight and underestimates its error:
     * model 2 at T = 0, s = 0.1 came out 2.3% off with an estimate of 1e-10).
     */
    private Integrals integrals(QuadratureTolerance tolerance) {
        OhmicFamily j = spectralDensity();
        VectorIntegrand f = new VectorIntegrand() {
            @Override
            public int dimension() {
                return 4;
            }

            @Override
            public void evaluate(double w, double[] out) {
                if (w <= 0) {
                    Arrays.fill(out, 0);
                    return;
                }
                double jw = j.value(w);
                double k = regularizedKernel(w);
                double c = T == 0 ? 1 : 1 / Math.tanh(w / (2 * T));
                out[0] = jw * k / (w * (w + omega0));
                out[1] = jw * k / w;
                out[2] = 2 * jw * c * (1 / (w - omega0) - 1 / (w + omega0));
                out[3] = -2 * jw * (1 / (w + omega0) + 1 / (w - omega0));
            }
        };
        QuadratureResult r = new GaussKronrod(f).integrate(
                List.of(Panel.graded(0, omega0 / 2, s), Panel.folded(omega0, omega0 / 2), Panel.upperTail(1.5 * omega0)),
                tolerance.absolute() * Math.max(lambda, Double.MIN_NORMAL), tolerance.relative(), tolerance.maxEvaluations());
        double[] v = r.values();
        double[] e = r.errors();
        return new Integrals(new Estimate(v[0], e[0]), new Estimate(v[1], e[1]),
                new Estimate(v[2], e[2]), new Estimate(v[3], e[3]));
    }

    /** K(w) = [w coth(w/2T) - omega0 coth(omega0/2T)]/(w - omega0), by its derivative near w = omega0. */
    private double regularizedKernel(double w) {
        double dw = w - omega0;
        if (Math.abs(dw) < 1e-6 * omega0) {
            // d/dw [w coth(w/2T)] = coth(x) - x / sinh^2(x), x = w/2T; the next term is O(dw) * 1e-6 relative
            if (T == 0) {
                return 1;
            }
            double x = w / (2 * T);
            double sh = Math.sinh(x);
            return 1 / Math.tanh(x) - x / (sh * sh);
        }
        return (thermalFrequency(w) - thermalFrequency(omega0)) / dw;
    }

    /** w coth(w/2T), equal to w at T = 0 and 2T at w = 0. */
    private double thermalFrequency(double w) {
        if (T == 0) {
            return w;
        }
        double x = w / (2 * T);
        return x < 1e-4 ? 2 * T * (1 + x * x / 3) : w / Math.tanh(x);
    }

    private void requireModel1(String equation) {
        if (model != Coupling.TRANSVERSE) {
            throw new InvalidModelException("model", model.number(), "1: the paper's " + equation + " is for model 1");
        }
    }
}
