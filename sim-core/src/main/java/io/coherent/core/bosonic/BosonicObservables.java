package io.coherent.core.bosonic;

import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.ObservableSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Observables of a bilinear model from its second moments (partial-collective paper Sec. II C):
 * occupations n_i = &lt;c_i^+ c_i&gt;; for two or more modes the coherence Jx = &lt;c2^+c1 + c1^+c2&gt; = 2 Re N_12,
 * Jy = i&lt;c1^+c2 - c2^+c1&gt; = -2 Im N_12 and the population difference Jz = &lt;c2^+c2 - c1^+c1&gt;, each also split
 * into its vacuum (initial-state) and thermal parts; and the energy current from each bath into the
 * modes, J_k = i&lt;[H_SB,k, H_S]&gt; = -2 Im(v_k^T H Q_k) with Q_k = &lt;B_k^+ c&gt; = &lt;xi_k^+ c&gt; + sum_{m in k} &lt;p_m^+ c&gt;
 * (positive = energy flows into the modes). Errors are the thermal quadrature errors and the kernel fit's bound
 * (vacuum and thermal parts) carried through these linear maps.
 */
public final class BosonicObservables {
    private BosonicObservables() {
    }

    public static ObservableSet of(PseudoModeEmbedding embedding, SecondMoments m) {
        BilinearModel model = embedding.model();
        int n = model.modes();
        ComplexMatrix h = model.hamiltonian();
        int baths = model.baths().size();
        double[] current = new double[baths];
        double[] currentError = new double[baths];
        for (int k = 0; k < baths; k++) {
            Bath bath = model.baths().get(k);
            double[] qRe = new double[n];
            double[] qIm = new double[n];
            double[] qErr = new double[n];
            for (int j = 0; j < n; j++) {
                qRe[j] = m.noise().re(k, j);
                qIm[j] = m.noise().im(k, j);
                qErr[j] = m.noiseError().re(k, j);
            }
            for (int p = 0; p < embedding.pseudoModes(); p++) {
                if (embedding.bathOfPseudoMode(p) != k) {
                    continue;
                }
                int row = n + p;
                for (int j = 0; j < n; j++) {
                    qRe[j] += m.vacuum().re(row, j) + m.thermal().re(row, j);
                    qIm[j] += m.vacuum().im(row, j) + m.thermal().im(row, j);
                    qErr[j] += m.vacuumError().re(row, j) + m.thermalError().re(row, j);
                }
            }
            // Z = v^T H Q; J = -2 Im Z
            double zIm = 0;
            double err = 0;
            for (int j = 0; j < n; j++) {
                double wr = 0;
                double wi = 0;
                for (int i = 0; i < n; i++) {
                    double vr = bath.coupling().re(0, i);
                    double vi = bath.coupling().im(0, i);
                    wr += vr * h.re(i, j) - vi * h.im(i, j);
                    wi += vr * h.im(i, j) + vi * h.re(i, j);
                }
                zIm += wr * qIm[j] + wi * qRe[j];
                err += Math.hypot(wr, wi) * qErr[j];
            }
            current[k] = -2 * zIm;
            currentError[k] = 2 * err;
        }
        return of(model, m.vacuum(), m.vacuumError(), m.thermal(), m.thermalError(), current, currentError);
    }

    /**
     * The observables from an occupation matrix split into its vacuum (initial-state) and thermal parts
     * (matrices with at least n rows; only the modes' n x n block is read) and the energy current of each
     * bath, in the model's bath order. Shared by the exact engine and the second-moment master equations,
     * so that both report the same names.
     */
    static ObservableSet of(BilinearModel model, ComplexMatrix vacuum, ComplexMatrix vacuumError, ComplexMatrix thermal,
                            ComplexMatrix thermalError, double[] current, double[] currentError) {
        int n = model.modes();
        Map<String, Estimate> out = new LinkedHashMap<>();
        if (n >= 2) {
            coherence(out, "", vacuum, vacuumError, thermal, thermalError, true, true);
            coherence(out, "_vacuum", vacuum, vacuumError, thermal, thermalError, true, false);
            coherence(out, "_thermal", vacuum, vacuumError, thermal, thermalError, false, true);
        }
        for (int i = 0; i < n; i++) {
            out.put("n" + (i + 1), new Estimate(vacuum.re(i, i) + thermal.re(i, i),
                    vacuumError.re(i, i) + thermalError.re(i, i)));
        }
        for (int k = 0; k < model.baths().size(); k++) {
            out.put("energy_current." + model.baths().get(k).name(), new Estimate(current[k], currentError[k]));
        }
        return new ObservableSet(out);
    }

    private static void coherence(Map<String, Estimate> out, String suffix, ComplexMatrix vac, ComplexMatrix vacErr,
                                  ComplexMatrix th, ComplexMatrix err, boolean withVacuum, boolean withThermal) {
        double n12r = (withVacuum ? vac.re(0, 1) : 0) + (withThermal ? th.re(0, 1) : 0);
        double n12i = (withVacuum ? vac.im(0, 1) : 0) + (withThermal ? th.im(0, 1) : 0);
        double n11 = (withVacuum ? vac.re(0, 0) : 0) + (withThermal ? th.re(0, 0) : 0);
        double n22 = (withVacuum ? vac.re(1, 1) : 0) + (withThermal ? th.re(1, 1) : 0);
        double e12 = (withThermal ? err.re(0, 1) : 0) + (withVacuum ? vacErr.re(0, 1) : 0);
        double ez = (withThermal ? err.re(0, 0) + err.re(1, 1) : 0) + (withVacuum ? vacErr.re(0, 0) + vacErr.re(1, 1) : 0);
        out.put("Jx" + suffix, new Estimate(2 * n12r, 2 * e12));
        out.put("Jy" + suffix, new Estimate(-2 * n12i, 2 * e12));
        out.put("Jz" + suffix, new Estimate(n22 - n11, ez));
    }
}
