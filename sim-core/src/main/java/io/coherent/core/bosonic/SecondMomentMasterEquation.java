package io.coherent.core.bosonic;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.dynamics.Generator;
import io.coherent.core.dynamics.Method;
import io.coherent.core.linalg.ComplexEigenvalues;
import io.coherent.core.linalg.ComplexLu;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.linalg.HermitianEigen;
import io.coherent.core.master.MasterEquationOptions;
import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.ObservableSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Redfield, secular and local-Lindblad master equations of a {@link BilinearModel}, closed on the second
 * moments N_ij = &lt;c_i^+ c_j&gt;: an n x n linear matrix ODE, no Fock truncation.
 *
 * <h2>Derivation</h2>
 * H_S = sum_ij H_ij c_i^+ c_j = sum_m e_m d_m^+ d_m with H = U diag(e) U^+ and d_m = sum_j conj(U_jm) c_j.
 * Bath k couples in exchange form, H_I = L (x) B^+ + L^+ (x) B with L = sum_j v_j c_j = sum_m u_m d_m,
 * u = v U, B = sum_a g_a b_a. In the shared Redfield form (docs/master-equations.md)
 * d rho/dt = -i[H_S, rho] - sum_ab int_0^inf ds {C_ab(s)[A_a, A_b(-s) rho] - C_ba(-s)[A_a, rho A_b(-s)]}
 * with A_1 = L, A_2 = L^+ only C_12 (absorption) and C_21 (emission) survive, and since
 * e^{-iHs} d_m e^{iHs} = e^{i e_m s} d_m every time integral is a one-sided spectrum at a one-body frequency:
 * alpha_m = Gamma_12(-e_m), beta_m = Gamma_21(e_m) ({@link ExchangeRates}). With P_op = sum_m conj(u_m) alpha_m d_m^+ and
 * Q_op = sum_m u_m beta_m d_m the dissipator is
 * <pre>  D(rho) = -[L, P_op rho] + [L, rho Q_op^+] - [L^+, Q_op rho] + [L^+, rho P_op^+].</pre>
 * Tr[X [A, B rho]] = &lt;[X, A] B&gt;, Tr[X [A, rho C]] = &lt;C [X, A]&gt; and [c_i^+ c_j, c_l] = -delta_il c_j,
 * [c_i^+ c_j, c_l^+] = delta_jl c_i^+ close every term on N (Wick's theorem is not needed: the generator
 * is quadratic). In terms of the one-body density matrix rho1 = N^T, the coupling ket l = conj(v)
 * (a column), its projector P = l l^+ and the matrix functions alpha = alpha(H), beta = beta(H):
 * <pre>
 *   d rho1/dt = B rho1 + rho1 B^+ + G,
 *   B = -i H + sum_k P_k (alpha_k^+ - beta_k),      G = sum_k (alpha_k P_k + P_k alpha_k^+),
 * </pre>
 * i.e. dN/dt = A N + N A^+ + F with A = conj(B), F = conj(G). One mode, v = 1: dN/dt = 2 pi J(e) (n(e) - N),
 * the golden rule. B's anti-Hermitian part carries the Lamb shift P S(H) with S = P int J/(e - x), independent
 * of temperature as it must be for an exchange coupling; G (the bath noise) vanishes at T = 0.
 *
 * <h2>Methods</h2>
 * In the eigenbasis of H every term is P'_ml = conj(u_m) u_l times rates at e_m or e_l.
 * <ul>
 *   <li>{@link Method#REDFIELD}: as above (non-secular; not completely positive in general).</li>
 *   <li>{@link Method#SECULAR}: P' is kept only between equal one-body frequencies (|e_m - e_l| within
 *       {@link MasterEquationOptions#secularTolerance()}, absolute, shared with the
 *       finite-system engine): the Davies generator with jump operators
 *       L(w) = sum_{e_m = w} u_m d_m, of Lindblad form; it relaxes to N = n(H) exactly when all baths share
 *       one temperature.</li>
 *   <li>{@link Method#LOCAL_LINDBLAD}: the same construction in the site basis with the local frequencies
 *       H_jj (hopping ignored in the dissipator, kept in -iH): modes with equal local frequency share one
 *       jump operator L(w) = sum_{H_jj = w} v_j c_j, so a collective bath keeps its cross terms.</li>
 * </ul>
 *
 * <h2>State and observables</h2>
 * The state is two n x n complex matrices, the vacuum part (N(0) propagated without the source F) and the
 * thermal part (source-driven, zero at t = 0), flattened as [vac re, vac im, thermal re, thermal im], each
 * row-major. The split is the exact engine's: the vacuum part does not depend on temperature, the thermal
 * part vanishes at T = 0. Observables have the exact engine's names ({@link BosonicObservables}); the
 * energy current from bath k is Tr[H_S D_k(rho)] = sum_ij H_ij (A_k N + N A_k^+ + F_k)_ij (positive into
 * the system).
 *
 * <h2>Errors</h2>
 * The generator's own error is the quadrature error of the principal values (the Lamb shift), propagated as the
 * finite-system master equations do ({@code master.MasterEquationGenerator}): with e_k bath k's largest principal-value
 * error, the drift and source of bath k are off by at most ||delta A_k||_F &lt;= a_k = |v_k|^2 e_k and
 * ||delta F_k||_F &lt;= 2 a_k (P'_k = u u^+ is rank one with norm |v_k|^2; the secular mask only removes entries).
 * The error of the state then obeys d dN/dt = L(dN) + delta A N + N delta A^+ + delta F, so for a contracting
 * evolution ||dN(t)||_F &lt;= 2 a (sup ||N||_F + 1) min(t, tau), a = sum_k a_k, tau the slowest relaxation time of
 * the bright modes; sup ||N(s)||_F &lt;= ||N(0)||_F + ||F||_F min(t, tau) (the vacuum part does not grow, the thermal
 * part is fed by F). The steady state measures the same error more tightly, by re-solving with each principal value
 * moved by its estimate ({@link #lambShiftSensitivity}). A floor of 1e-14 (1 + |N|) stands for rounding; the
 * integrator's own error is the integrator's to report.
 */
public final class SecondMomentMasterEquation implements Generator {
    /** Decay rates below this times the largest rate scale count as zero (a non-decaying mode). */
    private static final double NON_DECAYING = 1e-10;
    /** Relative rounding floor of every error estimate. */
    private static final double ROUNDING = 1e-14;
    /** Largest thermal occupation T/w at which the net rates keep 8 digits (see Coefficients.checkOccupation). */
    static final double MAX_OCCUPATION = 1e8;

    private final BilinearModel model;
    private final Method method;
    private final int n;
    private final Coefficients coefficients;
    private final double[] aRe;
    private final double[] aIm;
    private final double[] fRe;
    private final double[] fIm;
    private final List<String> names;
    /** The decoherence-free modes this method leaves alone and the bright rest ({@link #decoupledSubspace}). */
    private final BrightSubspace subspace;
    /** Slowest relaxation time of the bright modes; infinite if there are none or one of them does not decay. */
    private final double relaxationTime;
    /** ||N(0)||_F and ||F||_F: the a-priori bound on ||N(t)||_F of the Lamb-shift error propagation. */
    private final double initialNorm;
    private final double sourceNorm;

    private SecondMomentMasterEquation(BilinearModel model, Method method, Coefficients coefficients) {
        this.model = model;
        this.method = method;
        this.n = model.modes();
        this.coefficients = coefficients;
        this.aRe = coefficients.drift().realParts();
        this.aIm = coefficients.drift().imaginaryParts();
        this.fRe = coefficients.source().realParts();
        this.fIm = coefficients.source().imaginaryParts();
        this.subspace = decoupledSubspace(BrightSubspace.of(model));
        this.relaxationTime = brightRelaxationTime();
        this.initialNorm = frobenius(model.initialOccupation());
        this.sourceNorm = frobenius(coefficients.source());
        this.names = List.copyOf(observe(0, initialState()).values().keySet());
    }

    /** The generator of the second-moment master equation of the given method. */
    public static SecondMomentMasterEquation generator(BilinearModel model, Method method, MasterEquationOptions options) {
        return new SecondMomentMasterEquation(model, method, Coefficients.of(model, method, options));
    }

    /**
     * The steady state solved directly: A N + N A^+ + F = 0 on the bright subspace (a Lyapunov equation,
     * solved as an n_b^2 linear system with {@link ComplexLu}), plus the stationary part of the
     * decoherence-free modes, which evolve unitarily under every method and keep their initial-state
     * dependence ({@link DecoherenceFreeSubspace}, as in the exact engine). A bright mode that does not decay
     * under the chosen method (its rate vanishes, or non-secular Redfield makes it grow) has no steady state:
     * refused with a message.
     */
    public static SecondMomentSteadyState steadyState(BilinearModel model, Method method, MasterEquationOptions options) {
        SecondMomentMasterEquation g = generator(model, method, options);
        BrightSubspace subspace = g.subspace;
        Solution s = g.solve(g.coefficients, subspace);
        ComplexMatrix total = s.bright().plus(s.dark().occupation());
        ComplexMatrix residual = g.coefficients.drift().times(total)
                .plus(total.times(g.coefficients.drift().conjugateTranspose())).plus(g.coefficients.source());
        double tau = g.relaxationTime;
        // a residual R moves N by about |R| times the slowest relaxation time (n |R| bounds its Frobenius norm)
        double fromResidual = g.n * residual.maxAbs() * (Double.isFinite(tau) ? tau : 1);
        ObservableSet plain = g.observables(g.coefficients, s.dark().occupation(), s.bright(), 0, fromResidual, false);
        // the Lamb shift: the worst case to first order, each principal value moved by its error estimate on its own
        Map<String, Double> lamb = g.lambShiftSensitivity(options, subspace, plain);
        Map<String, Estimate> out = new LinkedHashMap<>();
        plain.values().forEach((name, e) -> out.put(name, new Estimate(e.value(), e.error() + lamb.getOrDefault(name, 0.0))));
        ObservableSet values = new ObservableSet(out);
        double maxError = values.values().values().stream().mapToDouble(Estimate::error).max().orElse(0);
        return new SecondMomentSteadyState(values, total, residual.maxAbs(), maxError,
                g.coefficients.lambShiftError(), g.coefficients.converged(), tau,
                subspace.darkDimension(), s.dark().timeAveraged());
    }

    /**
     * How far the steady-state observables can move when the principal values are off by their quadrature error
     * estimates, to first order: bath k's rates at frequency l carry two principal values, r0 = P int J n/(e - x) and
     * r1 = P int J/(e - x) (Im alpha = -r0, Im beta = r0 + r1), whose errors share the estimate e_kl (|d r0| + |d r1|
     * &lt;= e_kl); a linear response's worst case over that set is e_kl times the larger of the two sensitivities,
     * and the errors of different (k, l) add. Each sensitivity is one re-solve of the small Lyapunov system. A tight
     * bound where the a-priori one of the trajectories (2 a (|N| + 1) tau) overstates by the relaxation time.
     */
    private Map<String, Double> lambShiftSensitivity(MasterEquationOptions options, BrightSubspace subspace,
                                                     ObservableSet values) {
        Map<String, Double> total = new LinkedHashMap<>();
        if (!options.lambShift() || subspace.bright().cols() == 0) {
            return total;
        }
        List<ExchangeRates> rates = coefficients.rates();
        for (int k = 0; k < rates.size(); k++) {
            ExchangeRates r = rates.get(k);
            for (int l = 0; l < r.lambShiftError().length; l++) {
                double e = r.lambShiftError()[l];
                if (!(e > 0)) {
                    continue;
                }
                Map<String, Double> worst = new LinkedHashMap<>();
                for (int component = 0; component < 2; component++) {
                    double[] aIm = r.absorptionIm().clone();
                    double[] bIm = r.emissionIm().clone();
                    if (component == 0) {
                        aIm[l] -= e;
                    }
                    bIm[l] += e;
                    List<ExchangeRates> moved = new ArrayList<>(rates);
                    moved.set(k, new ExchangeRates(r.absorptionRe(), aIm, r.emissionRe(), bIm, r.lambShiftError(),
                            r.converged()));
                    Coefficients c = Coefficients.build(model, method, options, List.copyOf(moved));
                    Solution p = solve(c, subspace);
                    observables(c, p.dark().occupation(), p.bright(), 0, 0, false).values().forEach((name, v) ->
                            worst.merge(name, Math.abs(v.value() - values.value(name)), Math::max));
                }
                worst.forEach((name, d) -> total.merge(name, d, Double::sum));
            }
        }
        return total;
    }

    public BilinearModel model() {
        return model;
    }

    /** The drift matrix A of dN/dt = A N + N A^+ + F. */
    public ComplexMatrix drift() {
        return coefficients.drift();
    }

    /** The source F (bath noise). */
    public ComplexMatrix source() {
        return coefficients.source();
    }

    /** Largest quadrature error estimate of the principal values (0 without Lamb shift). */
    public double lambShiftError() {
        return coefficients.lambShiftError();
    }

    @Override
    public String method() {
        return method.id();
    }

    @Override
    public int stateDimension() {
        return 4 * n * n;
    }

    @Override
    public double[] initialState() {
        double[] y = new double[stateDimension()];
        ComplexMatrix n0 = model.initialOccupation();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                y[i * n + j] = n0.re(i, j);
                y[n * n + i * n + j] = n0.im(i, j);
            }
        }
        return y;
    }

    @Override
    public void computeDerivatives(double t, double[] y, double[] yDot) {
        int cells = n * n;
        lyapunov(y, 0, yDot, false);
        lyapunov(y, 2 * cells, yDot, true);
    }

    /** yDot[block] = A N + N A^+ (+ F), N = y[block]; block = [re (n^2), im (n^2)] at {@code offset}. */
    private void lyapunov(double[] y, int offset, double[] yDot, boolean withSource) {
        int cells = n * n;
        int im = offset + cells;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sr = withSource ? fRe[i * n + j] : 0;
                double si = withSource ? fIm[i * n + j] : 0;
                for (int l = 0; l < n; l++) {
                    // (A N)_ij = A_il N_lj
                    double ar = aRe[i * n + l];
                    double ai = aIm[i * n + l];
                    double nr = y[offset + l * n + j];
                    double ni = y[im + l * n + j];
                    sr += ar * nr - ai * ni;
                    si += ar * ni + ai * nr;
                    // (N A^+)_ij = N_il conj(A_jl)
                    double br = aRe[j * n + l];
                    double bi = -aIm[j * n + l];
                    double mr = y[offset + i * n + l];
                    double mi = y[im + i * n + l];
                    sr += mr * br - mi * bi;
                    si += mr * bi + mi * br;
                }
                yDot[offset + i * n + j] = sr;
                yDot[im + i * n + j] = si;
            }
        }
    }

    @Override
    public List<String> observableNames() {
        return names;
    }

    @Override
    public ObservableSet observe(double t, double[] y) {
        int cells = n * n;
        ComplexMatrix vacuum = ComplexMatrix.of(n, n, java.util.Arrays.copyOfRange(y, 0, cells),
                java.util.Arrays.copyOfRange(y, cells, 2 * cells));
        ComplexMatrix thermal = ComplexMatrix.of(n, n, java.util.Arrays.copyOfRange(y, 2 * cells, 3 * cells),
                java.util.Arrays.copyOfRange(y, 3 * cells, 4 * cells));
        // the Lamb-shift error bound (class javadoc): vacuum part fed by N(0), thermal part by the source
        double horizon = Math.min(t, relaxationTime);
        double a = coefficients.driftError();
        double vacuumError = 2 * a * initialNorm * horizon;
        double thermalError = 2 * a * (sourceNorm * horizon + 1) * horizon;
        return observables(coefficients, vacuum, thermal, vacuumError, thermalError, true);
    }

    /** Occupation matrix N = vacuum + thermal part of a state vector. */
    public ComplexMatrix occupation(double[] y) {
        int cells = n * n;
        double[] re = new double[cells];
        double[] im = new double[cells];
        for (int k = 0; k < cells; k++) {
            re[k] = y[k] + y[2 * cells + k];
            im[k] = y[cells + k] + y[3 * cells + k];
        }
        return ComplexMatrix.of(n, n, re, im);
    }

    /**
     * The observables with their errors: {@code vacuumError} and {@code thermalError} bound ||dN||_F of each part (so
     * every entry), plus the rounding floor; a current Re Tr[H^T D_k(N)] gets ||H||_F ||delta D_k||_F with
     * delta D_k = A_k dN + dN A_k^+ + delta A_k N + N delta A_k^+ + delta F_k (the last three with {@code generatorBound}).
     */
    private ObservableSet observables(Coefficients c, ComplexMatrix vacuum, ComplexMatrix thermal, double vacuumError,
                                      double thermalError, boolean generatorBound) {
        ComplexMatrix total = vacuum.plus(thermal);
        double vacuumBound = vacuumError + ROUNDING * (1 + vacuum.maxAbs());
        double thermalBound = thermalError + ROUNDING * (1 + thermal.maxAbs());
        double stateError = vacuumBound + thermalBound;
        double hNorm = frobenius(model.hamiltonian());
        double nNorm = frobenius(total);
        ComplexMatrix h = model.hamiltonian();
        int baths = model.baths().size();
        double[] current = new double[baths];
        double[] currentError = new double[baths];
        for (int k = 0; k < baths; k++) {
            ComplexMatrix ak = c.bathDrift().get(k);
            // the generator's own error only along trajectories: the steady state measures it by re-solving
            double dk2 = 2 * frobenius(ak) * stateError + (generatorBound ? 2 * c.bathDriftError()[k] * (nNorm + 1) : 0);
            currentError[k] = hNorm * dk2 + ROUNDING * (1 + hNorm * (2 * frobenius(ak) * nNorm + frobenius(c.bathSource().get(k))));
            ComplexMatrix dk = ak.times(total).plus(total.times(ak.conjugateTranspose())).plus(c.bathSource().get(k));
            // d<H_S>/dt|_k = sum_ij H_ij dN_ij/dt|_k (<H_S> = sum_ij H_ij N_ij, real)
            double sum = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    sum += h.re(i, j) * dk.re(i, j) - h.im(i, j) * dk.im(i, j);
                }
            }
            current[k] = sum;
        }
        return BosonicObservables.of(model, vacuum, filled(vacuumBound), thermal, filled(thermalBound), current,
                currentError);
    }

    /** An n x n matrix with every real part {@code value}: an entrywise error bound. */
    private ComplexMatrix filled(double value) {
        double[] re = new double[n * n];
        java.util.Arrays.fill(re, value);
        return ComplexMatrix.of(n, n, re, new double[n * n]);
    }

    private static double frobenius(ComplexMatrix m) {
        double s = 0;
        for (double x : m.realParts()) {
            s += x * x;
        }
        for (double x : m.imaginaryParts()) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Override
    public OptionalDouble slowestRelaxationTime() {
        return OptionalDouble.of(relaxationTime);
    }

    /**
     * Slowest relaxation time 1/min(-Re lambda) over the eigenvalues lambda of the drift on the bright modes: the decay
     * time of the slowest mode amplitude, which is the Liouvillian gap of the model in Fock space (the state's slowest
     * eigen-operator is first order in c, c^+) and the exact engine's 1/min|Re pole|, so every method reports
     * one quantity. The second moments N_ij themselves relax at -(Re lambda_i + Re lambda_j), up to twice as
     * fast. The decoherence-free modes are left out (reported as undamped); infinite if no bright mode exists (no
     * bath reaches the modes, e.g. Gamma = 0) or one does not decay. A tiny rate (Gamma = 1e-12) gives a huge time:
     * a threshold here would have reported the faster modes' time for a model that takes 1e13 to relax.
     */
    private double brightRelaxationTime() {
        ComplexMatrix q = subspace.bright();
        if (q.cols() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double slowest = Double.POSITIVE_INFINITY;
        for (var a : ComplexEigenvalues.of(q.conjugateTranspose().times(conjugate(coefficients.drift())).times(q))) {
            slowest = Math.min(slowest, -a.re());
        }
        return slowest > 0 ? 1 / slowest : Double.POSITIVE_INFINITY;
    }

    private static double rateScale(ComplexMatrix m) {
        return Math.max(1e-300, m.maxAbs());
    }

    private record Solution(ComplexMatrix bright, DecoherenceFreeSubspace.StationaryPart dark) {
    }

    /**
     * The model's decoherence-free subspace if this method leaves it alone (B maps it to itself as -iH and does
     * not couple it to the bright part, which holds for Redfield and secular by construction); otherwise (a local
     * dissipator can reach it) no subspace is split off and the whole space must relax.
     */
    private BrightSubspace decoupledSubspace(BrightSubspace subspace) {
        if (subspace.darkDimension() == 0) {
            return subspace;
        }
        ComplexMatrix b = conjugate(coefficients.drift());
        ComplexMatrix d = subspace.dark();
        ComplexMatrix dh = d.conjugateTranspose();
        ComplexMatrix leak = b.times(d).minus(d.times(dh.times(b).times(d)));
        ComplexMatrix back = dh.times(b).times(subspace.bright());
        ComplexMatrix dissipation = dh.times(b.plus(model.hamiltonian().scale(0, 1))).times(d);
        double scale = Math.max(1, b.maxAbs());
        double tol = 1e-12 * scale;
        if (leak.maxAbs() <= tol && back.maxAbs() <= tol && dissipation.maxAbs() <= tol) {
            return subspace;
        }
        return new BrightSubspace(ComplexMatrix.identity(n), ComplexMatrix.zeros(n, 0));
    }

    /** Solves the Lyapunov equation on the bright subspace; see {@link #steadyState}. */
    private Solution solve(Coefficients c, BrightSubspace subspace) {
        // work with rho1 = N^T: B rho1 + rho1 B^+ + G = 0, B = conj(A), G = conj(F)
        ComplexMatrix b = conjugate(c.drift());
        ComplexMatrix g = conjugate(c.source());
        ComplexMatrix q = subspace.bright();
        int r = q.cols();
        DecoherenceFreeSubspace.StationaryPart dark = DecoherenceFreeSubspace.stationaryPart(model, subspace, n);
        if (r == 0) {
            return new Solution(ComplexMatrix.zeros(n, n), dark);
        }
        ComplexMatrix bb = q.conjugateTranspose().times(b).times(q);
        ComplexMatrix gb = q.conjugateTranspose().times(g).times(q);
        double scale = rateScale(bb);
        for (var ev : ComplexEigenvalues.of(bb)) {
            if (ev.re() > -NON_DECAYING * scale) {
                String why = ev.re() > NON_DECAYING * scale ? "growing" : -ev.re() > 0
                        ? "decaying too slowly to resolve (relaxation time " + String.format(Locale.ROOT, "%.3g", -1 / ev.re())
                          + ", rate below " + NON_DECAYING + " of the rate scale " + String.format(Locale.ROOT, "%.3g", scale)
                          + ": the Lyapunov equation is singular in double precision)"
                        : "undamped (the rates vanish there)";
                throw new InvalidModelException("method", String.format(Locale.ROOT, "%s leaves a mode coupled to the baths"
                        + " %s (decay rate %.3g at frequency %.6g), so there is no steady state it can solve for; propagate"
                        + " instead or use method exact", method.id(), why, -ev.re(), ev.im()));
            }
        }
        // row-major vec: vec(B X) = (B (x) 1) vec X, vec(X B^+) = (1 (x) conj(B)) vec X
        int m = r * r;
        double[] kRe = new double[m * m];
        double[] kIm = new double[m * m];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                int row = i * r + j;
                for (int l = 0; l < r; l++) {
                    kRe[row * m + l * r + j] += bb.re(i, l);
                    kIm[row * m + l * r + j] += bb.im(i, l);
                    kRe[row * m + i * r + l] += bb.re(j, l);
                    kIm[row * m + i * r + l] -= bb.im(j, l);
                }
            }
        }
        double[] xRe = new double[m];
        double[] xIm = new double[m];
        for (int k = 0; k < m; k++) {
            xRe[k] = -gb.realParts()[k];
            xIm[k] = -gb.imaginaryParts()[k];
        }
        ComplexLu lu = new ComplexLu(m);
        if (!lu.factorise(kRe, kIm, 0, 0)) {
            throw new ArithmeticException("singular Lyapunov system on the bright subspace");
        }
        lu.solveInPlace(xRe, xIm);
        ComplexMatrix rho1 = q.times(ComplexMatrix.of(r, r, xRe, xIm)).times(q.conjugateTranspose());
        return new Solution(rho1.transpose(), dark);
    }

    private static ComplexMatrix conjugate(ComplexMatrix m) {
        double[] im = m.imaginaryParts();
        for (int k = 0; k < im.length; k++) {
            im[k] = -im[k];
        }
        return ComplexMatrix.of(m.rows(), m.cols(), m.realParts(), im);
    }

    /**
     * The matrices of dN/dt = A N + N A^+ + F, in total and per bath (A_k, F_k: the bath's dissipator).
     */
    private record Coefficients(ComplexMatrix drift, ComplexMatrix source, List<ComplexMatrix> bathDrift,
                                List<ComplexMatrix> bathSource, List<ExchangeRates> rates, double lambShiftError,
                                double[] bathDriftError, boolean converged) {

        /** a = sum_k a_k: bound on ||delta A||_F from the principal values' quadrature errors (class javadoc). */
        double driftError() {
            double a = 0;
            for (double x : bathDriftError) {
                a += x;
            }
            return a;
        }

        static Coefficients of(BilinearModel model, Method method, MasterEquationOptions options) {
            double[] f = frequencies(model, method);
            List<ExchangeRates> rates = new ArrayList<>();
            for (Bath bath : model.baths()) {
                checkOccupation(bath, f, method);
                rates.add(ExchangeRates.of(bath, model.support(), f, options.lambShift(), options.quadrature()));
            }
            return build(model, method, options, List.copyOf(rates));
        }

        /**
         * Refuses a temperature at which the master equation's rates lose their net part to rounding: emission and
         * absorption go as gamma (n + 1) and gamma n with n ~ T/w, and their difference (the decay, gamma) keeps only
         * about 16 - log10(n) digits. Beyond n = {@link #MAX_OCCUPATION} that is fewer than 8: at T = 1e25 it was
         * none, the decay rate came out as 0 and the steady state was refused as "the rates vanish there".
         */
        private static void checkOccupation(Bath bath, double[] f, Method method) {
            double lowest = Double.POSITIVE_INFINITY;
            for (double w : f) {
                if (w != 0) {
                    lowest = Math.min(lowest, Math.abs(w));
                }
            }
            if (Double.isFinite(lowest) && bath.temperature() / lowest > MAX_OCCUPATION) {
                throw new InvalidModelException("baths." + bath.name() + ".temperature", String.format(Locale.ROOT,
                        "T = %.3g is out of range for %s: at the mode frequency %.3g the thermal occupation n ~ T/w = %.3g "
                                + "exceeds %.0e, where the emission and absorption rates gamma (n + 1) and gamma n cancel in "
                                + "double precision and the net decay rate is lost; allowed: T <= %.3g here (use the exact "
                                + "method for higher temperatures)", bath.temperature(), method.id(), lowest,
                        bath.temperature() / lowest, MAX_OCCUPATION, MAX_OCCUPATION * lowest));
            }
        }

        /** One-body frequencies the rates are evaluated at: eigenvalues of H, or the local H_jj. */
        private static double[] frequencies(BilinearModel model, Method method) {
            if (method == Method.LOCAL_LINDBLAD) {
                double[] f = new double[model.modes()];
                for (int j = 0; j < f.length; j++) {
                    f[j] = model.hamiltonian().re(j, j);
                }
                return f;
            }
            return HermitianEigen.of(model.hamiltonian()).values();
        }

        /**
         * @param rates   each bath's rates at {@link #frequencies}
         */
        static Coefficients build(BilinearModel model, Method method, MasterEquationOptions options,
                                  List<ExchangeRates> rates) {
            int n = model.modes();
            ComplexMatrix h = model.hamiltonian();
            ComplexMatrix u;
            double[] f;
            boolean masked;
            switch (method) {
                case REDFIELD, SECULAR -> {
                    HermitianEigen eig = HermitianEigen.of(h);
                    u = eig.vectors();
                    f = eig.values();
                    masked = method == Method.SECULAR;
                }
                case LOCAL_LINDBLAD -> {
                    u = ComplexMatrix.identity(n);
                    f = frequencies(model, method);
                    masked = true;
                }
                default -> throw new InvalidModelException("method", method.id(),
                        "redfield, secular or local-lindblad for the second-moment master equation");
            }
            double tol = options.secularTolerance();
            ComplexMatrix uh = u.conjugateTranspose();
            // B = -iH + sum_k B_k in the rho1 picture; A = conj(B)
            ComplexMatrix drift = conjugate(h.scale(0, -1));
            ComplexMatrix source = ComplexMatrix.zeros(n, n);
            List<ComplexMatrix> bathDrift = new ArrayList<>();
            List<ComplexMatrix> bathSource = new ArrayList<>();
            double lambError = 0;
            double[] bathDriftError = new double[model.baths().size()];
            boolean converged = true;
            for (int k = 0; k < model.baths().size(); k++) {
                Bath bath = model.baths().get(k);
                ExchangeRates rate = rates.get(k);
                converged &= rate.converged();
                // coupling ket l = conj(v) in the chosen basis: ut = U^+ l
                double[] lRe = new double[n];
                double[] lIm = new double[n];
                for (int j = 0; j < n; j++) {
                    lRe[j] = bath.coupling().re(0, j);
                    lIm[j] = -bath.coupling().im(0, j);
                }
                ComplexMatrix ut = uh.times(ComplexMatrix.column(lRe, lIm));
                double[] bRe = new double[n * n];
                double[] bIm = new double[n * n];
                double[] gRe = new double[n * n];
                double[] gIm = new double[n * n];
                double bathError = 0;
                for (int l = 0; l < n; l++) {
                    bathError = Math.max(bathError, rate.lambShiftError()[l]);
                }
                lambError = Math.max(lambError, bathError);
                // ||delta B_k||_F <= ||P'_k||_F max_l e_l with ||P'_k||_F = |U^+ l|^2 = |v_k|^2 (class javadoc)
                bathDriftError[k] = frobenius(ut) * frobenius(ut) * bathError;
                for (int m = 0; m < n; m++) {
                    for (int l = 0; l < n; l++) {
                        if (masked && Math.abs(f[m] - f[l]) > tol) {
                            continue;
                        }
                        // P'_ml = ut_m conj(ut_l)
                        double pr = ut.re(m, 0) * ut.re(l, 0) + ut.im(m, 0) * ut.im(l, 0);
                        double pi = ut.im(m, 0) * ut.re(l, 0) - ut.re(m, 0) * ut.im(l, 0);
                        // (B'_k)_ml = P'_ml (conj(alpha_l) - beta_l)
                        double cr = rate.absorptionRe()[l] - rate.emissionRe()[l];
                        double ci = -rate.absorptionIm()[l] - rate.emissionIm()[l];
                        bRe[m * n + l] = pr * cr - pi * ci;
                        bIm[m * n + l] = pr * ci + pi * cr;
                        // (G'_k)_ml = alpha_m P'_ml + P'_ml conj(alpha_l)
                        double sr = rate.absorptionRe()[m] + rate.absorptionRe()[l];
                        double si = rate.absorptionIm()[m] - rate.absorptionIm()[l];
                        gRe[m * n + l] = pr * sr - pi * si;
                        gIm[m * n + l] = pr * si + pi * sr;
                    }
                }
                ComplexMatrix bk = conjugate(u.times(ComplexMatrix.of(n, n, bRe, bIm)).times(uh));
                ComplexMatrix gk = conjugate(u.times(ComplexMatrix.of(n, n, gRe, gIm)).times(uh));
                bathDrift.add(bk);
                bathSource.add(gk);
                drift = drift.plus(bk);
                source = source.plus(gk);
            }
            return new Coefficients(drift, source, List.copyOf(bathDrift), List.copyOf(bathSource), rates, lambError,
                    bathDriftError, converged);
        }
    }
}
