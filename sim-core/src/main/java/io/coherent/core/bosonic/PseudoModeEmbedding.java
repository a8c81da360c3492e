package io.coherent.core.bosonic;

import io.coherent.core.bath.ExponentialTerm;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.linalg.ComplexEigensystem;
import io.coherent.core.linalg.ComplexEigenvalues;
import io.coherent.core.linalg.ComplexEigenvalues.Eigenvalue;
import io.coherent.core.linalg.ComplexMatrix;
import java.util.ArrayList;
import java.util.List;

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
