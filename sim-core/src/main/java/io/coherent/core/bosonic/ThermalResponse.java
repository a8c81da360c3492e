package io.coherent.core.bosonic;

import io.coherent.core.bath.BoseEinstein;
import io.coherent.core.bath.SpectralDensity;
import io.coherent.core.linalg.ComplexLu;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.quadrature.VectorIntegrand;

/**
 * Frequency integrand of the thermal part of the second moments (physics notes Sec. 1).
 *
 * <p>A bath mode of frequency w enters y = (c, p) through Y_k(w, t) = int_0^t Phi(u) e^{iwu} du E_k, the
 * running Fourier transform of the propagator. For the linear embedding it is exact in closed form,
 * Y_k(w, t) = (A + iw)^{-1} (e^{iwt} Phi(t) E_k - E_k), and Y_k(w, infinity) = -(A + iw)^{-1} E_k
 * = -i Ghat(-iw) conj(v_k) on the modes. The integrand, weighted by J_k(w) n_k(w), is
 *
 * <pre>
 *   S_ij   += J_k n_k conj(Y_k,i) Y_k,j      (i over modes and pseudomodes, j over modes): &lt;y_i^+ c_j&gt;
 *   Xi_k,j += J_k n_k Y_k,j                                                             : &lt;xi_k^+ c_j&gt;
 * </pre>
 *
 * Output layout: S real parts (N x n, row-major), S imaginary parts, then Xi real (K x n), Xi imaginary.
 * The transient F_k(t) = Phi(t) E_k (bright coordinates) is set per sample; F = 0 gives the steady state.
 * Allocation-free per evaluation; one instance per thread.
 */
public final class ThermalResponse implements VectorIntegrand {
    private final PseudoModeEmbedding embedding;
    private final int n;
    private final int size;
    private final int nb;
    private final int baths;
    private final SpectralDensity[] densities;
    private final BoseEinstein[] occupations;
    private final double[] basisRe;
    private final double[] basisIm;
    private final ComplexLu lu;
    private final double[][] transientRe;
    private final double[][] transientIm;
    private final double[] xRe;
    private final double[] xIm;
    private final double[] yRe;
    private final double[] yIm;
    private double time;
    private boolean steady = true;

    public ThermalResponse(PseudoModeEmbedding embedding) {
        this.embedding = embedding;
        this.n = embedding.modes();
        this.size = embedding.size();
        this.nb = embedding.brightSize();
        BilinearModel model = embedding.model();
        this.baths = model.baths().size();
        this.densities = new SpectralDensity[baths];
        this.occupations = new BoseEinstein[baths];
        for (int k = 0; k < baths; k++) {
            densities[k] = model.baths().get(k).spectralDensity();
            occupations[k] = model.baths().get(k).occupation(model.support());
        }
        this.basisRe = embedding.brightBasis().realParts();
        this.basisIm = embedding.brightBasis().imaginaryParts();
        this.lu = new ComplexLu(nb);
        this.transientRe = new double[baths][nb];
        this.transientIm = new double[baths][nb];
        this.xRe = new double[nb];
        this.xIm = new double[nb];
        this.yRe = new double[size];
        this.yIm = new double[size];
    }

    @Override
    public int dimension() {
        return 2 * size * n + 2 * baths * n;
    }

    public int baths() {
        return baths;
    }

    /** Integrate the steady state (t -> infinity). */
    public void setSteady() {
        steady = true;
    }

    /**
     * Integrate at time t given the modes' columns of the propagator, phi = Phi(t)[:, 0:n] as N x n
     * row-major real and imaginary parts.
     */
    public void setTime(double t, double[] phiRe, double[] phiIm) {
        steady = false;
        time = t;
        for (int k = 0; k < baths; k++) {
            double[] eRe = embedding.noiseRe(k);
            double[] eIm = embedding.noiseIm(k);
            // F = U_b^+ Phi[:, 0:n] E_k(modes)
            for (int a = 0; a < nb; a++) {
                double sr = 0;
                double si = 0;
                for (int i = 0; i < size; i++) {
                    double pr = 0;
                    double pi = 0;
                    for (int j = 0; j < n; j++) {
                        double fr = phiRe[i * n + j];
                        double fi = phiIm[i * n + j];
                        pr += fr * eRe[j] - fi * eIm[j];
                        pi += fr * eIm[j] + fi * eRe[j];
                    }
                    double ur = basisRe[i * nb + a];
                    double ui = -basisIm[i * nb + a];
                    sr += ur * pr - ui * pi;
                    si += ur * pi + ui * pr;
                }
                transientRe[k][a] = sr;
                transientIm[k][a] = si;
            }
        }
    }

    @Override
    public void evaluate(double w, double[] out) {
        java.util.Arrays.fill(out, 0);
        boolean factorised = false;
        int sOffset = size * n;
        int xiBase = 2 * size * n;
        int xiOffset = baths * n;
        for (int k = 0; k < baths; k++) {
            double weight = densities[k].value(w) * occupations[k].occupation(w);
            if (weight == 0 || !Double.isFinite(weight)) {
                continue;
            }
            if (!factorised) {
                lu.factorise(embedding.brightGeneratorRe(), embedding.brightGeneratorIm(), 0, w);
                factorised = true;
            }
            response(k, w);
            for (int i = 0; i < size; i++) {
                double cr = weight * yRe[i];
                double ci = -weight * yIm[i];
                for (int j = 0; j < n; j++) {
                    out[i * n + j] += cr * yRe[j] - ci * yIm[j];
                    out[sOffset + i * n + j] += cr * yIm[j] + ci * yRe[j];
                }
            }
            for (int j = 0; j < n; j++) {
                out[xiBase + k * n + j] += weight * yRe[j];
                out[xiBase + xiOffset + k * n + j] += weight * yIm[j];
            }
        }
    }

    /**
     * Y_k(w, infinity) on (modes, pseudomodes): the steady response to bath k's mode at frequency w.
     * On the modes it is -i Ghat(-iw) conj(v_k); the paper's normalised coefficient B-tilde up to a phase.
     */
    public ComplexMatrix steadyResponse(int bath, double w) {
        boolean wasSteady = steady;
        steady = true;
        lu.factorise(embedding.brightGeneratorRe(), embedding.brightGeneratorIm(), 0, w);
        response(bath, w);
        steady = wasSteady;
        return ComplexMatrix.of(size, 1, yRe, yIm);
    }

    /** Fills (yRe, yIm) with Y_k(w, t) given that lu holds A_b + iw. */
    private void response(int k, double w) {
        double[] eRe = embedding.brightNoiseRe(k);
        double[] eIm = embedding.brightNoiseIm(k);
        double c = steady ? 0 : Math.cos(w * time);
        double s = steady ? 0 : Math.sin(w * time);
        for (int a = 0; a < nb; a++) {
            double fr = steady ? 0 : transientRe[k][a];
            double fi = steady ? 0 : transientIm[k][a];
            xRe[a] = c * fr - s * fi - eRe[a];
            xIm[a] = c * fi + s * fr - eIm[a];
        }
        lu.solveInPlace(xRe, xIm);
        for (int i = 0; i < size; i++) {
            double sr = 0;
            double si = 0;
            for (int a = 0; a < nb; a++) {
                double ur = basisRe[i * nb + a];
                double ui = basisIm[i * nb + a];
                sr += ur * xRe[a] - ui * xIm[a];
                si += ur * xIm[a] + ui * xRe[a];
            }
            yRe[i] = sr;
            yIm[i] = si;
        }
    }
}
