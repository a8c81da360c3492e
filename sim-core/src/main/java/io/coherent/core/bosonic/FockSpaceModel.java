package io.coherent.core.bosonic;

import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.linalg.HermitianEigen;
import io.coherent.core.open.Channel;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.NamedOperator;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import io.coherent.core.open.Subsystem;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link BilinearModel} written as a finite open system: n oscillators "c1".."cn" truncated to Fock states
 * 0..cutoff, H_S = sum_ij H_ij c_i^+ c_j, one thermal bosonic reservoir per bath with one EXCHANGE channel
 * L = sum_j v_j c_j and the bath's spectral density, and the Gaussian (quasi-free) initial state with the
 * model's occupation matrix N(0). The finite-system master equations on it must reproduce the
 * second-moment equations ({@link SecondMomentMasterEquation}) up to the truncation.
 *
 * <p>Truncation: H_S and L conserve or lower the total number, so every sector with at most {@code cutoff}
 * quanta in total is represented exactly; the Gaussian state is built on those sectors only (natural
 * orbitals of N(0) thermally occupied, geometric distribution per orbital) and renormalised, and the
 * dropped probability is reported as {@link #truncatedWeight()}. The dynamics stays accurate while the
 * population of the highest levels stays small (low temperature, small occupations).
 *
 * <p>The reservoirs use {@link ThermalOccupation} on the whole real line, which is the model's
 * {@link FrequencySupport#WHOLE_LINE} convention (n(w) < 0 for w < 0 at T > 0, vacuum at T = 0); a
 * positive-frequency support has no counterpart there and is refused.
 *
 * @param system          the open system (observables n1.., and Jx, Jy, Jz for two or more modes)
 * @param cutoff          Fock cut-off of every oscillator
 * @param truncatedWeight probability of the Gaussian initial state outside the represented sectors
 */
public record FockSpaceModel(OpenSystem system, int cutoff, double truncatedWeight) {

    public static FockSpaceModel of(BilinearModel model, int cutoff) {
        if (model.support().kind() != FrequencySupport.Kind.WHOLE_LINE) {
            throw new InvalidModelException("frequency_support", "the Fock-space form uses thermal occupations on the"
                    + " whole line; a positive-frequency support has no counterpart there");
        }
        int n = model.modes();
        List<Subsystem> oscillators = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            oscillators.add(Subsystem.oscillator(modeName(j), cutoff));
        }
        HilbertSpace space = new HilbertSpace(oscillators);
        List<ComplexMatrix> c = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            c.add(Operators.embed(space, modeName(j), Operators.annihilation(cutoff)));
        }
        ComplexMatrix h = oneBody(model.hamiltonian(), c);
        List<Reservoir> reservoirs = new ArrayList<>();
        for (Bath bath : model.baths()) {
            ComplexMatrix l = ComplexMatrix.zeros(space.dimension(), space.dimension());
            for (int j = 0; j < n; j++) {
                l = l.plus(c.get(j).scale(bath.coupling().re(0, j), bath.coupling().im(0, j)));
            }
            reservoirs.add(new Reservoir(bath.name(), ThermalOccupation.bose(bath.temperature()),
                    List.of(new Channel(Channel.Kind.EXCHANGE, l, bath.spectralDensity()))));
        }
        List<NamedOperator> observables = new ArrayList<>();
        ComplexMatrix number = ComplexMatrix.zeros(space.dimension(), space.dimension());
        for (int j = 0; j < n; j++) {
            ComplexMatrix nj = c.get(j).conjugateTranspose().times(c.get(j));
            observables.add(new NamedOperator("n" + (j + 1), nj));
            number = number.plus(nj);
        }
        if (n >= 2) {
            // BosonicObservables' definitions: Jx = <c2^+c1 + c1^+c2>, Jy = i<c1^+c2 - c2^+c1>, Jz = <c2^+c2 - c1^+c1>
            ComplexMatrix c1d2 = c.get(0).conjugateTranspose().times(c.get(1));
            ComplexMatrix c2d1 = c1d2.conjugateTranspose();
            observables.add(new NamedOperator("Jx", c2d1.plus(c1d2)));
            observables.add(new NamedOperator("Jy", c1d2.minus(c2d1).scale(0, 1)));
            observables.add(new NamedOperator("Jz", observables.get(1).operator().minus(observables.get(0).operator())));
        }
        GaussianState initial = gaussianState(model.initialOccupation(), c, cutoff);
        OpenSystem system = new OpenSystem(space, h, reservoirs, initial.density(), observables, List.of(), number);
        return new FockSpaceModel(system, cutoff, initial.truncatedWeight());
    }

    /** Subsystem name of mode j (0-based): "c1", "c2", ... */
    public static String modeName(int j) {
        return "c" + (j + 1);
    }

    /** sum_ij X_ij c_i^+ c_j. */
    private static ComplexMatrix oneBody(ComplexMatrix x, List<ComplexMatrix> c) {
        int d = c.get(0).rows();
        ComplexMatrix out = ComplexMatrix.zeros(d, d);
        for (int i = 0; i < c.size(); i++) {
            ComplexMatrix ci = c.get(i).conjugateTranspose();
            for (int j = 0; j < c.size(); j++) {
                if (x.re(i, j) != 0 || x.im(i, j) != 0) {
                    out = out.plus(ci.times(c.get(j)).scale(x.re(i, j), x.im(i, j)));
                }
            }
        }
        return out;
    }

    private record GaussianState(ComplexMatrix density, double truncatedWeight) {
    }

    /**
     * rho = prod_k (orbital k thermal with mean nu_k), the orbitals phi_k and occupations nu_k being the
     * eigenvectors and eigenvalues of rho1 = N^T (a_k^+ = sum_j phi_kj c_j^+ creates a particle with
     * &lt;c_i^+ c_j&gt; = conj(phi_i) phi_j). Orbital Fock states with total number <= cutoff are built exactly as
     * prod_k (a_k^+)^{m_k}/sqrt(m_k!)|0>, with weight prod_k nu_k^m_k/(1 + nu_k)^(m_k + 1).
     */
    private static GaussianState gaussianState(ComplexMatrix occupation, List<ComplexMatrix> c, int cutoff) {
        int n = c.size();
        int d = c.get(0).rows();
        HermitianEigen eig = HermitianEigen.of(occupation.transpose());
        double scale = Math.max(1, occupation.maxAbs());
        double[] nu = new double[n];
        List<ComplexMatrix> create = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (eig.values()[k] < -1e-12 * scale) {
                throw new InvalidModelException("initial_occupation", "must be positive semidefinite (a Gram matrix of"
                        + " <c_i^+ c_j>); it has eigenvalue " + eig.values()[k]);
            }
            nu[k] = Math.max(0, eig.values()[k]);
            ComplexMatrix ak = ComplexMatrix.zeros(d, d);
            for (int j = 0; j < n; j++) {
                ak = ak.plus(c.get(j).conjugateTranspose().scale(eig.vectors().re(j, k), eig.vectors().im(j, k)));
            }
            create.add(ak);
        }
        double[] vacuumRe = new double[d];
        vacuumRe[0] = 1; // |0,...,0> is the first product basis state
        ComplexMatrix vacuum = ComplexMatrix.column(vacuumRe, new double[d]);
        ComplexMatrix[] rho = {ComplexMatrix.zeros(d, d)};
        double[] kept = {0};
        fill(0, cutoff, 1.0, vacuum, nu, create, rho, kept);
        return new GaussianState(rho[0].scale(1 / kept[0]), Math.max(0, 1 - kept[0]));
    }

    /** Adds the orbital Fock states of orbitals k.. with at most {@code budget} quanta, depth first. */
    private static void fill(int k, int budget, double weight, ComplexMatrix ket, double[] nu, List<ComplexMatrix> create,
                             ComplexMatrix[] rho, double[] kept) {
        if (k == nu.length) {
            rho[0] = rho[0].plus(ket.times(ket.conjugateTranspose()).scale(weight));
            kept[0] += weight;
            return;
        }
        double ratio = nu[k] / (1 + nu[k]);
        double w = weight / (1 + nu[k]);
        ComplexMatrix state = ket;
        for (int m = 0; m <= budget; m++) {
            if (w == 0) {
                break;
            }
            fill(k + 1, budget - m, w, state, nu, create, rho, kept);
            // (a^+)^{m+1}/sqrt((m+1)!) |0> = a^+ [(a^+)^m/sqrt(m!)] / sqrt(m + 1)
            state = create.get(k).times(state).scale(1 / Math.sqrt(m + 1));
            w *= ratio;
        }
    }
}
