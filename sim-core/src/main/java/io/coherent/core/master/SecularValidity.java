package io.coherent.core.master;

import java.util.Locale;

/**
 * How well the secular (Davies) approximation holds: the largest ratio |R_{mn,kl}| / |w_mn - w_kl| over the Redfield
 * elements it drops. The dropped elements couple density-matrix elements that rotate at different Bohr frequencies;
 * they average out only when their size is small against the frequency difference (Breuer-Petruccione Sec. 3.3.1), and
 * to first order the secular steady state moves by about this ratio (Hofer et al., New J. Phys. 19, 123037 (2017),
 * show the failure for two weakly coupled qubits, where w_mn - w_kl is the small inter-qubit splitting).
 *
 * @param ratio      max |R_{mn,kl}| / |w_mn - w_kl| over the dropped elements (0 if none is dropped)
 * @param element    |R_{mn,kl}| of the element that attains it
 * @param separation |w_mn - w_kl| of that element
 */
public record SecularValidity(double ratio, double element, double separation) {
    /** Above this ratio the secular result is flagged in a note as not to be trusted. */
    static final double QUESTIONABLE = 0.1;
    /** Largest dimension checked: all d^4 elements are visited. */
    static final int LIMIT = 32;

    /** The check on the full Redfield tensor (H_S eigenbasis, energies ascending); elements within tolerance are kept. */
    static SecularValidity of(TensorElements redfield, double[] energies, double tolerance) {
        int d = energies.length;
        double[] r = new double[2];
        double best = 0;
        double element = 0;
        double separation = 0;
        for (int m = 0; m < d; m++) {
            for (int n = 0; n < d; n++) {
                for (int k = 0; k < d; k++) {
                    for (int l = 0; l < d; l++) {
                        double gap = Math.abs(energies[m] - energies[n] - energies[k] + energies[l]);
                        if (gap <= tolerance) {
                            continue;
                        }
                        redfield.element(m, n, k, l, r);
                        double size = Math.hypot(r[0], r[1]);
                        if (size / gap > best) {
                            best = size / gap;
                            element = size;
                            separation = gap;
                        }
                    }
                }
            }
        }
        return new SecularValidity(best, element, separation);
    }

    /** The note a secular result carries. */
    String note() {
        if (ratio == 0) {
            return "secular approximation: no Redfield element is dropped (it equals Redfield here)";
        }
        String s = String.format(Locale.ROOT, "secular approximation: the largest dropped Redfield element, %.3g, couples"
                + " Bohr frequencies %.3g apart (ratio %.3g)", element, separation, ratio);
        return ratio > QUESTIONABLE
                ? s + "; the approximation needs this ratio << 1, so this secular result is not reliable: compare with"
                + " method=redfield (or heom)"
                : s + "; the approximation needs this ratio << 1 (to first order the secular state is off by about this"
                + " fraction, and its H_S-eigenbasis coherences are set to zero)";
    }
}
