package io.coherent.core.bath;

import io.coherent.core.bath.ThermalOccupation.Statistics;
import java.util.Arrays;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * The pole expansion of the emission factors of a Bose or Fermi reservoir, in x = (w - mu)/T:
 *
 * <pre>
 *   B(x) = 1/(1 - e^{-x}) = 1 + n      = 1/2 + 1/x + sum_k 2 kappa_k x/(x^2 + xi_k^2)    (bosons)
 *   F(x) = 1/(1 + e^{-x}) = 1 - f      = 1/2       + sum_k 2 kappa_k x/(x^2 + xi_k^2)    (fermions)
 * </pre>
 *
 * Matsubara: kappa_k = 1, xi_k = 2 pi k (bosons) or (2k - 1) pi (fermions), exact as an infinite sum.
 * Pade: the [N-1/N] Pade approximant of the sum (Hu, Xu and Yan, J. Chem. Phys. 133, 101106 (2010) and
 * 134, 244106 (2011)), whose poles xi_k = 2/e_k come from the positive eigenvalues e_k of a 2N x 2N symmetric
 * tridiagonal matrix and whose residues kappa_k from the eigenvalues of its (2N-1) x (2N-1) shifted partner;
 * the N Pade poles reproduce the first ~N Matsubara terms and lump the rest into the outermost ones, which is
 * why Pade converges far faster at low temperature.
 *
 * @param xi    pole positions xi_k > 0 in x, ascending
 * @param kappa residue weights kappa_k
 */
record OccupationPoles(double[] xi, double[] kappa) {

    static OccupationPoles of(ExpansionScheme scheme, Statistics statistics, int n) {
        return switch (scheme) {
            case MATSUBARA -> matsubara(statistics, n);
            case PADE -> pade(statistics, n);
            case FIT -> throw new IllegalArgumentException("a fit has no occupation poles");
        };
    }

    static OccupationPoles matsubara(Statistics statistics, int n) {
        double[] xi = new double[n];
        double[] kappa = new double[n];
        for (int k = 1; k <= n; k++) {
            xi[k - 1] = matsubaraXi(statistics, k);
            kappa[k - 1] = 1;
        }
        return new OccupationPoles(xi, kappa);
    }

    /** The k-th (k >= 1) Matsubara pole xi_k = 2 pi k (bosons) or (2k - 1) pi (fermions). */
    static double matsubaraXi(Statistics statistics, double k) {
        return statistics == Statistics.BOSE ? 2 * Math.PI * k : (2 * k - 1) * Math.PI;
    }

    /**
     * Hu-Xu-Yan [N-1/N] Pade poles. Bosons: Lambda_{m,m+1} = 1/sqrt((2m+3)(2m+5)) (m = 0 .. 2N-2) for the poles and
     * 1/sqrt((2m+5)(2m+7)) for the zeros chi, prefactor N(2N+3)/2; fermions: 1/sqrt((2m+1)(2m+3)) and
     * 1/sqrt((2m+3)(2m+5)), prefactor N(2N+1)/2 (2011 paper, Eqs. 13-16; the same recipe as QuTiP's Pade baths).
     * kappa_j = prefactor prod_{k<N} (chi_k^2 - xi_j^2) / prod_{k != j} (xi_k^2 - xi_j^2) / ...
     */
    static OccupationPoles pade(Statistics statistics, int n) {
        if (n == 0) {
            return new OccupationPoles(new double[0], new double[0]);
        }
        int b = statistics == Statistics.BOSE ? 3 : 1;
        double[] xi = positiveInverses(tridiagonalEigenvalues(2 * n, b), n);
        double[] chi = positiveInverses(tridiagonalEigenvalues(2 * n - 1, b + 2), n - 1);
        double prefactor = 0.5 * n * (2 * n + b);
        double[] kappa = new double[n];
        for (int j = 0; j < n; j++) {
            double term = prefactor;
            for (int k = 0; k < n - 1; k++) {
                term *= (chi[k] * chi[k] - xi[j] * xi[j]) / (k == j ? 1 : xi[k] * xi[k] - xi[j] * xi[j]);
            }
            term /= (n - 1 == j ? 1 : xi[n - 1] * xi[n - 1] - xi[j] * xi[j]);
            kappa[j] = term;
        }
        return new OccupationPoles(xi, kappa);
    }

    /** Eigenvalues of the symmetric tridiagonal matrix with off-diagonal 1/sqrt((2m+b)(2m+b+2)), m = 0 .. size-2. */
    private static double[] tridiagonalEigenvalues(int size, int b) {
        double[][] a = new double[size][size];
        for (int m = 0; m + 1 < size; m++) {
            double v = 1 / Math.sqrt((2.0 * m + b) * (2.0 * m + b + 2));
            a[m][m + 1] = v;
            a[m + 1][m] = v;
        }
        if (size == 1) {
            return new double[] {0};
        }
        return new EigenDecompositionSymmetric(new Array2DRowRealMatrix(a, false)).getEigenvalues();
    }

    /** 2/e for the count largest positive eigenvalues e, ascending in 2/e. */
    private static double[] positiveInverses(double[] eigenvalues, int count) {
        double[] sorted = eigenvalues.clone();
        Arrays.sort(sorted);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = 2 / sorted[sorted.length - 1 - i];
        }
        return out;
    }

    /** The exact emission factor B(x) or F(x) at complex x, without overflow for large |Re x|. */
    static Complex emissionFactor(Statistics statistics, Complex x) {
        double sign = statistics == Statistics.BOSE ? -1 : 1;
        if (x.getReal() >= 0) {
            // 1/(1 -+ e^{-x})
            return Complex.ONE.divide(Complex.ONE.add(x.negate().exp().multiply(sign)));
        }
        // e^{x}/(e^{x} -+ 1)
        Complex ex = x.exp();
        return ex.divide(ex.add(sign));
    }
}
