package io.coherent.core.bosonic;

import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.bath.Lorentzian;
import io.coherent.core.linalg.ComplexMatrix;
import java.util.List;

/**
 * The two-oscillator model of Wu, Ma, Wang, Brumer and Wu, "Steady-state coherences under partial
 * collective non-Markovian decoherence" (seed partial-collective-oscillators), with the paper's
 * parameter names. Following Sec. II B, the common bath couples with g cos^2(theta) through c1 + c2 and
 * each individual bath with g sin^2(theta) through its own oscillator, so the kernels carry cos^4 and
 * sin^4 (Appendix B's "f0 = f cos^2 theta" is a slip). All three baths share the Lorentzian
 * J(w) = (Gamma/2pi) gamma^2/((w - omega0)^2 + gamma^2) and the temperature T. The initial state is
 * sin(kappa)|01> + cos(kappa)|10>.
 */
public record PartialCollectiveModel(double omega1, double omega2, double omega0, double Gamma, double gamma,
                                     double theta, double T, double kappa) {

    /** The paper's Fig. 1(a). */
    public static final PartialCollectiveModel FIG_1A =
            new PartialCollectiveModel(1, 1, 1, 1, 0.1, Math.PI / 8, 1, -Math.PI / 4);

    public BilinearModel toModel(FrequencySupport support) {
        ComplexMatrix h = ComplexMatrix.real(new double[][] {{omega1, 0}, {0, omega2}});
        Lorentzian j = new Lorentzian(omega0, gamma, Gamma);
        double c2 = Math.cos(theta) * Math.cos(theta);
        double s2 = Math.sin(theta) * Math.sin(theta);
        List<Bath> baths = List.of(
                new Bath("common", ComplexMatrix.real(new double[][] {{c2, c2}}), j, T),
                new Bath("individual1", ComplexMatrix.real(new double[][] {{s2, 0}}), j, T),
                new Bath("individual2", ComplexMatrix.real(new double[][] {{0, s2}}), j, T));
        return new BilinearModel(h, baths, initialOccupation(kappa), support);
    }

    public BilinearModel toModel() {
        return toModel(FrequencySupport.WHOLE_LINE);
    }

    /** N_ij = <c_i^+ c_j> of sin(kappa)|01> + cos(kappa)|10> (|n1 n2>). */
    public static ComplexMatrix initialOccupation(double kappa) {
        double s = Math.sin(kappa);
        double c = Math.cos(kappa);
        return ComplexMatrix.real(new double[][] {{c * c, s * c}, {s * c, s * s}});
    }

    public PartialCollectiveModel withTheta(double newTheta) {
        return new PartialCollectiveModel(omega1, omega2, omega0, Gamma, gamma, newTheta, T, kappa);
    }

}
