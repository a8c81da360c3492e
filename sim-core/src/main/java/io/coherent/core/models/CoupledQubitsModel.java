package io.coherent.core.models;

import io.coherent.core.bath.Flat;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.bath.SpectralDensity;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.bath.ThermalOccupation.Statistics;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.Channel;
import io.coherent.core.open.DensityMatrixElement;
import io.coherent.core.open.DensityMatrixElement.Part;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import java.util.ArrayList;
import java.util.List;

/**
 * Two coupled qubits, each with its own boson or fermion reservoir: Wang, Wu and Wang, "Steady-state
 * entanglement and coherence of two coupled qubits in equilibrium and nonequilibrium environments"
 * (seed coupled-qubits-boson-fermion), with the paper's parameter names (docs/papers/coupled-qubits.md).
 *
 * <p>H_s = omega1 |e><e|_1 + omega2 |e><e|_2 + (lambda/2)(sigma_+^(1) sigma_-^(2) + h.c.) (Eq. 1); qubit i
 * couples to reservoir i through sum_k g_k (sigma_-^(i) b_k^+ + sigma_+^(i) b_k) (Eq. 3): one EXCHANGE
 * channel with L = sigma_-^(i) per reservoir, statistics Bose or Fermi with temperature T_i and chemical
 * potential mu_i. The paper's spectral density J_i(w) = pi sum g^2 delta(w - w_k) (below Eq. 15) is pi times
 * ours. "flat": J_i constant (Secs. II-VI); "ohmic": the paper's Eq. 79, J_i(w) = alpha_i w exp(-w/w_c)
 * with w_c = 40 (Fig. 8) and alpha_i chosen so that J_i(wbar) = J_i at the mean qubit frequency
 * wbar = (omega1 + omega2)/2, which makes the two spectra comparable at the same J_i. Real rates only: the
 * paper neglects the frequency shifts (below Eq. 15). For exact (hierarchical) dynamics, which needs a finite
 * correlation time, two more spectra with the same normalisation J_i at wbar: "lorentzian" (centred at wbar,
 * half-width omega_c) and "drude-lorentz" (cut-off omega_c); omega_c is also the Ohmic cut-off w_c (default
 * 40, Fig. 8).
 *
 * <p>Eigenstates (Eq. 4, paper labels): |1> = |ee> (delta), |2> = |gg> (0), |3> = cos(theta/2)|eg> +
 * sin(theta/2)|ge> ((delta + Omega)/2), |4> = -sin(theta/2)|eg> + cos(theta/2)|ge> ((delta - Omega)/2), with
 * delta = omega1 + omega2, Omega = sqrt(Delta^2 + lambda^2), theta = atan2(lambda, Delta).
 */
public record CoupledQubitsModel(double omega1, double omega2, double lambda, double J1, double J2,
                                 double T1, double T2, double mu1, double mu2, Statistics statistics,
                                 Spectrum spectrum, double omega_c) {

    /** Cut-off frequency w_c of the Ohmic spectrum (the paper's Fig. 8), the default omega_c. */
    public static final double OHMIC_CUTOFF = 40;

    /** The paper's Fig. 5 (boson reservoirs): omega = 10, J = 1, lambda = 6, T1 = 2, Delta_T = 2. */
    public static final CoupledQubitsModel DEFAULTS =
            new CoupledQubitsModel(10, 10, 6, 1, 1, 2, 4, 0, 0, Statistics.BOSE, Spectrum.FLAT);

    /** The paper's model with its cut-off w_c = 40 (Fig. 8). */
    public CoupledQubitsModel(double omega1, double omega2, double lambda, double J1, double J2, double T1, double T2,
                              double mu1, double mu2, Statistics statistics, Spectrum spectrum) {
        this(omega1, omega2, lambda, J1, J2, T1, T2, mu1, mu2, statistics, spectrum, OHMIC_CUTOFF);
    }

    /** The two qubits, "qubit1" and "qubit2". */
    private static final TwoQubits QUBITS = TwoQubits.named("qubit1", "qubit2");

    /** Excitation (particle) numbers N_1 .. N_4 of the eigenstates: 2, 0, 1, 1. */
    private static final double[] EXCITATIONS = {2, 0, 1, 1};

    /** The reservoirs' spectral density. */
    public enum Spectrum {
        /** Frequency independent, J_i(w) = J_i (Secs. II-VI). */
        FLAT,
        /** J_i(w) = alpha_i w exp(-w/w_c), normalised to J_i at the mean qubit frequency (Sec. VII A). */
        OHMIC,
        /** J_i at the mean qubit frequency, Lorentzian of half-width omega_c centred there (not in the paper). */
        LORENTZIAN,
        /** J_i at the mean qubit frequency, Drude-Lorentz with cut-off omega_c (not in the paper). */
        DRUDE_LORENTZ
    }

    public CoupledQubitsModel {
        positive("omega1", omega1);
        positive("omega2", omega2);
        if (!Double.isFinite(lambda)) {
            throw new InvalidModelException("lambda", lambda, "a finite number");
        }
        positive("J1", J1);
        positive("J2", J2);
        positive("T1", T1);
        positive("T2", T2);
        if (!Double.isFinite(mu1)) {
            throw new InvalidModelException("mu1", mu1, "a finite number");
        }
        if (!Double.isFinite(mu2)) {
            throw new InvalidModelException("mu2", mu2, "a finite number");
        }
        if (statistics == null) {
            throw new InvalidModelException("statistics", "null", "bose or fermi");
        }
        if (spectrum == null) {
            throw new InvalidModelException("spectrum", "null", "flat, ohmic, lorentzian or drude-lorentz");
        }
        positive("omega_c", omega_c);
        if (lambda == 0 && omega1 == omega2) {
            throw new InvalidModelException("lambda", lambda,
                    "a non-zero coupling when omega1 = omega2 (|eg> and |ge> are degenerate and the labels |3>, |4> undefined)");
        }
        if (!(lambda * lambda < 4 * omega1 * omega2)) {
            throw new InvalidModelException("lambda", lambda, "|lambda| < 2 sqrt(omega1 omega2) = "
                    + 2 * Math.sqrt(omega1 * omega2) + " (the paper's rotating-wave condition: E_4 > E_2)");
        }
        if (statistics == Statistics.BOSE) {
            double lowest = (omega1 + omega2 - Math.hypot(omega1 - omega2, lambda)) / 2;
            if (!(mu1 < lowest)) {
                throw new InvalidModelException("mu1", mu1, "mu1 < " + lowest + " (a boson chemical potential below the lowest transition frequency)");
            }
            if (!(mu2 < lowest)) {
                throw new InvalidModelException("mu2", mu2, "mu2 < " + lowest + " (a boson chemical potential below the lowest transition frequency)");
            }
        }
    }

    private static void positive(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new InvalidModelException(field, value, "a finite number > 0");
        }
    }

    /** Mixing angle theta = atan2(lambda, Delta) in [0, pi] for lambda >= 0 (the paper's tan(theta) = lambda/Delta). */
    public double theta() {
        return Math.atan2(lambda, omega1 - omega2);
    }

    /** The Rabi frequency Omega = sqrt(Delta^2 + lambda^2). */
    public double rabiFrequency() {
        return Math.hypot(omega1 - omega2, lambda);
    }

    /** (delta + Omega)/2: the transitions |1> - |4> and |3> - |2> (the paper's gamma_i^+, Gamma_i^+). */
    public double upperTransition() {
        return (omega1 + omega2 + rabiFrequency()) / 2;
    }

    /** (delta - Omega)/2: the transitions |2> - |4> and |3> - |1> (gamma_i^-, Gamma_i^-). */
    public double lowerTransition() {
        return (omega1 + omega2 - rabiFrequency()) / 2;
    }

    /** E_1 .. E_4 (Eq. 4). */
    public double[] eigenvalues() {
        return new double[] {omega1 + omega2, 0, upperTransition(), lowerTransition()};
    }

    /** |1> .. |4> as column vectors on the bare basis |ee>, |eg>, |ge>, |gg>. */
    public ComplexMatrix[] eigenstates() {
        return eigenstates(theta());
    }

    private static ComplexMatrix[] eigenstates(double theta) {
        ComplexMatrix[] pair = QUBITS.mixedPair(theta);
        return new ComplexMatrix[] {QUBITS.ket(TwoQubits.EXCITED, TwoQubits.EXCITED),
                QUBITS.ket(TwoQubits.GROUND, TwoQubits.GROUND), pair[0], pair[1]};
    }

    /** |label> (1..4). */
    public ComplexMatrix eigenstate(int label) {
        return eigenstates()[label - 1];
    }

    /** H_s of Eq. 1. */
    public ComplexMatrix hamiltonian() {
        return QUBITS.excitation(1).scale(omega1).plus(QUBITS.excitation(2).scale(omega2))
                .plus(QUBITS.hopping().scale(lambda / 2));
    }

    /** The paper's spectral density J_i(w) (pi times ours) of reservoir i = 1, 2. */
    public double paperSpectralDensity(int reservoir, double w) {
        if (w <= 0 && spectrum == Spectrum.OHMIC) {
            return 0;
        }
        return Math.PI * spectralDensity(reservoir).value(w);
    }

    /** Our J = sum g^2 delta for reservoir i = 1, 2: the paper's J_i / pi. */
    public SpectralDensity spectralDensity(int reservoir) {
        double level = reservoir == 1 ? J1 : J2;
        double wbar = (omega1 + omega2) / 2;
        return switch (spectrum) {
            case FLAT -> new Flat(level / Math.PI);
            case OHMIC -> new OhmicFamily(level * Math.exp(wbar / omega_c) / wbar / Math.PI, 1, omega_c);
            case LORENTZIAN -> FiniteWidthSpectra.lorentzian(level / Math.PI, wbar, omega_c);
            case DRUDE_LORENTZ -> FiniteWidthSpectra.drudeLorentz(level / Math.PI, wbar, omega_c);
        };
    }

    /** Reservoir i's occupation (Bose-Einstein or Fermi-Dirac with T_i, mu_i). */
    public ThermalOccupation occupation(int reservoir) {
        return reservoir == 1 ? new ThermalOccupation(statistics, T1, mu1) : new ThermalOccupation(statistics, T2, mu2);
    }

    /** The open system started in |gg> (the paper studies steady states only and gives no initial state). */
    public OpenSystem toSystem() {
        return toSystem(Operators.projector(QUBITS.ket(TwoQubits.GROUND, TwoQubits.GROUND)));
    }

    /**
     * The open system started in the given state. Reservoirs "1" and "2"; elements rho_11 .. rho_44,
     * rho_34 (modulus), re_rho_34, im_rho_34 in the paper's eigenstate labels, and the bare-basis coherence
     * w = &lt;eg|rho|ge&gt; (modulus, re_w, im_w; Eq. 17). The particle number is n_1 + n_2.
     */
    public OpenSystem toSystem(ComplexMatrix initialState) {
        List<Reservoir> reservoirs = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            reservoirs.add(new Reservoir(Integer.toString(i), occupation(i), List.of(new Channel(Channel.Kind.EXCHANGE,
                    QUBITS.lowering(i), spectralDensity(i)))));
        }
        List<DensityMatrixElement> elements = new ArrayList<>();
        for (int l = 1; l <= 4; l++) {
            elements.add(new DensityMatrixElement("rho_" + l + l, eigenstate(l), eigenstate(l), Part.REAL));
        }
        elements.add(new DensityMatrixElement("rho_34", eigenstate(3), eigenstate(4), Part.ABSOLUTE));
        elements.add(new DensityMatrixElement("re_rho_34", eigenstate(3), eigenstate(4), Part.REAL));
        elements.add(new DensityMatrixElement("im_rho_34", eigenstate(3), eigenstate(4), Part.IMAGINARY));
        ComplexMatrix eg = QUBITS.ket(TwoQubits.EXCITED, TwoQubits.GROUND);
        ComplexMatrix ge = QUBITS.ket(TwoQubits.GROUND, TwoQubits.EXCITED);
        elements.add(new DensityMatrixElement("w", eg, ge, Part.ABSOLUTE));
        elements.add(new DensityMatrixElement("re_w", eg, ge, Part.REAL));
        elements.add(new DensityMatrixElement("im_w", eg, ge, Part.IMAGINARY));
        return new OpenSystem(QUBITS.space(), hamiltonian(), reservoirs, initialState, List.of(), elements,
                QUBITS.excitationNumber());
    }

    /** Whether both reservoirs share temperature and chemical potential. */
    public boolean isEquilibrium() {
        return T1 == T2 && mu1 == mu2;
    }

    /**
     * The equilibrium steady state (T1 = T2 = T, mu1 = mu2 = mu): the grand-canonical distribution
     * rho_ll proportional to exp(-(E_l - mu N_l)/T) with N = 2, 0, 1, 1 (Sec. IV B), no eigenbasis coherence.
     * It equals the paper's Eqs. 21-25 for any J_i and spectrum (detailed balance of each reservoir).
     *
     * @throws InvalidModelException (field "T2" or "mu2") out of equilibrium
     */
    public XState equilibriumState() {
        if (T1 != T2) {
            throw new InvalidModelException("T2", T2, "T2 = T1 = " + T1 + " for the equilibrium closed form");
        }
        if (mu1 != mu2) {
            throw new InvalidModelException("mu2", mu2, "mu2 = mu1 = " + mu1 + " for the equilibrium closed form");
        }
        double[] e = eigenvalues();
        double[] x = new double[4];
        double smallest = Double.POSITIVE_INFINITY;
        for (int l = 0; l < 4; l++) {
            x[l] = (e[l] - mu1 * EXCITATIONS[l]) / T1;
            smallest = Math.min(smallest, x[l]);
        }
        double[] p = new double[4];
        double z = 0;
        for (int l = 0; l < 4; l++) {
            p[l] = Math.exp(-(x[l] - smallest));
            z += p[l];
        }
        return new XState(theta(), p[0] / z, p[1] / z, p[2] / z, p[3] / z, 0, 0);
    }

    /**
     * The paper's analytical non-secular (Bloch-Redfield, real rates) steady state for balanced flat
     * spectra, J1 = J2 = J: Eqs. 63-72 (bosons) and 73-78 (fermions), i.e. the symmetric-qubit solutions
     * Eqs. 41-51 and 55-60 with the map of Eq. 62, Nbar_+- -> Nbar_+- +- Ntilde_+- cos(theta),
     * Ntilde_+- -> Ntilde_+- sin(theta). (In the printed Eqs. 64-65, 69-71 some map bars are lost; this uses
     * the mapped quantities throughout, which is what the Redfield equation gives.)
     *
     * @throws InvalidModelException (field "spectrum" or "J2") when the closed form does not apply
     */
    public XState paperSteadyState() {
        if (spectrum != Spectrum.FLAT) {
            throw new InvalidModelException("spectrum", spectrum, "flat for the paper's closed form (Eqs. 63-78)");
        }
        if (J1 != J2) {
            throw new InvalidModelException("J2", J2, "J2 = J1 = " + J1 + " for the paper's closed form (Eqs. 63-78)");
        }
        ThermalOccupation n1 = occupation(1);
        ThermalOccupation n2 = occupation(2);
        double plus = upperTransition();
        double minus = lowerTransition();
        double barPlus = (n1.occupation(plus) + n2.occupation(plus)) / 2;
        double barMinus = (n1.occupation(minus) + n2.occupation(minus)) / 2;
        double tildePlus = (n1.occupation(plus) - n2.occupation(plus)) / 2;
        double tildeMinus = (n1.occupation(minus) - n2.occupation(minus)) / 2;
        double cos = Math.cos(theta());
        double sin = Math.sin(theta());
        // Eq. 62
        double bp = barPlus + tildePlus * cos;
        double bm = barMinus - tildeMinus * cos;
        double tp = tildePlus * sin;
        double tm = tildeMinus * sin;
        double rabi = rabiFrequency() / J1; // Omega' = Omega/J
        if (statistics == Statistics.FERMI) {
            // Eqs. 73-78: rho_34 = -(tp + tm)/(2 + i Omega'), Rtilde = |rho_34|^2
            double a = tp + tm;
            double d = 4 + rabi * rabi;
            double rt = a * a / d;
            return new XState(theta(), bp * bm - rt, (1 - bp) * (1 - bm) - rt, bp * (1 - bm) + rt, bm * (1 - bp) + rt,
                    -2 * a / d, a * rabi / d);
        }
        // Eqs. 63-72
        double sum = 1 + bp + bm;
        double r1 = tp + tm * (1 + 2 * bp + 2 * bm);
        double r2 = tm + tp * (1 + 2 * bp + 2 * bm);
        double s1 = tp - tm * (3 + 2 * bp + 2 * bm);
        double s2 = tm - tp * (3 + 2 * bp + 2 * bm);
        double r = 1 / (4 * sum * sum + rabi * rabi);
        double norm = (1 + 2 * bp) * (1 + 2 * bm) - 16 * tp * tm * sum * sum * r; // Eq. 51
        double a = tp * (1 + 2 * bm) + tm * (1 + 2 * bp);
        double d = 4 * sum * sum + rabi * rabi; // |2(1 + bp + bm) + i Omega'|^2
        return new XState(theta(), (bp * bm - r1 * r2 * r) / norm, ((1 + bp) * (1 + bm) - s1 * s2 * r) / norm,
                (bp * (1 + bm) + s1 * r2 * r) / norm, (bm * (1 + bp) + s2 * r1 * r) / norm,
                -a * 2 * sum / d / norm, a * rabi / d / norm);
    }

    /**
     * An X state in the paper's eigenbasis (Eq. 16): populations rho_11 .. rho_44 and the coherence
     * rho_34 = &lt;3|rho|4&gt; (the only one that survives), for the mixing angle theta.
     */
    public record XState(double theta, double rho11, double rho22, double rho33, double rho44,
                         double reRho34, double imRho34) {

        /** |rho_34|. */
        public double coherence() {
            return Math.hypot(reRho34, imRho34);
        }

        /**
         * The bare-basis coherence w = &lt;eg|rho|ge&gt; = sin(theta)(rho_33 - rho_44)/2 + cos^2(theta/2) rho_34
         * - sin^2(theta/2) rho_43 (Eq. 18d), as {Re w, Im w}.
         */
        public double[] bareCoherence() {
            double c2 = Math.cos(theta / 2) * Math.cos(theta / 2);
            double s2 = Math.sin(theta / 2) * Math.sin(theta / 2);
            return new double[] {Math.sin(theta) * (rho33 - rho44) / 2 + (c2 - s2) * reRho34, (c2 + s2) * imRho34};
        }

        /**
         * Concurrence of the X state, C = 2 max(0, |w| - sqrt(rho_11 rho_22)) (Eq. 19, with a = rho_11,
         * d = rho_22). Where Redfield makes rho_11 rho_22 slightly negative the paper keeps the real part of
         * the square root (Sec. VI), i.e. 0; so does this.
         */
        public double concurrence() {
            double[] w = bareCoherence();
            return 2 * Math.max(0, Math.hypot(w[0], w[1]) - Math.sqrt(Math.max(0, rho11 * rho22)));
        }

        /** The state as a density matrix on the bare basis |ee>, |eg>, |ge>, |gg>. */
        public ComplexMatrix densityMatrix() {
            ComplexMatrix[] states = eigenstates(theta);
            ComplexMatrix coherence = states[2].times(states[3].conjugateTranspose()).scale(reRho34, imRho34);
            return TwoQubits.mixture(new double[] {rho11, rho22, rho33, rho44}, states)
                    .plus(coherence).plus(coherence.conjugateTranspose()); // + rho_34 |3><4| + rho_43 |4><3|
        }
    }
}
