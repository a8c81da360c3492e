package io.coherent.core.models;

import io.coherent.core.bath.Flat;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.SpectralDensity;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.Channel;
import io.coherent.core.open.DensityMatrixElement;
import io.coherent.core.open.DensityMatrixElement.Part;
import io.coherent.core.open.NamedOperator;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.ejml.simple.SimpleMatrix;

/**
 * Two dipole-coupled two-level atoms between a cold bath a and a hot bath b: Huangfu and Jing, "Steady
 * bipartite coherence induced by non-equilibrium environment" (seed two-atoms-nonequilibrium), with the
 * paper's parameter names (docs/papers/two-atoms.md).
 *
 * <p>H_S = (omega1/2) sigma_z1 + (omega2/2) sigma_z2 + xi (sigma_1^+ sigma_2^- + h.c.) (Eq. 1) with
 * omega1,2 = Omega +- Delta/2. Bath alpha couples through sum_j g_j alpha_j (c_1alpha sigma_1^+ + c_2alpha
 * sigma_2^+) + h.c. (Eq. 4): in our conventions one EXCHANGE channel per bath with
 * L_alpha = c_1alpha sigma_1^- + c_2alpha sigma_2^-, both atoms sharing the bath's modes. The paper's rate
 * gamma = pi rho(eps) g^2(eps) is the same at every transition (Sec. III A), i.e. our J = sum g^2 delta is
 * flat, J = gamma/pi; bosonic baths at Ta and Tb without chemical potential. The paper keeps real rates
 * only (no Lamb shift); a flat J has no finite Lamb shift anyway. A flat J has no finite correlation time, so
 * for exact (hierarchical) dynamics the model also offers finite-width spectra (the paper has none):
 * {@code spectrum} = lorentzian (centred at Omega, half-width gamma_c) or drude-lorentz (cut-off gamma_c), both
 * equal to the flat gamma/pi at w = Omega (docs/papers/two-atoms.md).
 *
 * <p>Eigenstates (Eq. 2, paper labels): |l1> = |ee> (Omega), |l2> = cos(theta/2)|eg> + sin(theta/2)|ge>
 * (+R/2), |l3> = -sin(theta/2)|eg> + cos(theta/2)|ge> (-R/2), |l4> = |gg> (-Omega), R = sqrt(Delta^2 + 4 xi^2).
 * The paper's "cot theta = Delta/2xi" fixes theta only modulo pi; it must be theta = atan2(2 xi, Delta), else
 * for Delta &lt; 0 the labels 2 and 3 swap (physics notes Sec. 3).
 *
 * @param configuration the paper's "case" (a Java keyword): which atom couples to which bath
 * @param spectrum      the baths' spectral density: the paper's flat one, or a finite-width one for exact dynamics
 * @param gamma_c       the finite-width spectra's width: Lorentzian half-width or Drude-Lorentz cut-off (unused by flat)
 */
public record TwoAtomsModel(double Omega, double Delta, double xi, double gamma, double Ta, double Tb,
                            Case configuration, Spectrum spectrum, double gamma_c) {

    /** Default gamma_c: 5 xi, so that a Lorentzian stays within 4 % of the flat rate at both transitions Omega +- xi. */
    public static final double DEFAULT_GAMMA_C = 10;

    /** The paper's Figs. 2-3 (resonance), in units of gamma: Omega = 30, xi = 2, Ta = 10, Delta_T = 50. */
    public static final TwoAtomsModel DEFAULTS = new TwoAtomsModel(30, 0, 2, 1, 10, 60, Case.A);

    /** The baths' spectral density. */
    public enum Spectrum {
        /** The paper's J = gamma/pi at every frequency (Sec. III A): Markovian, no correlation time. */
        FLAT,
        /** gamma/pi at Omega, Lorentzian of half-width gamma_c (a cavity-like bath; flat as gamma_c grows). */
        LORENTZIAN,
        /** gamma/pi at Omega, Drude-Lorentz with cut-off gamma_c. */
        DRUDE_LORENTZ
    }

    /** The paper's model: flat spectral density. */
    public TwoAtomsModel(double Omega, double Delta, double xi, double gamma, double Ta, double Tb, Case configuration) {
        this(Omega, Delta, xi, gamma, Ta, Tb, configuration, Spectrum.FLAT, DEFAULT_GAMMA_C);
    }

    /** The two atoms, "atom1" and "atom2". */
    private static final TwoQubits ATOMS = TwoQubits.named("atom1", "atom2");

    /** Size below which a transition amplitude (of order 1 when allowed) counts as zero: dark-state detection. */
    private static final double AMPLITUDE_TOLERANCE = 1e-12;

    /** The paper's four atom-bath configurations (Sec. II): coupling coefficients c_{i alpha}. */
    public enum Case {
        /** Atom 1 - bath a, atom 2 - bath b. */
        A(1, 0, 0, 1),
        /** Bath a couples to both atoms, bath b to atom 2. */
        B(1, 1, 0, 1),
        /** Bath a couples to atom 1, bath b to both atoms. */
        C(1, 0, 1, 1),
        /** Both baths couple to both atoms. */
        D(1, 1, 1, 1);

        private final double c1a;
        private final double c2a;
        private final double c1b;
        private final double c2b;

        Case(double c1a, double c2a, double c1b, double c2b) {
            this.c1a = c1a;
            this.c2a = c2a;
            this.c1b = c1b;
            this.c2b = c2b;
        }

        /** c_{1alpha}, c_{2alpha} for bath a (alpha = 0) or bath b (alpha = 1). */
        double[] coefficients(int alpha) {
            return alpha == 0 ? new double[] {c1a, c2a} : new double[] {c1b, c2b};
        }
    }

    public TwoAtomsModel {
        requireFinite("Omega", Omega);
        requireFinite("Delta", Delta);
        requireFinite("xi", xi);
        if (!(Omega > 0)) {
            throw new InvalidModelException("Omega", Omega, "a number > 0 (the mean atomic frequency)");
        }
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw new InvalidModelException("gamma", gamma, "a finite number > 0 (the atom-bath rate)");
        }
        if (!(Ta >= 0) || !Double.isFinite(Ta)) {
            throw new InvalidModelException("Ta", Ta, "a finite temperature >= 0");
        }
        if (!(Tb >= 0) || !Double.isFinite(Tb)) {
            throw new InvalidModelException("Tb", Tb, "a finite temperature >= 0");
        }
        if (configuration == null) {
            throw new InvalidModelException("case", "null", "one of A, B, C, D");
        }
        if (spectrum == null) {
            throw new InvalidModelException("spectrum", "null", "flat, lorentzian or drude-lorentz");
        }
        if (!(gamma_c > 0) || !Double.isFinite(gamma_c)) {
            throw new InvalidModelException("gamma_c", gamma_c, "a finite number > 0 (the spectral width)");
        }
        if (xi == 0 && Delta == 0) {
            throw new InvalidModelException("xi", xi,
                    "a non-zero coupling when Delta = 0 (|eg> and |ge> are degenerate and the labels |l2>, |l3> undefined)");
        }
        if (!(4 * Omega * Omega > Delta * Delta + 4 * xi * xi)) {
            throw new InvalidModelException("Omega", Omega, "Omega > sqrt(Delta^2 + 4 xi^2)/2 = "
                    + Math.sqrt(Delta * Delta + 4 * xi * xi) / 2 + " (|ee> must stay the top level: epsilon_2 > 0)");
        }
    }

    private static void requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidModelException(field, value, "a finite number");
        }
    }

    /** Mixing angle theta = atan2(2 xi, Delta) (the paper's cot(theta) = Delta/2xi on the right branch). */
    public double theta() {
        return Math.atan2(2 * xi, Delta);
    }

    /** R = sqrt(Delta^2 + 4 xi^2): the splitting of |l2> and |l3>. */
    private double splitting() {
        return Math.hypot(Delta, 2 * xi);
    }

    /** epsilon_1 = lambda_1 - lambda_3 = lambda_2 - lambda_4 = Omega + R/2. */
    public double epsilon1() {
        return Omega + splitting() / 2;
    }

    /** epsilon_2 = lambda_1 - lambda_2 = lambda_3 - lambda_4 = Omega - R/2. */
    public double epsilon2() {
        return Omega - splitting() / 2;
    }

    /** lambda_1 .. lambda_4 (Eq. 2). */
    public double[] eigenvalues() {
        double half = splitting() / 2;
        return new double[] {Omega, half, -half, -Omega};
    }

    /** |l1> .. |l4> as column vectors on the bare basis |ee>, |eg>, |ge>, |gg>. */
    public ComplexMatrix[] eigenstates() {
        ComplexMatrix[] pair = ATOMS.mixedPair(theta());
        return new ComplexMatrix[] {ATOMS.ket(TwoQubits.EXCITED, TwoQubits.EXCITED), pair[0], pair[1],
                ATOMS.ket(TwoQubits.GROUND, TwoQubits.GROUND)};
    }

    /** |l_label> (label 1..4). */
    public ComplexMatrix eigenstate(int label) {
        return eigenstates()[label - 1];
    }

    /** H_S of Eq. 1 with omega1,2 = Omega +- Delta/2. */
    public ComplexMatrix hamiltonian() {
        return ATOMS.sigmaZ(1).scale((Omega + Delta / 2) / 2).plus(ATOMS.sigmaZ(2).scale((Omega - Delta / 2) / 2))
                .plus(ATOMS.hopping().scale(xi));
    }

    /** L_alpha = c_1alpha sigma_1^- + c_2alpha sigma_2^- (alpha = 0 for bath a, 1 for bath b). */
    private ComplexMatrix jump(int alpha) {
        double[] c = configuration.coefficients(alpha);
        return ATOMS.lowering(1).scale(c[0]).plus(ATOMS.lowering(2).scale(c[1]));
    }

    /**
     * The inter-atomic flux operator of Eq. 13, J_12 = -i[sigma_z1, H_S] = -2i xi (|eg><ge| - |ge><eg|): the
     * rate of change of atom 1's inversion caused by atom 2 (positive = excitation flowing into atom 1).
     * Its expectation is +4 xi Im(rho_32), rho_32 = <l3|rho|l2>; the paper prints -4 xi Im(rho_32).
     */
    public ComplexMatrix interAtomicFlux() {
        return ATOMS.sigmaZ(1).commutator(hamiltonian()).scale(0, -1);
    }

    /**
     * The open system started in |gg> (both atoms in the ground state). The paper gives no initial state:
     * its steady states do not depend on it, except in case D at resonance (see {@link #darkState()}).
     */
    public OpenSystem toSystem() {
        return toSystem(Operators.projector(ATOMS.ket(TwoQubits.GROUND, TwoQubits.GROUND)));
    }

    /**
     * The open system started in the given state. Reservoirs "a" (Ta) and "b" (Tb); named observables
     * J_12 (inter-atomic flux, Eq. 13 with our sign) and elements rho_11 .. rho_44, rho_32 (modulus, as the
     * paper plots), re_rho_32 and im_rho_32 in the paper's eigenstate labels.
     */
    public OpenSystem toSystem(ComplexMatrix initialState) {
        SpectralDensity density = spectralDensity();
        List<Reservoir> reservoirs = List.of(
                new Reservoir("a", ThermalOccupation.bose(Ta),
                        List.of(new Channel(Channel.Kind.EXCHANGE, jump(0), density))),
                new Reservoir("b", ThermalOccupation.bose(Tb),
                        List.of(new Channel(Channel.Kind.EXCHANGE, jump(1), density))));
        List<DensityMatrixElement> elements = new ArrayList<>();
        for (int l = 1; l <= 4; l++) {
            elements.add(new DensityMatrixElement("rho_" + l + l, eigenstate(l), eigenstate(l), Part.REAL));
        }
        elements.add(new DensityMatrixElement("rho_32", eigenstate(3), eigenstate(2), Part.ABSOLUTE));
        elements.add(new DensityMatrixElement("re_rho_32", eigenstate(3), eigenstate(2), Part.REAL));
        elements.add(new DensityMatrixElement("im_rho_32", eigenstate(3), eigenstate(2), Part.IMAGINARY));
        return new OpenSystem(ATOMS.space(), hamiltonian(), reservoirs, initialState,
                List.of(new NamedOperator("J_12", interAtomicFlux())), elements, ATOMS.excitationNumber());
    }

    /** Our J = sum g^2 delta of both baths: gamma/pi flat, or a finite-width spectrum equal to it at Omega. */
    public SpectralDensity spectralDensity() {
        return switch (spectrum) {
            case FLAT -> new Flat(gamma / Math.PI);
            case LORENTZIAN -> FiniteWidthSpectra.lorentzian(gamma / Math.PI, Omega, gamma_c);
            case DRUDE_LORENTZ -> FiniteWidthSpectra.drudeLorentz(gamma / Math.PI, Omega, gamma_c);
        };
    }

    /**
     * Secular (Davies) transition rates between the paper's eigenstates, k[i][j] = rate |l_i> -> |l_j>
     * (indices 0..3 for labels 1..4). Eqs. 7-8 generalised to every case: emission across Bohr frequency
     * eps through bath alpha is 2 gamma (N_alpha(eps) + 1) |<lower|L_alpha|upper>|^2 (the paper's 2 Gamma,
     * with L_X = 2 X rho X^+ - {X^+X, rho}), absorption 2 gamma N_alpha(eps) |...|^2. For a finite-width
     * spectrum gamma becomes the rate at the transition, pi J(eps) (our J), as in every secular equation.
     */
    public double[][] secularRates() {
        ComplexMatrix[] states = eigenstates();
        // (upper, lower, Bohr frequency): the four dipole transitions 1-3, 2-4 (eps1) and 1-2, 3-4 (eps2)
        int[][] transitions = {{0, 2}, {1, 3}, {0, 1}, {2, 3}};
        double[] frequencies = {epsilon1(), epsilon1(), epsilon2(), epsilon2()};
        double[] temperatures = {Ta, Tb};
        double[][] k = new double[4][4];
        SpectralDensity j = spectralDensity();
        for (int alpha = 0; alpha < 2; alpha++) {
            ComplexMatrix jump = jump(alpha);
            ThermalOccupation occupation = ThermalOccupation.bose(temperatures[alpha]);
            for (int t = 0; t < transitions.length; t++) {
                int upper = transitions[t][0];
                int lower = transitions[t][1];
                double amplitude = TwoQubits.element(states[lower], jump, states[upper]);
                double n = occupation.occupation(frequencies[t]);
                double rate = Math.PI * j.value(frequencies[t]);
                k[upper][lower] += 2 * rate * (n + 1) * amplitude * amplitude;
                k[lower][upper] += 2 * rate * n * amplitude * amplitude;
            }
        }
        return k;
    }

    /**
     * The paper label (1..4) of an eigenstate that no bath can reach, if there is one: in case D at
     * resonance the antisymmetric state (|ge> - |eg>)/sqrt 2 (|l3> for xi > 0, |l2> for xi &lt; 0) is
     * annihilated by L_a = L_b = sigma_1^- + sigma_2^- and never fed, so the steady state is not unique:
     * its population is conserved and set by the initial state.
     */
    public OptionalInt darkState() {
        ComplexMatrix[] states = eigenstates();
        for (int l = 0; l < 4; l++) {
            double coupling = 0;
            for (int alpha = 0; alpha < 2; alpha++) {
                ComplexMatrix jump = jump(alpha);
                for (int m = 0; m < 4; m++) {
                    coupling += Math.abs(TwoQubits.element(states[m], jump, states[l]))
                            + Math.abs(TwoQubits.element(states[l], jump, states[m]));
                }
            }
            if (coupling < AMPLITUDE_TOLERANCE) {
                return OptionalInt.of(l + 1);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Populations rho_11 .. rho_44 (paper labels) of the secular steady state, from Kirchhoff's matrix-tree
     * theorem on the rate graph (p_i proportional to the principal minor of the rate Laplacian without row
     * and column i). In case A it reduces to the paper's Eq. 9, rho_11 = Gamma_2 Gamma_4/Gamma, etc.
     *
     * @throws InvalidModelException (field "case") if the steady state is not unique (a dark state)
     */
    public double[] secularPopulations() {
        OptionalInt dark = darkState();
        if (dark.isPresent()) {
            throw new InvalidModelException("case", configuration, "a configuration with a unique steady state: |l"
                    + dark.getAsInt() + "> is dark (case D at Delta = 0), its population is set by the initial state");
        }
        double[][] k = secularRates();
        double[][] laplacian = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                if (i != j) {
                    laplacian[i][j] = -k[j][i];
                    laplacian[i][i] += k[i][j];
                }
            }
        }
        double[] p = new double[4];
        double total = 0;
        for (int i = 0; i < 4; i++) {
            p[i] = principalMinor(laplacian, i);
            total += p[i];
        }
        for (int i = 0; i < 4; i++) {
            p[i] /= total;
        }
        return p;
    }

    /** The secular steady state (diagonal in the eigenbasis, Eq. 9) in the bare basis. */
    public ComplexMatrix secularSteadyState() {
        return TwoQubits.mixture(secularPopulations(), eigenstates());
    }

    /**
     * The paper's non-secular (Redfield, real rates) steady state of case A, from its Eq. 11: M X = 0 for
     * X = (rho_11, rho_22, rho_33, rho_44, rho_32, rho_23) with the Gamma_i of Eq. 8 and the Delta_i listed
     * after Eq. 10. The coherence rows give rho_32 = -K/mu with K = Delta_13 rho_11 + Dbar_14 rho_22
     * + Dbar_32 rho_33 - Delta_24 rho_44 and mu = i eps_12 - Gamma_12 - Gamma_34; substituted into the
     * population rows this leaves a 4 x 4 system, solved with sum rho_ll = 1. Returned in the bare basis.
     * (The printed M is right once theta = atan2(2 xi, Delta); the paper gives it for case A only.)
     *
     * @throws InvalidModelException (field "case") for cases B, C, D, (field "spectrum") for a finite-width spectrum
     */
    public ComplexMatrix paperCaseASteadyState() {
        if (configuration != Case.A) {
            throw new InvalidModelException("case", configuration, "A (the paper prints Eq. 11 for case A only)");
        }
        if (spectrum != Spectrum.FLAT) {
            throw new InvalidModelException("spectrum", spectrum, "flat (Eq. 11 is the paper's flat-spectrum equation)");
        }
        double c2 = Math.cos(theta() / 2) * Math.cos(theta() / 2);
        double s2 = Math.sin(theta() / 2) * Math.sin(theta() / 2);
        double sc = Math.sin(theta()) / 2;
        ThermalOccupation a = ThermalOccupation.bose(Ta);
        ThermalOccupation b = ThermalOccupation.bose(Tb);
        double e1 = epsilon1();
        double e2 = epsilon2();
        // A_1, A_2, B_1, B_2 at eps_1 and eps_2 (below Eq. 8)
        double a11 = gamma * (a.occupation(e1) + 1);
        double a21 = gamma * a.occupation(e1);
        double b11 = gamma * (b.occupation(e1) + 1);
        double b21 = gamma * b.occupation(e1);
        double a12 = gamma * (a.occupation(e2) + 1);
        double a22 = gamma * a.occupation(e2);
        double b12 = gamma * (b.occupation(e2) + 1);
        double b22 = gamma * b.occupation(e2);
        double g1 = c2 * a11 + s2 * b11;
        double g2 = c2 * a21 + s2 * b21;
        double g3 = s2 * a12 + c2 * b12;
        double g4 = s2 * a22 + c2 * b22;
        double d1 = sc * (a11 - b11);
        double d2 = sc * (a21 - b21);
        double d3 = sc * (a12 - b12);
        double d4 = sc * (a22 - b22);
        double decay = g1 + g2 + g3 + g4; // -Re(mu)
        double rotation = e1 - e2; // Im(mu) = eps_12
        double modulus2 = decay * decay + rotation * rotation;
        double[] k = {d1 + d3, d1 - d4, d3 - d2, -(d2 + d4)};
        double[] column = {d2 + d4, d3 - d2, d1 - d4, -(d1 + d3)}; // M's rho_32 (= rho_23) column, rows 1-4
        double[][] mpp = {
            {-2 * (g1 + g3), 2 * g4, 2 * g2, 0},
            {2 * g3, -2 * (g1 + g4), 0, 2 * g2},
            {2 * g1, 0, -2 * (g2 + g3), 2 * g4},
            {0, 2 * g1, 2 * g3, -2 * (g2 + g4)}};
        // rho_32 + rho_23 = 2 Re(-K/mu) = 2 K decay/|mu|^2
        double[][] reduced = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                reduced[i][j] = mpp[i][j] + column[i] * 2 * decay / modulus2 * k[j];
            }
        }
        reduced[3] = new double[] {1, 1, 1, 1}; // normalisation replaces one (dependent) balance row
        SimpleMatrix p = new SimpleMatrix(reduced).solve(new SimpleMatrix(new double[][] {{0}, {0}, {0}, {1}}));
        double[] populations = {p.get(0), p.get(1), p.get(2), p.get(3)};
        double kp = 0;
        for (int j = 0; j < 4; j++) {
            kp += k[j] * populations[j];
        }
        // rho_32 = -K/mu = K (decay + i eps_12)/|mu|^2
        ComplexMatrix[] states = eigenstates();
        ComplexMatrix rho32 = states[2].times(states[1].conjugateTranspose()).scale(kp * decay / modulus2, kp * rotation / modulus2);
        return TwoQubits.mixture(populations, states).plus(rho32).plus(rho32.conjugateTranspose());
    }

    /** Determinant of the 3 x 3 matrix left after deleting row and column i of a 4 x 4 matrix. */
    private static double principalMinor(double[][] m, int i) {
        int[] r = new int[3];
        for (int a = 0, n = 0; a < 4; a++) {
            if (a != i) {
                r[n++] = a;
            }
        }
        return m[r[0]][r[0]] * (m[r[1]][r[1]] * m[r[2]][r[2]] - m[r[1]][r[2]] * m[r[2]][r[1]])
                - m[r[0]][r[1]] * (m[r[1]][r[0]] * m[r[2]][r[2]] - m[r[1]][r[2]] * m[r[2]][r[0]])
                + m[r[0]][r[2]] * (m[r[1]][r[0]] * m[r[2]][r[1]] - m[r[1]][r[1]] * m[r[2]][r[0]]);
    }
}
