package io.coherent.core.master;

import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.linalg.HermitianEigen;
import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.open.DensityMatrixElement;
import io.coherent.core.open.NamedOperator;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import io.coherent.core.open.Subsystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The observables of a master-equation state, in this order (names are stable; docs/master-equations.md):
 * <ul>
 *   <li>{@code coherence_l1}: sum_{a != b} |rho_ab| in the H_S eigenbasis; {@code coherence_l1_bare}: the same in
 *       the bare (computational) basis;</li>
 *   <li>{@code population.k}, k = 1..d: eigenbasis populations, ordered by energy (ascending; degenerate levels in
 *       the order of the eigen-solver);</li>
 *   <li>{@code population_difference}: p_e - p_g for a single qubit (bare basis, |e> = index 0), or the expectation
 *       of the model's NamedOperator "population_difference"; omitted otherwise;</li>
 *   <li>{@code concurrence}: Wootters, only when the space is exactly two qubits (negative eigenvalues of rho,
 *       which Redfield can produce, are set to 0 inside sqrt(rho) for this quantity only);</li>
 *   <li>{@code energy_current.<bath>} = Tr[H_S D_k(rho)] (positive into the system) and, when the model has a
 *       particle-number operator N, {@code particle_current.<bath>} = Tr[N D_k(rho)];</li>
 *   <li>{@code min_eigenvalue}: smallest eigenvalue of rho (never clipped: Redfield can leave the physical set);</li>
 *   <li>each NamedOperator's expectation Tr[rho O], each DensityMatrixElement (bare-basis vectors) under its name.</li>
 * </ul>
 *
 * <p>Errors: with a bound delta on the error of each element of rho (from the caller: Lamb-shift quadrature
 * error propagated over the elapsed time or the relaxation time, see {@link MasterEquationGenerator}) a linear
 * observable Tr[rho O] gets delta * sum_ij |O_ij|, the l1 coherences delta * d(d - 1), the eigenvalue and the
 * concurrence delta * d; a current Tr[X D_k(rho)] gets sum|X| * ||delta D_k|| (the Lamb-shift error bound of bath k,
 * along trajectories only: steady states measure the Lamb-shift error by re-solving, see MasterEquations) plus
 * ||X||_F * N_k * d * delta for the state error (N_k a bound on the Frobenius gain of D_k, d * delta one on
 * ||delta rho||_F). A floor of 1e-14 * (1 + |value|) stands for rounding. These are rough, conservative bounds.
 */
public final class MasterObservables {
    private final OpenSystem system;
    private final int d;
    private final double[] energies;
    private final ComplexMatrix basis;
    private final List<Dissipator> perBath;
    private final double[] bathErrors;
    private final ComplexMatrix numberInBasis;
    private final List<ComplexMatrix> namedInBasis;
    private final ComplexMatrix populationDifference;
    private final boolean twoQubits;
    /** sum |E_m| = sum |(H_S)_ij| in the eigenbasis and ||H_S||_F: the currents' error scales, fixed by H_S. */
    private final double energyScale;
    private final double energyNorm;

    MasterObservables(OpenSystem system, double[] energies, ComplexMatrix basis, List<Dissipator> perBath, double[] bathErrors) {
        this.system = system;
        this.d = energies.length;
        this.energies = energies.clone();
        this.basis = basis;
        this.perBath = List.copyOf(perBath);
        this.bathErrors = bathErrors.clone();
        double scale = 0;
        double norm = 0;
        for (double e : energies) {
            scale += Math.abs(e);
            norm += e * e;
        }
        this.energyScale = scale;
        this.energyNorm = Math.sqrt(norm);
        ComplexMatrix bh = basis.conjugateTranspose();
        this.numberInBasis = system.particleNumber() == null ? null : bh.times(system.particleNumber()).times(basis);
        List<ComplexMatrix> named = new ArrayList<>();
        ComplexMatrix diff = null;
        for (NamedOperator op : system.observables()) {
            if (op.name().equals("population_difference")) {
                diff = op.operator();
            }
            named.add(bh.times(op.operator()).times(basis));
        }
        List<Subsystem> subs = system.space().subsystems();
        if (diff == null && d == 2 && subs.size() == 1 && subs.get(0).kind() == Subsystem.Kind.QUBIT) {
            diff = Operators.sigmaZ();
        }
        this.populationDifference = diff == null ? null : bh.times(diff).times(basis);
        this.namedInBasis = named;
        this.twoQubits = subs.size() == 2 && subs.stream().allMatch(s -> s.dimension() == 2);
    }

    /**
     * The observables of a state whose reservoirs are not master-equation dissipators (the hierarchical equations
     * of motion): the same names and order; each bath's contribution to d rho/dt, from which the currents are
     * taken, is supplied by the caller ({@link #of(double[], double[][], double)}).
     */
    public static MasterObservables withoutDissipators(OpenSystem system, double[] energies, ComplexMatrix basis) {
        return new MasterObservables(system, energies, basis, List.of(), new double[system.reservoirs().size()]);
    }

    /**
     * The observables of y (flat [Re, Im] in the eigenbasis given at construction) with the currents taken from the
     * given per-bath contributions to d rho/dt (same layout): energy_current.k = Tr[H_S (d rho/dt)_k], particle_current.k
     * = Tr[N (d rho/dt)_k]. Every error is the rounding floor plus what stateError (a bound on each element of y)
     * implies for the state observables; the currents' errors are the caller's to add.
     */
    public ObservableSet of(double[] y, double[][] bathImages, double stateError) {
        return of(y, bathImages, new double[bathImages.length], stateError, false);
    }

    /**
     * @param stateError     bound on the error of each element of y
     * @param generatorBound add to each current the Lamb-shift error bound of its bath's dissipator (trajectories);
     *                       false when the caller measures the Lamb-shift error itself (steady states)
     */
    ObservableSet of(double[] y, double stateError, boolean generatorBound) {
        int dd = d * d;
        List<Reservoir> reservoirs = system.reservoirs();
        double[][] bathImages = new double[reservoirs.size()][];
        double[] currentErrors = new double[reservoirs.size()];
        for (int k = 0; k < reservoirs.size(); k++) {
            bathImages[k] = new double[2 * dd];
            perBath.get(k).addTo(y, bathImages[k]);
            double gain = perBath.get(k).normBound() * d * stateError;
            currentErrors[k] = (generatorBound ? energyScale * bathErrors[k] : 0) + energyNorm * gain;
        }
        return of(y, bathImages, currentErrors, stateError, generatorBound);
    }

    /** The observables, with the energy currents' errors given and the particle currents' formed here. */
    private ObservableSet of(double[] y, double[][] bathImages, double[] energyCurrentErrors, double stateError,
                             boolean generatorBound) {
        int dd = d * d;
        ComplexMatrix rho = ComplexMatrix.of(d, d, java.util.Arrays.copyOfRange(y, 0, dd), java.util.Arrays.copyOfRange(y, dd, 2 * dd));
        ComplexMatrix bare = basis.times(rho).times(basis.conjugateTranspose());
        Map<String, Estimate> out = new LinkedHashMap<>();
        double offPairs = d * (d - 1.0);
        put(out, "coherence_l1", offDiagonalL1(rho), stateError * offPairs);
        put(out, "coherence_l1_bare", offDiagonalL1(bare), stateError * offPairs);
        for (int k = 0; k < d; k++) {
            put(out, "population." + (k + 1), rho.re(k, k), stateError);
        }
        if (populationDifference != null) {
            put(out, "population_difference", rho.traceOfProductRe(populationDifference), stateError * absSum(populationDifference));
        }
        if (twoQubits) {
            put(out, "concurrence", concurrence(bare), stateError * d);
        }
        List<Reservoir> reservoirs = system.reservoirs();
        for (int k = 0; k < reservoirs.size(); k++) {
            double current = 0;
            for (int m = 0; m < d; m++) {
                current += energies[m] * bathImages[k][m * d + m];
            }
            put(out, "energy_current." + reservoirs.get(k).name(), current, energyCurrentErrors[k]);
        }
        if (numberInBasis != null) {
            double nScale = absSum(numberInBasis);
            double nNorm = frobenius(numberInBasis);
            for (int k = 0; k < reservoirs.size(); k++) {
                double gain = perBath.isEmpty() ? 0 : perBath.get(k).normBound() * d * stateError;
                ComplexMatrix dk = ComplexMatrix.of(d, d, java.util.Arrays.copyOfRange(bathImages[k], 0, dd),
                        java.util.Arrays.copyOfRange(bathImages[k], dd, 2 * dd));
                put(out, "particle_current." + reservoirs.get(k).name(), dk.traceOfProductRe(numberInBasis),
                        (generatorBound ? nScale * bathErrors[k] : 0) + nNorm * gain);
            }
        }
        put(out, "min_eigenvalue", HermitianEigen.of(rho).values()[0], stateError * d);
        for (int i = 0; i < namedInBasis.size(); i++) {
            String name = system.observables().get(i).name();
            if (!name.equals("population_difference")) {
                put(out, name, rho.traceOfProductRe(namedInBasis.get(i)), stateError * absSum(namedInBasis.get(i)));
            }
        }
        for (DensityMatrixElement e : system.elements()) {
            ComplexMatrix z = e.bra().conjugateTranspose().times(bare).times(e.ket());
            double v = switch (e.part()) {
                case REAL -> z.re(0, 0);
                case IMAGINARY -> z.im(0, 0);
                case ABSOLUTE -> Math.hypot(z.re(0, 0), z.im(0, 0));
            };
            put(out, e.name(), v, stateError);
        }
        return new ObservableSet(out);
    }

    private static void put(Map<String, Estimate> out, String name, double value, double error) {
        out.put(name, new Estimate(value, error + 1e-14 * (1 + Math.abs(value))));
    }

    private static double offDiagonalL1(ComplexMatrix m) {
        double s = 0;
        for (int a = 0; a < m.rows(); a++) {
            for (int b = 0; b < m.cols(); b++) {
                if (a != b) {
                    s += Math.hypot(m.re(a, b), m.im(a, b));
                }
            }
        }
        return s;
    }

    private static double frobenius(ComplexMatrix m) {
        double s = 0;
        for (int a = 0; a < m.rows(); a++) {
            for (int b = 0; b < m.cols(); b++) {
                s += m.re(a, b) * m.re(a, b) + m.im(a, b) * m.im(a, b);
            }
        }
        return Math.sqrt(s);
    }

    private static double absSum(ComplexMatrix m) {
        double s = 0;
        for (int a = 0; a < m.rows(); a++) {
            for (int b = 0; b < m.cols(); b++) {
                s += Math.hypot(m.re(a, b), m.im(a, b));
            }
        }
        return s;
    }

    /**
     * Wootters concurrence C = max(0, l1 - l2 - l3 - l4), l_i the decreasing square roots of the eigenvalues of
     * rho (sy (x) sy) rho* (sy (x) sy), computed as the eigenvalues of the Hermitian sqrt(rho) rho~ sqrt(rho).
     */
    static double concurrence(ComplexMatrix rho) {
        ComplexMatrix yy = Operators.sigmaY().kron(Operators.sigmaY());
        ComplexMatrix conj = ComplexMatrix.of(4, 4, rho.realParts(), negate(rho.imaginaryParts()));
        ComplexMatrix tilde = yy.times(conj).times(yy);
        HermitianEigen e = HermitianEigen.of(rho);
        double[] roots = new double[4];
        for (int k = 0; k < 4; k++) {
            roots[k] = Math.sqrt(Math.max(0, e.values()[k]));
        }
        ComplexMatrix u = e.vectors();
        ComplexMatrix sqrt = u.times(ComplexMatrix.diagonal(roots)).times(u.conjugateTranspose());
        double[] l = HermitianEigen.of(sqrt.times(tilde).times(sqrt)).values();
        double l1 = Math.sqrt(Math.max(0, l[3]));
        double rest = Math.sqrt(Math.max(0, l[2])) + Math.sqrt(Math.max(0, l[1])) + Math.sqrt(Math.max(0, l[0]));
        return Math.max(0, l1 - rest);
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = -v[i];
        }
        return out;
    }
}
