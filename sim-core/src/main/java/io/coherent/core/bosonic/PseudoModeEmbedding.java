package io.coherent.core.bosonic;

import io.coherent.core.bath.ExponentialTerm;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.linalg.ComplexEigensystem;
import io.coherent.core.linalg.ComplexEigenvalues;
import io.coherent.core.linalg.ComplexEigenvalues.Eigenvalue;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.linalg.HermitianEigen;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.special.Gamma;

/**
 * Local embedding of the Heisenberg coefficient equations (physics notes Sec. 1; partial-collective
 * paper Eqs. 5-6 and Appendix B). Each exponential term a_m exp(-z_m t) of bath k's kernel adds one
 * pseudomode p_m(t) = -i int_0^t a_m exp(-z_m (t - s)) v_k^T c(s) ds, so that the bath force on the modes is
 * B_k(t) = xi_k(t) + sum_{m in k} p_m(t) (xi_k the free thermal noise) and y = (c, p) obeys
 *
 * <pre>
 *   dc/dt = -i H c - i sum_k conj(v_k) (sum_{m in k} p_m + xi_k),     dp_m/dt = -i a_m v_k^T c - z_m p_m.
 * </pre>
 *
 * The N x N matrix A of this linear system (N = n + number of terms) generates the propagator
 * Phi(t) = exp(A t); its top-left n x n block is the Green's function G(t) (the paper's C coefficients).
 * The noise enters through the columns E_k = (-i conj(v_k), 0). Its eigenvalues are the poles of
 * Ghat(s) = [s + iH + sum_k fhat_k(s) P_k]^{-1}.
 *
 * <p>The kernels are exact for Lorentzians and Drude-Lorentz; an Ohmic bath's is the shared bath fit
 * ({@link MemoryKernel}: complex amplitudes, which a linear embedding takes as they are), so that the embedding is
 * then exact only up to {@link KernelFitBound}.
 *
 * <p>All frequency-domain work is done in the bright subspace (modes the baths reach, plus pseudomodes),
 * where A + iw is invertible for real w whenever every bright pole decays.
 */
public final class PseudoModeEmbedding {
    /**
     * Largest |rate| of a kernel term accepted. The generator's eigenvalues carry absolute errors ~ eps |rate|, so
     * the slow rates of the modes (relaxation times ~ 1e2 in the presets) are lost beyond ~1e40; 1e30 keeps them
     * (the Markov limit is reached long before: at gamma = 1e6 the partial-collective Jx has converged to 1e-7).
     */
    private static final double MAX_RATE = 1e30;

    /** A pole may sit this far (relative to the model's scale) to the right of the axis before we call it unstable. */
    private static final double STABILITY_TOLERANCE = 1e-10;

    private final BilinearModel model;
    /** Each bath's memory kernel as the sum of exponentials embedded here (exact, or fitted for the Ohmic family). */
    private final List<MemoryKernel> kernels;
    private final int modes;
    private final int size;
    private final int[] termBath;
    private final double[] aRe;
    private final double[] aIm;
    private final double[][] noiseRe;
    private final double[][] noiseIm;
    private final BrightSubspace subspace;
    private final ComplexMatrix brightBasis;
    private final double[] brightRe;
    private final double[] brightIm;
    private final double[][] brightNoiseRe;
    private final double[][] brightNoiseIm;
    private final List<Eigenvalue> poles;
    /** The eigendecomposition of the bright generator; null if it failed (then the poles come from EJML). */
    private final ComplexEigensystem eigensystem;

    public PseudoModeEmbedding(BilinearModel model) {
        this.model = model;
        this.modes = model.modes();
        refuseBoundState(model);
        List<Integer> owner = new ArrayList<>();
        List<ExponentialTerm> terms = new ArrayList<>();
        List<MemoryKernel> kernels = new ArrayList<>();
        for (int k = 0; k < model.baths().size(); k++) {
            Bath bath = model.baths().get(k);
            MemoryKernel kernel = MemoryKernel.of(bath);
            kernels.add(kernel);
            for (ExponentialTerm t : kernel.terms()) {
                double rate = Math.hypot(t.rateRe(), t.rateIm());
                if (!(rate <= MAX_RATE) || !Double.isFinite(Math.hypot(t.amplitudeRe(), t.amplitudeIm()))) {
                    boolean centre = Math.abs(t.rateIm()) > Math.abs(t.rateRe());
                    throw new InvalidModelException(centre ? "center" : rateField(bath.spectralDensity()),
                            centre ? Math.abs(t.rateIm()) : t.rateRe(), "at most 1e30 in magnitude for method exact (the "
                            + "slow rates of the modes are lost in the rounding of faster ones; the Markov limit of a "
                            + "width is reached by 1e6)");
                }
                owner.add(k);
                terms.add(t);
            }
        }
        this.kernels = List.copyOf(kernels);
        this.size = modes + terms.size();
        this.termBath = owner.stream().mapToInt(Integer::intValue).toArray();
        this.aRe = new double[size * size];
        this.aIm = new double[size * size];
        ComplexMatrix h = model.hamiltonian();
        for (int i = 0; i < modes; i++) {
            for (int j = 0; j < modes; j++) {
                aRe[i * size + j] = h.im(i, j);   // -i (Hr + i Hi) = Hi - i Hr
                aIm[i * size + j] = -h.re(i, j);
            }
        }
        for (int m = 0; m < terms.size(); m++) {
            ExponentialTerm t = terms.get(m);
            ComplexMatrix v = model.baths().get(termBath[m]).coupling();
            int p = modes + m;
            for (int i = 0; i < modes; i++) {
                double vr = v.re(0, i);
                double vi = v.im(0, i);
                aRe[i * size + p] = -vi;          // -i conj(v) = -vi - i vr
                aIm[i * size + p] = -vr;
                double pr = t.amplitudeRe() * vr - t.amplitudeIm() * vi; // a v
                double pi = t.amplitudeRe() * vi + t.amplitudeIm() * vr;
                aRe[p * size + i] = pi;           // -i a v = pi - i pr
                aIm[p * size + i] = -pr;
            }
            aRe[p * size + p] = -t.rateRe();
            aIm[p * size + p] = -t.rateIm();
        }
        int baths = model.baths().size();
        this.noiseRe = new double[baths][size];
        this.noiseIm = new double[baths][size];
        for (int k = 0; k < baths; k++) {
            ComplexMatrix v = model.baths().get(k).coupling();
            for (int i = 0; i < modes; i++) {
                noiseRe[k][i] = -v.im(0, i);
                noiseIm[k][i] = -v.re(0, i);
            }
        }
        this.subspace = BrightSubspace.of(model);
        this.brightBasis = blockDiagonal(subspace.bright(), terms.size());
        ComplexMatrix full = ComplexMatrix.of(size, size, aRe, aIm);
        ComplexMatrix brightA = brightBasis.conjugateTranspose().times(full).times(brightBasis);
        this.brightRe = brightA.realParts();
        this.brightIm = brightA.imaginaryParts();
        int nb = brightBasis.cols();
        this.brightNoiseRe = new double[baths][];
        this.brightNoiseIm = new double[baths][];
        for (int k = 0; k < baths; k++) {
            ComplexMatrix e = brightBasis.conjugateTranspose().times(ComplexMatrix.of(size, 1, noiseRe[k], noiseIm[k]));
            brightNoiseRe[k] = e.realParts();
            brightNoiseIm[k] = e.imaginaryParts();
        }
        this.eigensystem = decompose(nb, brightRe, brightIm);
        if (eigensystem != null) {
            List<Eigenvalue> list = new ArrayList<>(nb);
            for (int k = 0; k < nb; k++) {
                list.add(new Eigenvalue(eigensystem.eigenvalueRe(k), eigensystem.eigenvalueIm(k)));
            }
            this.poles = List.copyOf(list);
        } else {
            this.poles = List.copyOf(ComplexEigenvalues.of(ComplexMatrix.of(nb, nb, brightRe, brightIm)));
        }
        double scale = 1;
        for (Eigenvalue e : poles) {
            scale = Math.max(scale, Math.hypot(e.re(), e.im()));
        }
        for (Eigenvalue e : poles) {
            if (e.re() > STABILITY_TOLERANCE * scale) {
                throw new InvalidModelException("baths", String.format(
                        "the dynamics has a growing mode (pole %.6g%+.6gi): some spectral density gives negative damping "
                                + "at a mode frequency; allowed are models whose every pole decays", e.re(), e.im()));
            }
        }
    }

    /**
     * What can be refused without building the embedding: a bound state below an Ohmic band, an Ohmic exponent the fit
     * cannot follow; for models without an Ohmic bath the whole embedding (cheap). With an Ohmic bath the kernel fit
     * (a second or more) is left to the build, which refuses what it finds then (a fitted rate beyond 1e30, a growing
     * mode) with the same one-line messages.
     *
     * @throws InvalidModelException naming the key and the allowed range
     */
    public static void check(BilinearModel model) {
        refuseBoundState(model);
        boolean ohmic = false;
        for (Bath b : model.baths()) {
            MemoryKernel.checkFittable(b);
            ohmic |= b.spectralDensity() instanceof OhmicFamily;
        }
        if (!ohmic) {
            new PseudoModeEmbedding(model);
        }
    }

    /**
     * An Ohmic bath has no modes at w &lt;= 0. If it pulls a mode there (H + Sigma(0) = H - sum_k lambda_k Omega_k Gamma(s_k)
     * conj(v_k) v_k^T not positive on the bright modes: the eigenvalues of H + Sigma(w) - w decrease with w below the
     * band, where Sigma is real), that mode is a bound state that never decays. The fitted kernel cannot follow it (its
     * poles leave the real axis on either side), so the model is refused, naming lambda and the range that binds none.
     */
    static void refuseBoundState(BilinearModel model) {
        List<Bath> ohmic = model.baths().stream().filter(b -> b.spectralDensity() instanceof OhmicFamily).toList();
        if (ohmic.isEmpty()) {
            return;
        }
        BrightSubspace subspace = BrightSubspace.of(model);
        if (subspace.bright().cols() == 0) {
            return;
        }
        int n = model.modes();
        ComplexMatrix u = subspace.bright();
        double[] re = model.hamiltonian().realParts();
        double[] im = model.hamiltonian().imaginaryParts();
        for (Bath b : ohmic) {
            OhmicFamily o = (OhmicFamily) b.spectralDensity();
            double shift = o.lambda() * o.cutoff() * Gamma.gamma(o.exponent());
            ComplexMatrix v = b.coupling();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    // conj(v_i) v_j
                    re[i * n + j] -= shift * (v.re(0, i) * v.re(0, j) + v.im(0, i) * v.im(0, j));
                    im[i * n + j] -= shift * (v.re(0, i) * v.im(0, j) - v.im(0, i) * v.re(0, j));
                }
            }
        }
        double bottom = Double.POSITIVE_INFINITY;
        for (double x : HermitianEigen.of(u.conjugateTranspose().times(ComplexMatrix.of(n, n, re, im)).times(u)).values()) {
            bottom = Math.min(bottom, x);
        }
        if (bottom > 0) {
            return;
        }
        Bath b = ohmic.get(0);
        OhmicFamily o = (OhmicFamily) b.spectralDensity();
        HermitianEigen hb = HermitianEigen.of(u.conjugateTranspose().times(model.hamiltonian()).times(u));
        String range;
        if (java.util.Arrays.stream(hb.values()).min().orElse(1) <= 0) {
            range = "no lambda helps: a mode the Ohmic bath reaches sits at w <= 0, where it has no bath modes; shift "
                    + "the hamiltonian's frequencies above 0";
        } else {
            // H_b - c p p^+ > 0 iff c p^+ H_b^{-1} p < 1, p = U^+ conj(v): lambda < 1 / (Omega Gamma(s) p^+ H_b^{-1} p)
            ComplexMatrix p = u.conjugateTranspose().times(b.coupling().conjugateTranspose());
            ComplexMatrix e = hb.vectors().conjugateTranspose().times(p);
            double form = 0;
            for (int i = 0; i < e.rows(); i++) {
                form += (e.re(i, 0) * e.re(i, 0) + e.im(i, 0) * e.im(i, 0)) / hb.values()[i];
            }
            range = String.format(java.util.Locale.ROOT, "below %.6g%s (lambda Omega Gamma(s) must stay under the "
                    + "lowest mode's reach)", 1 / (o.cutoff() * Gamma.gamma(o.exponent()) * form),
                    ohmic.size() > 1 ? " with the other Ohmic baths as they are, roughly" : "");
        }
        throw new InvalidModelException("baths." + b.name() + ".spectral_density.lambda", String.format(java.util.Locale.ROOT,
                "%s binds a state below its band (H - sum lambda Omega Gamma(s) v v^+ has the eigenvalue %.4g <= 0 on the "
                        + "modes the baths reach): that mode never decays and method exact, whose Ohmic kernel is fitted, "
                        + "cannot follow it; allowed: lambda %s", o.describe(), bottom, range));
    }

    /** The parameter that sets a kernel's rate, as the spectral densities name it. */
    private static String rateField(io.coherent.core.bath.SpectralDensity j) {
        return j instanceof io.coherent.core.bath.DrudeLorentz ? "gamma" : "width";
    }

    private static ComplexEigensystem decompose(int nb, double[] re, double[] im) {
        try {
            return ComplexEigensystem.of(nb, re, im);
        } catch (ArithmeticException defective) {
            return null;
        }
    }

    /**
     * The eigendecomposition of the bright generator A_b = V diag(poles) V^{-1}, eigenvalues refined to the
     * accuracy of the couplings; null where it failed (a defective generator).
     */
    ComplexEigensystem eigensystem() {
        return eigensystem;
    }

    private static ComplexMatrix blockDiagonal(ComplexMatrix top, int extra) {
        int n = top.rows();
        int r = top.cols();
        int rows = n + extra;
        int cols = r + extra;
        double[] re = new double[rows * cols];
        double[] im = new double[rows * cols];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < r; j++) {
                re[i * cols + j] = top.re(i, j);
                im[i * cols + j] = top.im(i, j);
            }
        }
        for (int m = 0; m < extra; m++) {
            re[(n + m) * cols + r + m] = 1;
        }
        return ComplexMatrix.of(rows, cols, re, im);
    }

    public BilinearModel model() {
        return model;
    }

    /** The memory kernel of bath k as embedded: exact, or fitted (an Ohmic bath; its error in {@link KernelFitBound}). */
    MemoryKernel kernel(int bath) {
        return kernels.get(bath);
    }

    /** Whether some bath's kernel is a fit (then the embedding is exact only up to {@link KernelFitBound}). */
    public boolean hasFittedKernel() {
        return kernels.stream().anyMatch(MemoryKernel::fitted);
    }

    /** Number of modes n. */
    public int modes() {
        return modes;
    }

    /** Size N of the embedded system (modes plus pseudomodes). */
    public int size() {
        return size;
    }

    /** Bath index k owning pseudomode m. */
    public int bathOfPseudoMode(int m) {
        return termBath[m];
    }

    public int pseudoModes() {
        return termBath.length;
    }

    /** Row-major real part of the generator A (a copy). */
    public double[] generatorRe() {
        return aRe.clone();
    }

    /** Row-major imaginary part of the generator A (a copy). */
    public double[] generatorIm() {
        return aIm.clone();
    }

    /** Noise column E_k restricted to the modes: -i conj(v_k); real part (a copy). */
    public double[] noiseRe(int bath) {
        return java.util.Arrays.copyOf(noiseRe[bath], modes);
    }

    /** Noise column E_k restricted to the modes: -i conj(v_k); imaginary part (a copy). */
    public double[] noiseIm(int bath) {
        return java.util.Arrays.copyOf(noiseIm[bath], modes);
    }

    public BrightSubspace subspace() {
        return subspace;
    }

    /** N x Nb isometry from bright coordinates to the full (modes, pseudomodes) space. */
    public ComplexMatrix brightBasis() {
        return brightBasis;
    }

    public int brightSize() {
        return brightBasis.cols();
    }

    double[] brightGeneratorRe() {
        return brightRe;
    }

    double[] brightGeneratorIm() {
        return brightIm;
    }

    double[] brightNoiseRe(int bath) {
        return brightNoiseRe[bath];
    }

    double[] brightNoiseIm(int bath) {
        return brightNoiseIm[bath];
    }

    /**
     * Eigenvalues lambda of the bright generator: G(t) ~ exp(lambda t). As poles of Ghat(-iw) in the
     * frequency plane they sit at w = i lambda, a distance |Re lambda| below the real axis.
     */
    public List<Eigenvalue> poles() {
        return poles;
    }

    /**
     * Slowest relaxation time 1/min|Re lambda| over the bright poles; infinite if a bright pole does not
     * decay. Modes in the decoherence-free subspace never relax and are reported separately.
     */
    public double slowestRelaxationTime() {
        double slowest = Double.POSITIVE_INFINITY;
        for (Eigenvalue e : poles) {
            slowest = Math.min(slowest, -e.re());
        }
        return slowest > 0 ? 1.0 / slowest : Double.POSITIVE_INFINITY;
    }
}
