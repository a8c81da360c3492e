package io.coherent.core.master;

import io.coherent.core.dynamics.Generator;
import io.coherent.core.dynamics.Method;
import io.coherent.core.dynamics.RelaxationTime;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.observables.ObservableSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * A master equation d rho/dt = -i[H_S, rho] + sum_k D_k(rho) on the density matrix in the H_S eigenbasis, state
 * layout [Re rho row-major (d^2), Im rho row-major (d^2)], rho_mn = &lt;m|rho|n&gt; with |1&gt;, |2&gt;, ... the
 * eigenvectors in ascending energy. The coherent part is diagonal there: d rho_mn/dt = -i w_mn rho_mn.
 *
 * <p>Right-hand side: either the dissipator's own form (matrix products for Redfield, a sparse tensor for
 * secular and local Lindblad) or, when it is cheaper (d^4 &lt;= cost of the other form, d &lt;= 30), a
 * precomputed real matrix on the d^2 Hermitian parameters ({@link HermitianLiouvillian}). Both allocate nothing.
 *
 * <p>Observable errors (see {@link MasterObservables}): the generator's own error is the Lamb-shift quadrature
 * error bound ||delta D|| (zero with real rates only); at time t the state error is taken as
 * ||delta D|| * min(t, tau) (first-order perturbation of a contracting evolution, tau the slowest relaxation
 * time when known). Integrator tolerances are the integrator's to report.
 */
public final class MasterEquationGenerator implements Generator {
    /** Largest dimension for which a dense d^2 x d^2 matrix is considered (6.5 MB at d = 30). */
    static final int DENSE_LIMIT = 30;

    /**
     * Largest dimension for which the slowest relaxation time comes from the dense Liouvillian spectrum; beyond, from
     * Arnoldi on the propagator ({@link SlowestDecay}).
     */
    static final int SPECTRUM_LIMIT = 12;

    private final Method method;
    private final int d;
    private final double[] energies;
    private final ComplexMatrix basis;
    private final double[] bohr;
    private final Dissipator total;
    private final double generatorError;
    private final HermitianLiouvillian dense;
    private final MasterObservables observables;
    private final double[] initial;
    private final List<String> names;
    /** What is known about the validity of the approximation the method makes (the secular check), on first use. */
    private final Supplier<List<String>> approximationCheck;
    private List<String> approximationNotes;
    /** The slowest relaxation time, computed on first use (dense spectrum or {@link SlowestDecay}); null until then. */
    private OptionalDouble relaxationTime;
    /** The dense spectrum's relaxation time with its error, computed on first use; null until then. */
    private RelaxationTime denseRelaxation;
    /** {@link SlowestDecay}'s result, computed on first use; null until then. */
    private java.util.Optional<SlowestDecay.Rate> arnoldi;

    MasterEquationGenerator(Method method, double[] energies, ComplexMatrix basis, Dissipator total, double generatorError,
                            MasterObservables observables, ComplexMatrix initialState, boolean preferDense,
                            Supplier<List<String>> approximationCheck) {
        this.approximationCheck = approximationCheck;
        this.method = method;
        this.d = energies.length;
        this.energies = energies.clone();
        this.basis = basis;
        this.total = total;
        this.generatorError = generatorError;
        this.observables = observables;
        this.bohr = new double[d * d];
        for (int m = 0; m < d; m++) {
            for (int n = 0; n < d; n++) {
                bohr[m * d + n] = energies[m] - energies[n];
            }
        }
        this.dense = preferDense ? new HermitianLiouvillian(d, this::addFull) : null;
        ComplexMatrix rho0 = basis.conjugateTranspose().times(initialState).times(basis);
        int dd = d * d;
        this.initial = new double[2 * dd];
        System.arraycopy(rho0.realParts(), 0, initial, 0, dd);
        System.arraycopy(rho0.imaginaryParts(), 0, initial, dd, dd);
        this.names = List.copyOf(observables.of(initial, 0, true).values().keySet());
    }

    /** Whether the right-hand side is the precomputed dense matrix (small d) rather than the dissipator's form. */
    public boolean usesDenseMatrix() {
        return dense != null;
    }

    /** Notes on how well the method's approximation holds for this model (e.g. {@link SecularValidity}). */
    public synchronized List<String> approximationNotes() {
        if (approximationNotes == null) {
            approximationNotes = List.copyOf(approximationCheck.get());
        }
        return approximationNotes;
    }

    /** Dimension of H_S. */
    public int dimension() {
        return d;
    }

    /** Energies of H_S, ascending (the order of the state's basis). */
    public double[] energies() {
        return energies.clone();
    }

    /** Eigenvectors of H_S as columns (bare basis). */
    public ComplexMatrix basis() {
        return basis;
    }

    /** Bound on the error of the dissipator from the Lamb-shift quadratures (0 with real rates only). */
    public double generatorError() {
        return generatorError;
    }

    /** out += L(rho) in the dissipator's own form (coherent part plus all reservoirs). */
    void addFull(double[] rho, double[] out) {
        int dd = d * d;
        for (int i = 0; i < dd; i++) {
            // -i w rho: re += w im, im -= w re
            out[i] += bohr[i] * rho[dd + i];
            out[dd + i] -= bohr[i] * rho[i];
        }
        total.addTo(rho, out);
    }

    /** The dissipator of all reservoirs in its own form (without the coherent part). */
    Dissipator dissipator() {
        return total;
    }

    HermitianLiouvillian liouvillian() {
        return dense != null ? dense : new HermitianLiouvillian(d, this::addFull);
    }

    MasterObservables observables() {
        return observables;
    }

    @Override
    public String method() {
        return method.id();
    }

    @Override
    public int stateDimension() {
        return 2 * d * d;
    }

    @Override
    public double[] initialState() {
        return initial.clone();
    }

    @Override
    public void computeDerivatives(double t, double[] y, double[] yDot) {
        if (dense != null) {
            dense.apply(y, yDot);
            return;
        }
        java.util.Arrays.fill(yDot, 0);
        addFull(y, yDot);
    }

    @Override
    public List<String> observableNames() {
        return names;
    }

    @Override
    public ObservableSet observe(double t, double[] y) {
        // beyond the dense spectrum's limit t alone (a larger horizon, so still a bound): sampling must not start the
        // iterative eigenvalue computation
        OptionalDouble tau = d <= SPECTRUM_LIMIT ? slowestRelaxationTime() : OptionalDouble.empty();
        double horizon = tau.isPresent() ? Math.min(t, tau.getAsDouble()) : t;
        return observables.of(y, Math.min(2, generatorError * horizon), true);
    }

    @Override
    public synchronized OptionalDouble slowestRelaxationTime() {
        if (relaxationTime == null) {
            relaxationTime = d <= SPECTRUM_LIMIT ? MasterEquations.relaxationTime(dense()) : iterativeRelaxationTime();
        }
        return relaxationTime;
    }

    /** The dense spectrum's relaxation time with its error, computed once (d &lt;= {@link #SPECTRUM_LIMIT}). */
    private synchronized RelaxationTime dense() {
        if (denseRelaxation == null) {
            denseRelaxation = MasterEquations.denseRelaxation(liouvillian(), generatorError);
        }
        return denseRelaxation;
    }

    /**
     * 1/(slowest decay rate) by Arnoldi on the propagator ({@link SlowestDecay}), for any d; infinite when nothing
     * decays, empty when it did not converge. The dense spectrum is used up to d = {@link #SPECTRUM_LIMIT}.
     */
    OptionalDouble iterativeRelaxationTime() {
        if (!(total.normBound() > 0)) {
            return OptionalDouble.of(Double.POSITIVE_INFINITY);
        }
        return arnoldi().map(r -> OptionalDouble.of(r.time())).orElse(OptionalDouble.empty());
    }

    /** The Arnoldi result, computed once. */
    private synchronized java.util.Optional<SlowestDecay.Rate> arnoldi() {
        if (arnoldi == null) {
            arnoldi = SlowestDecay.of(this);
        }
        return arnoldi;
    }

    /**
     * The relaxation time with its error: up to d = {@link #SPECTRUM_LIMIT} the dense spectrum with the first-order
     * bound of {@link MasterEquations#denseRelaxation} (condition number times the solver's backward error and the
     * Lamb-shift quadrature bound ||delta D||); beyond, the Arnoldi value with its estimate (Ritz residual plus the last
     * change, {@link SlowestDecay}) plus ||delta D|| (first order for a well-conditioned eigenvalue). The time's error is
     * tau^2 times the rate's (infinite when the rate's error reaches the rate).
     */
    @Override
    public synchronized RelaxationTime relaxation() {
        if (d <= SPECTRUM_LIMIT) {
            return dense();
        }
        if (!(total.normBound() > 0)) {
            return new RelaxationTime(Double.POSITIVE_INFINITY, 0, "nothing decays (no reservoir)");
        }
        java.util.Optional<SlowestDecay.Rate> a = arnoldi();
        if (a.isEmpty()) {
            return RelaxationTime.notComputed("not computed: Arnoldi on the propagator did not converge within its budget");
        }
        SlowestDecay.Rate r = a.get();
        double rateError = r.error() + generatorError;
        double error = rateError < r.rate() ? r.time() * r.time() * rateError : Double.POSITIVE_INFINITY;
        return new RelaxationTime(r.time(), error, String.format(java.util.Locale.ROOT, "Arnoldi on the propagator (%d"
                + " Krylov vectors, %d Liouvillian applications); error: Ritz residual and last change%s", r.krylov(),
                r.evaluations(), generatorError > 0 ? ", plus the Lamb-shift quadrature bound" : ""));
    }
}
