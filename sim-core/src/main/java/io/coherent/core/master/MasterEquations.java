package io.coherent.core.master;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.dynamics.Generator;
import io.coherent.core.dynamics.Method;
import io.coherent.core.dynamics.RelaxationTime;
import io.coherent.core.linalg.ComplexLu;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.linalg.HermitianEigen;
import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.open.OpenSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Entry point of the master-equation engine for finite open systems (docs/master-equations.md).
 *
 * <ul>
 *   <li>{@link Method#REDFIELD}: non-secular Bloch-Redfield, matrix-product form ({@link RedfieldTensor}).</li>
 *   <li>{@link Method#SECULAR}: the Davies projection of the same tensor ({@link SecularTensor}).</li>
 *   <li>{@link Method#LOCAL_LINDBLAD}: the Davies generator built on the local Hamiltonian H_loc (the projection of
 *       H_S onto sums of single-subsystem operators, {@link LocalHamiltonian}): each coupling operator is decomposed
 *       into the Bohr-frequency components of H_loc, i.e. of the local Hamiltonians of the subsystems it acts on, so
 *       jump operators and rates are local; the coherent part is the full H_S. An operator acting on several
 *       subsystems is decomposed in the product eigenbasis of their local Hamiltonians (its frequencies are sums and
 *       differences of local frequencies).</li>
 * </ul>
 */
public final class MasterEquations {
    /** Relative size of a singular value below which it counts as zero (null space of the Liouvillian). */
    static final double NULL_TOLERANCE = 1e-9;
    /** The dense null-space vector counts as converged when max |L rho| is below this. */
    static final double DENSE_RESIDUAL = 1e-8;

    private MasterEquations() {
    }

    public static Generator generator(OpenSystem system, Method method, MasterEquationOptions options) {
        return build(system, method, options);
    }

    /** The generator with its engine-specific accessors. */
    public static MasterEquationGenerator build(OpenSystem system, Method method, MasterEquationOptions options) {
        return build(system, method, options, false);
    }

    /**
     * The generator, with every principal value shifted by its quadrature error estimate when shiftedByError
     * (the perturbed problem of the steady state's Lamb-shift error, see {@link #steadyState}).
     */
    private static MasterEquationGenerator build(OpenSystem system, Method method, MasterEquationOptions options,
                                                 boolean shiftedByError) {
        if (method == Method.EXACT) {
            throw new InvalidModelException("method", "exact applies to bilinear bosonic models only (the partial-collective"
                    + " preset); use redfield, secular or local-lindblad for this model");
        }
        if (options == null) {
            throw new InvalidModelException("options", "null", "master-equation options");
        }
        HermitianEigen eig = HermitianEigen.of(system.hamiltonian());
        double[] energies = eig.values();
        ComplexMatrix u = eig.vectors();
        List<CorrelationSpectrum> spectra = system.reservoirs().stream().map(CorrelationSpectrum::new).toList();
        double tol = options.secularTolerance();
        List<Dissipator> perBath = new ArrayList<>();
        double[] bathErrors = new double[spectra.size()];
        Dissipator total;
        List<RedfieldTensor> tensors = new ArrayList<>();
        // the secular check visits all d^4 tensor elements: done when a steady state asks for its notes, not per build
        Supplier<List<String>> approximation = List::of;
        switch (method) {
            case REDFIELD, SECULAR -> {
                for (CorrelationSpectrum s : spectra) {
                    tensors.add(RedfieldTensor.of(s, energies, u, options, shiftedByError));
                }
                if (method == Method.REDFIELD) {
                    perBath.addAll(tensors);
                    total = tensors.isEmpty() ? emptyDissipator() : RedfieldTensor.combine(tensors);
                } else {
                    for (RedfieldTensor t : tensors) {
                        perBath.add(new SecularTensor(t, energies, tol, null));
                    }
                    total = tensors.isEmpty() ? emptyDissipator() : new SecularTensor(RedfieldTensor.combine(tensors), energies, tol, null);
                    if (!tensors.isEmpty()) {
                        List<RedfieldTensor> full = List.copyOf(tensors);
                        approximation = () -> List.of(energies.length <= SecularValidity.LIMIT
                                ? SecularValidity.of(RedfieldTensor.combine(full), energies, tol).note()
                                : "secular approximation: not checked at d = " + energies.length + " > " + SecularValidity.LIMIT);
                    }
                }
            }
            case LOCAL_LINDBLAD -> {
                HermitianEigen local = HermitianEigen.of(LocalHamiltonian.of(system.space(), system.hamiltonian()));
                ComplexMatrix rotation = u.conjugateTranspose().times(local.vectors());
                for (CorrelationSpectrum s : spectra) {
                    tensors.add(RedfieldTensor.of(s, local.values(), local.vectors(), options, shiftedByError));
                }
                for (RedfieldTensor t : tensors) {
                    perBath.add(new SecularTensor(t, local.values(), tol, rotation));
                }
                total = tensors.isEmpty() ? emptyDissipator()
                        : new SecularTensor(RedfieldTensor.combine(tensors), local.values(), tol, rotation);
            }
            default -> throw new InvalidModelException("method", method.id(), "redfield, secular or local-lindblad for a master equation");
        }
        double error = 0;
        for (int k = 0; k < tensors.size(); k++) {
            bathErrors[k] = tensors.get(k).generatorError();
            error += bathErrors[k];
        }
        int d = energies.length;
        boolean dense = d <= MasterEquationGenerator.DENSE_LIMIT && (long) d * d * d * d <= total.cost();
        MasterObservables observables = new MasterObservables(system, energies, u, perBath, bathErrors);
        return new MasterEquationGenerator(method, energies, u, total, error, observables, system.initialState(), dense,
                approximation);
    }

    private static Dissipator emptyDissipator() {
        return new Dissipator() {
            @Override
            public void addTo(double[] rho, double[] out) {
                // no reservoirs: unitary evolution only
            }

            @Override
            public double normBound() {
                return 0;
            }

            @Override
            public long cost() {
                return 0;
            }
        };
    }

    /**
     * The steady state: for d &lt;= 30 from the null space of the dense Liouvillian ({@link #nullSpaceSteadyState},
     * which also finds non-unique steady states), beyond by preconditioned GMRES ({@link #iterativeSteadyState}).
     */
    public static MasterSteadyState steadyState(OpenSystem system, Method method, MasterEquationOptions options) {
        return system.dimension() <= MasterEquationGenerator.DENSE_LIMIT ? nullSpaceSteadyState(system, method, options)
                : iterativeSteadyState(system, method, options);
    }

    /**
     * The steady state from the null space of the Liouvillian (dense SVD on the d^2 Hermitian parameters).
     * A null space of dimension &gt; 1 is reported, and the state returned is the projection of the initial state
     * onto it along the left null space, V (W^T V)^-1 W^T rho0 (the long-time limit of the propagation when the
     * zero eigenvalue is semisimple).
     */
    public static MasterSteadyState nullSpaceSteadyState(OpenSystem system, Method method, MasterEquationOptions options) {
        MasterEquationGenerator g = build(system, method, options);
        HermitianLiouvillian liouvillian = g.liouvillian();
        List<String> notes = new ArrayList<>();
        NullSpace s = nullSpace(g, liouvillian, notes);
        int k = s.nullity();
        OptionalDouble tau = g.slowestRelaxationTime();
        double horizon = tau.isPresent() && Double.isFinite(tau.getAsDouble()) ? tau.getAsDouble() : 0;
        notes.add("null space of the " + s.rho().length / 2 + " x " + s.rho().length / 2 + " Liouvillian on Hermitian"
                + " parameters (method " + method.id() + ")");
        MasterEquationGenerator shifted = null;
        double[] moved = null;
        if (options.lambShift()) {
            shifted = build(system, method, options, true);
            moved = nullSpace(shifted, shifted.liouvillian(), new ArrayList<>()).rho();
        }
        return finish(g, s.rho(), s.residual() * horizon, null, shifted, moved, s.residual(), k, k == 1,
                MasterSteadyState.DENSE_SVD, -1, s.residual() < DENSE_RESIDUAL, notes);
    }

    /** A null-space state of the dense Liouvillian: rho flat [Re, Im], max |L rho|, dimension of the null space. */
    private record NullSpace(double[] rho, double residual, int nullity) {
    }

    /**
     * The null space of the dense Liouvillian by SVD; for a null space of dimension &gt; 1 the projection of the
     * initial state onto it. Notes on what was found are added to notes.
     */
    private static NullSpace nullSpace(MasterEquationGenerator g, HermitianLiouvillian liouvillian, List<String> notes) {
        int d = g.dimension();
        DMatrixRMaj m = liouvillian.toEjml();
        int n = m.numRows;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, n, true, true, false);
        if (!svd.decompose(m.copy())) {
            throw new IllegalStateException("SVD of the Liouvillian failed");
        }
        double[] sv = svd.getSingularValues();
        DMatrixRMaj left = svd.getU(null, false);
        DMatrixRMaj right = svd.getV(null, false);
        double largest = 0;
        for (double s : sv) {
            largest = Math.max(largest, s);
        }
        List<Integer> nullIndices = new ArrayList<>();
        int smallest = 0;
        for (int i = 0; i < sv.length; i++) {
            if (sv[i] <= NULL_TOLERANCE * largest) {
                nullIndices.add(i);
            }
            if (sv[i] < sv[smallest]) {
                smallest = i;
            }
        }
        if (nullIndices.isEmpty()) {
            nullIndices.add(smallest);
            notes.add("no singular value below " + NULL_TOLERANCE + " x the largest; the smallest (" + sv[smallest] + ") was used");
        }
        int k = nullIndices.size();
        double[] p = new double[n];
        double[] p0 = new double[n];
        HermitianLiouvillian.toParameters(d, g.initialState(), p0);
        if (k == 1) {
            for (int i = 0; i < n; i++) {
                p[i] = right.get(i, nullIndices.get(0));
            }
        } else {
            DMatrixRMaj v = new DMatrixRMaj(n, k);
            DMatrixRMaj w = new DMatrixRMaj(n, k);
            for (int c = 0; c < k; c++) {
                for (int i = 0; i < n; i++) {
                    v.set(i, c, right.get(i, nullIndices.get(c)));
                    w.set(i, c, left.get(i, nullIndices.get(c)));
                }
            }
            DMatrixRMaj wtv = new DMatrixRMaj(k, k);
            CommonOps_DDRM.multTransA(w, v, wtv);
            DMatrixRMaj wtp = new DMatrixRMaj(k, 1);
            CommonOps_DDRM.multTransA(w, new DMatrixRMaj(n, 1, true, p0), wtp);
            DMatrixRMaj coeff = new DMatrixRMaj(k, 1);
            if (!CommonOps_DDRM.solve(wtv, wtp, coeff)) {
                throw new IllegalStateException("the null space of the Liouvillian is defective (zero eigenvalue not semisimple)");
            }
            for (int c = 0; c < k; c++) {
                for (int i = 0; i < n; i++) {
                    p[i] += v.get(i, c) * coeff.get(c, 0);
                }
            }
            notes.add("steady state not unique: the Liouvillian has a " + k + "-dimensional null space (dark states or a"
                    + " decoherence-free subspace); the state returned is the projection of the initial state");
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += p[i * d + i];
        }
        for (int i = 0; i < n; i++) {
            p[i] /= trace;
        }
        double[] mp = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += m.get(i, j) * p[j];
            }
            mp[i] = s;
        }
        double residual = 0;
        for (double x : mp) {
            residual = Math.max(residual, Math.abs(x));
        }
        double[] rho = new double[2 * n];
        HermitianLiouvillian.fromParameters(d, p, rho);
        return new NullSpace(rho, residual, k);
    }

    /**
     * The steady state by preconditioned GMRES ({@link SteadyStateIteration}), matrix-free: for any d, used beyond
     * d = 30. A singular or nearly singular Liouvillian (non-unique steady state) is refused with one line naming
     * {@code steady_state}: the iteration cannot tell which null-space state the initial state reaches. A stalled
     * iteration is returned with {@code converged} false in its notes and an error estimate that says how far off
     * it is. The relaxation time is the generator's (Arnoldi on the propagator beyond d = 12, {@link SlowestDecay}).
     */
    public static MasterSteadyState iterativeSteadyState(OpenSystem system, Method method, MasterEquationOptions options) {
        MasterEquationGenerator g = build(system, method, options);
        TensorElements tensor;
        double groups;
        if (method == Method.LOCAL_LINDBLAD) {
            // the local generator's tensor lives in the local basis; the global Redfield tensor of the same baths
            // (real rates) approximates it in the H_S eigenbasis well enough to precondition
            List<RedfieldTensor> global = new ArrayList<>();
            HermitianEigen eig = HermitianEigen.of(system.hamiltonian());
            for (var r : system.reservoirs()) {
                global.add(RedfieldTensor.of(new CorrelationSpectrum(r), eig.values(), eig.vectors(),
                        options.withLambShift(false), false));
            }
            tensor = global.isEmpty() ? TensorElements.NONE : RedfieldTensor.combine(global);
            groups = Double.NaN;
        } else {
            tensor = g.dissipator() instanceof TensorElements t ? t : TensorElements.NONE;
            groups = method == Method.SECULAR ? options.secularTolerance() : Double.NaN;
        }
        SteadyStateIteration iteration = new SteadyStateIteration(g, tensor, groups);
        SteadyStateIteration.Result r = iteration.solve();
        // a singular bordered Liouvillian has no unique answer, and GMRES returns an arbitrary mix of the null space:
        // refuse rather than print it
        if (r.nearlySingular() || !java.util.Arrays.stream(r.rho()).allMatch(Double::isFinite)) {
            throw new InvalidModelException("steady_state", "no unique steady state: the Liouvillian is singular on traceless"
                    + " matrices (no reservoir, dark states, a decoherence-free subspace or a conserved quantity), and at d = "
                    + g.dimension() + " > " + MasterEquationGenerator.DENSE_LIMIT + " the null space is not resolved; propagate"
                    + " from the initial state instead (coherent run)");
        }
        List<String> notes = new ArrayList<>(r.notes());
        notes.add("the error estimate uses ||L^-1|| ~ " + String.format(java.util.Locale.ROOT, "%.3g", r.inverseNorm())
                + " from inverse iteration");
        MasterEquationGenerator shifted = null;
        double[] moved = null;
        double delta = r.correctedError();
        if (options.lambShift()) {
            shifted = build(system, method, options, true);
            moved = iteration.steadyStateOf(shifted, r.rho());
            if (moved == null) {
                notes.add("GMRES did not converge for the generator with shifted principal values: no error estimate");
                delta = Double.NaN;
                shifted = null;
            }
        }
        return finish(g, r.rho(), delta, r.corrected(), shifted, moved, r.residual(), 1, true,
                MasterSteadyState.GMRES, r.iterations(), r.converged(), notes);
    }

    /**
     * Observables of the steady state and the negative-eigenvalue note. The solver's part of each error is the bound
     * from delta, an error bound on the elements (see {@link MasterObservables}), of rho or, when corrected (the state
     * minus its solved error, GMRES) is given, of corrected, plus twice the observable's change under the correction
     * (see {@link SteadyStateIteration}). With the
     * Lamb shift on, shifted is the generator whose principal values are moved by their quadrature error estimates
     * and moved its steady state; each error then adds |O(moved) - O(rho)| (first-order sensitivity to the
     * quadrature; a current is taken with the shifted generator's dissipator).
     */
    private static MasterSteadyState finish(MasterEquationGenerator g, double[] rho, double delta, double[] corrected,
                                            MasterEquationGenerator shifted, double[] moved, double residual,
                                            int nullity, boolean unique, String solver, int iterations,
                                            boolean converged, List<String> notes) {
        notes.addAll(g.approximationNotes());
        ObservableSet obs = g.observables().of(rho, Double.isNaN(delta) ? delta : Math.min(2, delta), false);
        if (corrected != null) {
            obs = widened(obs, g.observables().of(corrected, 0, false), 2);
        }
        if (shifted != null) {
            obs = widened(obs, shifted.observables().of(moved, 0, false), 1);
        }
        // below its own error estimate a negative eigenvalue is rounding, not a property of the generator
        if (obs.value("min_eigenvalue") < -Math.max(obs.error("min_eigenvalue"), 1e-12)) {
            notes.add(0, "rho has a negative eigenvalue " + obs.value("min_eigenvalue") + " (Redfield is not completely positive)");
        }
        return new MasterSteadyState(obs, residual, nullity, unique, g::relaxation, solver, iterations,
                converged, notes);
    }

    /** obs with factor |O(perturbed) - O| added to each error. */
    private static ObservableSet widened(ObservableSet obs, ObservableSet perturbed, double factor) {
        Map<String, Estimate> out = new LinkedHashMap<>();
        obs.values().forEach((name, e) -> out.put(name,
                new Estimate(e.value(), e.error() + factor * Math.abs(perturbed.value(name) - e.value()))));
        return new ObservableSet(out);
    }

    /**
     * The dense relaxation time with a first-order error bound. For the chosen eigenvalue lambda (smallest nonzero
     * |Re lambda|, as {@link #relaxationTime}) the right and left eigenvectors x, y come from inverse iteration on the
     * same real matrix M; a perturbation E of M moves a simple eigenvalue by at most kappa ||E|| + O(||E||^2) with
     * kappa = ||x|| ||y|| / |y^T x| (Wilkinson's condition number). E is the eigen-solver's backward error, taken as
     * n eps ||M||_F plus the residual of x, and the generator's own error bound (the Lamb-shift quadrature,
     * generatorError). The rate's error is that bound; the time's, tau^2 times it (infinite when it reaches the rate).
     */
    static RelaxationTime denseRelaxation(HermitianLiouvillian liouvillian, double generatorError) {
        DMatrixRMaj m = liouvillian.toEjml();
        int n = m.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
        if (!eig.decompose(m.copy())) {
            return RelaxationTime.notComputed("not computed: the dense eigenvalue decomposition failed");
        }
        double largest = 0;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            Complex_F64 z = eig.getEigenvalue(i);
            largest = Math.max(largest, Math.hypot(z.real, z.imaginary));
        }
        Complex_F64 chosen = null;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            Complex_F64 z = eig.getEigenvalue(i);
            if (Math.abs(z.real) > NULL_TOLERANCE * largest && (chosen == null || Math.abs(z.real) < Math.abs(chosen.real))) {
                chosen = z;
            }
        }
        if (chosen == null) {
            return new RelaxationTime(Double.POSITIVE_INFINITY, 0, "nothing decays (every eigenvalue of the Liouvillian"
                    + " has Re = 0)");
        }
        double rate = Math.abs(chosen.real);
        double time = 1 / rate;
        double[] a = m.data.clone();
        double[] at = new double[n * n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                at[j * n + i] = a[i * n + j];
                norm += a[i * n + j] * a[i * n + j];
            }
        }
        norm = Math.sqrt(norm);
        double nudge = 1e-13 * Math.max(1, Math.hypot(chosen.real, chosen.imaginary));
        double[][] x = eigenvector(a, n, chosen, nudge);
        double[][] y = eigenvector(at, n, chosen, nudge);
        if (x == null || y == null) {
            return RelaxationTime.unestimated(time, "dense Liouvillian spectrum; accuracy not estimated (inverse iteration"
                    + " for the eigenvectors failed)");
        }
        // y^T x (no conjugation: y^T M = lambda y^T for the real M)
        double re = 0;
        double im = 0;
        for (int i = 0; i < n; i++) {
            re += y[0][i] * x[0][i] - y[1][i] * x[1][i];
            im += y[0][i] * x[1][i] + y[1][i] * x[0][i];
        }
        double kappa = 1 / Math.hypot(re, im); // x and y have unit length
        double residual = residual(a, n, chosen, x);
        double rateError = kappa * (n * 0x1p-52 * norm + residual + generatorError);
        double error = Double.isFinite(rateError) && rateError < rate ? time * time * rateError : Double.POSITIVE_INFINITY;
        return new RelaxationTime(time, error, String.format(Locale.ROOT, "dense Liouvillian spectrum; error: the"
                + " eigenvalue's condition number %.3g x (rounding + residual%s), to first order", kappa,
                generatorError > 0 ? " + the Lamb-shift quadrature bound" : ""));
    }

    /**
     * A unit eigenvector [re, im] of the real n x n matrix a (row-major, at least n * n long) for its eigenvalue
     * lambda, by three steps of inverse iteration with the shift lambda + nudge (off the exact eigenvalue, which would
     * make the factorisation singular); null when the factorisation fails.
     */
    static double[][] eigenvector(double[] a, int n, Complex_F64 lambda, double nudge) {
        ComplexLu lu = new ComplexLu(n);
        if (!lu.factorise(a, new double[n * n], -lambda.real - nudge, -lambda.imaginary)) {
            return null;
        }
        double[] vr = new double[n];
        double[] vi = new double[n];
        java.util.Arrays.fill(vr, 1);
        for (int it = 0; it < 3; it++) {
            lu.solveInPlace(vr, vi);
            double length = 0;
            for (int i = 0; i < n; i++) {
                length += vr[i] * vr[i] + vi[i] * vi[i];
            }
            length = Math.sqrt(length);
            if (!(length > 0) || !Double.isFinite(length)) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                vr[i] /= length;
                vi[i] /= length;
            }
        }
        return new double[][] {vr, vi};
    }

    /** ||a v - lambda v|| for a unit vector v. */
    private static double residual(double[] a, int n, Complex_F64 lambda, double[][] v) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double re = -(lambda.real * v[0][i] - lambda.imaginary * v[1][i]);
            double im = -(lambda.real * v[1][i] + lambda.imaginary * v[0][i]);
            for (int j = 0; j < n; j++) {
                re += a[i * n + j] * v[0][j];
                im += a[i * n + j] * v[1][j];
            }
            sum += re * re + im * im;
        }
        return Math.sqrt(sum);
    }

    /**
     * 1 / smallest nonzero |Re lambda| of the dense Liouvillian; infinite if every eigenvalue has zero real part,
     * empty if the eigenvalue decomposition failed.
     */
    static OptionalDouble relaxationTime(HermitianLiouvillian liouvillian) {
        return relaxationTime(denseRelaxation(liouvillian, 0));
    }

    /** The time of a relaxation-time estimate; empty when not computed. */
    static OptionalDouble relaxationTime(RelaxationTime r) {
        return r.computed() ? OptionalDouble.of(r.time()) : OptionalDouble.empty();
    }
}
