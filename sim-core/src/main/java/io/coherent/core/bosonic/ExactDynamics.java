package io.coherent.core.bosonic;

import io.coherent.core.dynamics.Generator;
import io.coherent.core.dynamics.RelaxationTime;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Exact dynamics of a bilinear model. The propagated state is the modes' columns of the propagator of
 * the pseudomode embedding, Phi(t)[:, 0:n] (N x n complex; its top n x n block is the Green's function
 * G(t)), flattened as [real parts row-major, imaginary parts row-major], with dPhi/dt = A Phi, Phi(0) = (1, 0).
 * Observables at a sample: the vacuum part conj(Phi) N(0) Phi^T and the thermal part from
 * {@link ThermalIntegral} (running Fourier transform in closed form, quadrature with error estimate).
 *
 * <p>With a fitted memory kernel (an Ohmic bath) two more components follow the state, a(t) = int_0^t ||G_f C^H||_F
 * and b(t) = int_0^t ||C G_f C^H||_F, from which {@link KernelFitBound} bounds the fit's effect on every moment at
 * every sample; that bound is added to the error estimates. Its thermal part is in closed form too, from the fit of
 * C_in ({@link ThermalTransient}), whose sup error the same bound carries to the moments.
 */
public final class ExactDynamics implements Generator {
    private final PseudoModeEmbedding embedding;
    private final ThermalIntegral thermal;
    private final QuadratureTolerance tolerance;
    /**
     * The closed-form thermal part (whole line, T &gt; 0 somewhere); null where it does not apply. Built at the first
     * sample after t = 0 (it costs one bath expansion), so that asking a generator for its observable names stays cheap.
     */
    private ThermalTransient closedForm;
    private boolean closedFormBuilt;
    /** Per bath, the sup error of the closed form's fitted C_in (Ohmic baths; 0 for exact expansions). */
    private double[] absorptionFitError;
    private final int n;
    private final int size;
    private final double[] aRe;
    private final double[] aIm;
    private final List<String> names;
    private final KernelFitBound bound;
    /** The coupling rows v_k (K x n, row-major) and the work array G_f C^H (n x K) for the bound's norms. */
    private final double[] vRe;
    private final double[] vIm;
    private final double[] gcRe;
    private final double[] gcIm;

    public ExactDynamics(BilinearModel model, QuadratureTolerance tolerance) {
        this.embedding = new PseudoModeEmbedding(model);
        this.thermal = new ThermalIntegral(embedding, tolerance);
        this.tolerance = tolerance;
        this.n = embedding.modes();
        this.size = embedding.size();
        this.aRe = embedding.generatorRe();
        this.aIm = embedding.generatorIm();
        this.bound = new KernelFitBound(embedding);
        int baths = model.baths().size();
        this.vRe = new double[baths * n];
        this.vIm = new double[baths * n];
        for (int k = 0; k < baths; k++) {
            for (int j = 0; j < n; j++) {
                vRe[k * n + j] = model.baths().get(k).coupling().re(0, j);
                vIm[k * n + j] = model.baths().get(k).coupling().im(0, j);
            }
        }
        this.gcRe = new double[n * baths];
        this.gcIm = new double[n * baths];
        this.names = List.copyOf(observe(0, initialState()).values().keySet());
    }

    /**
     * The thermal part by residues and the bath's exponential expansion ({@link ThermalTransient}) where it applies:
     * whole-line support, some bath at T &gt; 0, a diagonalisable generator and baths with an expansion.
     */
    private static ThermalTransient thermalClosedForm(PseudoModeEmbedding embedding) {
        BilinearModel m = embedding.model();
        if (m.support().kind() != io.coherent.core.bath.FrequencySupport.Kind.WHOLE_LINE
                || m.baths().stream().noneMatch(b -> b.temperature() > 0) || embedding.eigensystem() == null) {
            return null;
        }
        try {
            return new ThermalTransient(embedding, new ThermalResidues(embedding));
        } catch (ArithmeticException | io.coherent.core.bath.InvalidModelException noExpansion) {
            return null; // e.g. a Bose pole on a pole of J: the quadrature handles it
        }
    }

    public PseudoModeEmbedding embedding() {
        return embedding;
    }

    @Override
    public String method() {
        return "exact";
    }

    @Override
    public int stateDimension() {
        return 2 * size * n + (bound.active() ? 2 : 0);
    }

    @Override
    public double[] initialState() {
        double[] y = new double[stateDimension()];
        for (int i = 0; i < n; i++) {
            y[i * n + i] = 1;
        }
        return y;
    }

    @Override
    public void computeDerivatives(double t, double[] y, double[] yDot) {
        int im = size * n;
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < n; j++) {
                double sr = 0;
                double si = 0;
                for (int l = 0; l < size; l++) {
                    double ar = aRe[i * size + l];
                    double ai = aIm[i * size + l];
                    if (ar == 0 && ai == 0) {
                        continue;
                    }
                    double pr = y[l * n + j];
                    double pi = y[im + l * n + j];
                    sr += ar * pr - ai * pi;
                    si += ar * pi + ai * pr;
                }
                yDot[i * n + j] = sr;
                yDot[im + i * n + j] = si;
            }
        }
        if (bound.active()) {
            norms(y, yDot, 2 * im);
        }
    }

    /** a' = ||G_f C^H||_F and b' = ||C G_f C^H||_F at offsets {@code at} and {@code at + 1}; allocation-free. */
    private void norms(double[] y, double[] yDot, int at) {
        int im = size * n;
        int baths = vRe.length / n;
        double a = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < baths; k++) {
                double sr = 0;
                double si = 0;
                for (int j = 0; j < n; j++) {
                    double gr = y[i * n + j];
                    double gi = y[im + i * n + j];
                    double cr = vRe[k * n + j];
                    double ci = -vIm[k * n + j];
                    sr += gr * cr - gi * ci;
                    si += gr * ci + gi * cr;
                }
                gcRe[i * baths + k] = sr;
                gcIm[i * baths + k] = si;
                a += sr * sr + si * si;
            }
        }
        double b = 0;
        for (int q = 0; q < baths; q++) {
            for (int k = 0; k < baths; k++) {
                double sr = 0;
                double si = 0;
                for (int i = 0; i < n; i++) {
                    double cr = vRe[q * n + i];
                    double ci = vIm[q * n + i];
                    sr += cr * gcRe[i * baths + k] - ci * gcIm[i * baths + k];
                    si += cr * gcIm[i * baths + k] + ci * gcRe[i * baths + k];
                }
                b += sr * sr + si * si;
            }
        }
        yDot[at] = Math.sqrt(a);
        yDot[at + 1] = Math.sqrt(b);
    }

    @Override
    public List<String> observableNames() {
        return names;
    }

    @Override
    public ObservableSet observe(double t, double[] y) {
        return BosonicObservables.of(embedding, moments(t, y));
    }

    /** Second moments at time t from the propagated state y. */
    public SecondMoments moments(double t, double[] y) {
        int cells = size * n;
        double[] phiRe = java.util.Arrays.copyOfRange(y, 0, cells);
        double[] phiIm = java.util.Arrays.copyOfRange(y, cells, 2 * cells);
        ComplexMatrix phi = ComplexMatrix.of(size, n, phiRe, phiIm);
        ComplexMatrix conjPhi = ComplexMatrix.of(size, n, phiRe, negate(phiIm));
        // <y_i^+ c_j>_vac = sum_ab conj(Phi_ia) N0_ab Phi_jb, j over modes (rows 0..n-1 of Phi)
        ComplexMatrix phiModesT = ComplexMatrix.of(n, n, java.util.Arrays.copyOf(phiRe, n * n),
                java.util.Arrays.copyOf(phiIm, n * n));
        ComplexMatrix vacuum = conjPhi.times(embedding.model().initialOccupation()).times(transpose(phiModesT));
        Thermal part = t == 0 ? null : thermal(t, phiRe, phiIm);
        ThermalIntegral.Result th = part == null ? null : part.result();
        int baths = embedding.model().baths().size();
        ComplexMatrix thermalPart = th == null ? ComplexMatrix.zeros(size, n) : th.thermal();
        ComplexMatrix thermalError = th == null ? ComplexMatrix.zeros(size, n) : th.thermalError();
        ComplexMatrix noise = th == null ? ComplexMatrix.zeros(baths, n) : th.noise();
        ComplexMatrix noiseError = th == null ? ComplexMatrix.zeros(baths, n) : th.noiseError();
        ComplexMatrix vacuumError = ComplexMatrix.zeros(size, n);
        if (bound.active() && y.length >= 2 * cells + 2) {
            double trace = 0;
            for (int i = 0; i < n; i++) {
                trace += thermalPart.re(i, i);
            }
            double[] absorption = part == null ? new double[baths] : part.absorptionFitError();
            KernelFitBound.Errors e = bound.at(t, y[2 * cells], y[2 * cells + 1], phiRe, phiIm, trace, absorption);
            double[][] parts = withFitBound(embedding, e, thermalError.realParts(), noiseError.realParts());
            vacuumError = ComplexMatrix.of(size, n, parts[0], new double[size * n]);
            thermalError = ComplexMatrix.of(size, n, parts[1], new double[size * n]);
            noiseError = ComplexMatrix.of(baths, n, parts[2], new double[baths * n]);
        }
        return new SecondMoments(vacuum, vacuumError, thermalPart, thermalError, noise, noiseError);
    }

    /**
     * The entry bounds of a {@link KernelFitBound.Errors} laid onto the moments' error matrices: every modes' entry,
     * every noise entry, and bath k's pseudomode-sum bound on its first pseudomode's row (only the sums are read).
     * Returns {vacuum error, thermal error, noise error} as real parts (N x n, N x n, K x n).
     */
    private static double[][] withFitBound(PseudoModeEmbedding embedding, KernelFitBound.Errors e, double[] thermalError,
                                   double[] noiseError) {
        int n = embedding.modes();
        int size = embedding.size();
        int baths = embedding.model().baths().size();
        double[] vac = new double[size * n];
        double[] th = thermalError.clone();
        double[] no = noiseError.clone();
        for (int i = 0; i < n * n; i++) {
            vac[i] = e.vacuum();
            th[i] += e.thermal();
        }
        boolean[] placed = new boolean[baths];
        for (int m = 0; m < embedding.pseudoModes(); m++) {
            int k = embedding.bathOfPseudoMode(m);
            if (!placed[k]) {
                placed[k] = true;
                for (int j = 0; j < n; j++) {
                    vac[(n + m) * n + j] = e.forceVacuum()[k];
                    th[(n + m) * n + j] += e.forceThermal()[k];
                }
            }
        }
        for (int k = 0; k < baths; k++) {
            for (int j = 0; j < n; j++) {
                no[k * n + j] += e.noise()[k];
            }
        }
        return new double[][] {vac, th, no};
    }

    /**
     * The thermal part and, per bath, the sup error of the fitted absorption correlation it was computed with (0 where
     * the true J was used: exact pole expansions, and the quadrature).
     */
    private record Thermal(ThermalIntegral.Result result, double[] absorptionFitError) {
    }

    /** Closed form where it meets the tolerance, quadrature otherwise (its error estimate decides). */
    private Thermal thermal(double t, double[] phiRe, double[] phiIm) {
        if (!closedFormBuilt) {
            closedForm = thermalClosedForm(embedding);
            closedFormBuilt = true;
            absorptionFitError = closedForm == null ? null : closedForm.absorptionFitError();
        }
        if (closedForm != null) {
            ThermalIntegral.Result r = closedForm.at(t);
            double scale = Math.max(r.thermal().maxAbs(), r.noise().maxAbs());
            double err = Math.max(r.thermalError().maxAbs(), r.noiseError().maxAbs());
            if (err <= Math.max(tolerance.absolute(), tolerance.relative() * scale)) {
                return new Thermal(r, absorptionFitError);
            }
        }
        return new Thermal(thermal.at(t, phiRe, phiIm), new double[embedding.model().baths().size()]);
    }

    /** The thermal quadrature's tolerance: a sample whose estimate exceeds it did not meet quadrature_tolerance. */
    @Override
    public io.coherent.core.observables.SampleTolerance sampleTolerance() {
        return new io.coherent.core.observables.SampleTolerance(tolerance.absolute(), tolerance.relative(),
                "quadrature_tolerance " + tolerance.absolute());
    }

    @Override
    public OptionalDouble slowestRelaxationTime() {
        double tau = relaxation().time();
        return Double.isFinite(tau) ? OptionalDouble.of(tau) : OptionalDouble.empty();
    }

    /** The modes' own relaxation (infinite when no bath reaches them), not the uncoupled pseudomodes' 1/gamma. */
    @Override
    public RelaxationTime relaxation() {
        double tau = SteadyStateSolver.relaxationTime(embedding);
        return RelaxationTime.unestimated(tau, Double.isInfinite(tau)
                ? "no mode decays: no bath reaches them" : "accuracy not estimated");
    }

    private static double[] negate(double[] v) {
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = -v[k];
        }
        return out;
    }

    private static ComplexMatrix transpose(ComplexMatrix m) {
        ComplexMatrix h = m.conjugateTranspose();
        return ComplexMatrix.of(h.rows(), h.cols(), h.realParts(), negate(h.imaginaryParts()));
    }
}
