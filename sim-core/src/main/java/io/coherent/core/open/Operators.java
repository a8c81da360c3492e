package io.coherent.core.open;

import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.linalg.HermitianEigen;

/**
 * Standard operators for building finite open systems, and thermal and pure states.
 *
 * <p><b>Basis conventions</b> (the same as QuTiP, so fixtures compare element by element):
 * <ul>
 *   <li>Qubit: basis order (|e>, |g>), index 0 = excited (QuTiP basis(2, 0)). sigma_z = diag(+1, -1), so
 *       sigma_z|e> = +|e>; sigma_plus = |e><g| raises, sigma_minus = |g><e| lowers (QuTiP sigmap/sigmam).</li>
 *   <li>Spin j: basis |j, m> with m = j, j - 1, ..., -j (index 0 = largest m, QuTiP jmat); J_z = diag(m);
 *       for j = 1/2, J_z = sigma_z / 2 and J_+ = sigma_plus.</li>
 *   <li>Oscillator with Fock cut-off c: basis |0>, ..., |c> (dimension c + 1); a|n> = sqrt(n)|n - 1>.</li>
 *   <li>Tensor products: the first subsystem of a {@link HilbertSpace} is the most significant index
 *       (A (x) B, QuTiP tensor order).</li>
 * </ul>
 */
public final class Operators {
    /** Eigenvalues within this (relative) distance of the ground energy form the T = 0 ground manifold. */
    private static final double GROUND_DEGENERACY = 1e-9;

    private Operators() {
    }

    public static ComplexMatrix identity(int dimension) {
        return ComplexMatrix.identity(dimension);
    }

    public static ComplexMatrix sigmaX() {
        return ComplexMatrix.real(new double[][] {{0, 1}, {1, 0}});
    }

    public static ComplexMatrix sigmaY() {
        return ComplexMatrix.fromParts(new double[][] {{0, 0}, {0, 0}}, new double[][] {{0, -1}, {1, 0}});
    }

    public static ComplexMatrix sigmaZ() {
        return ComplexMatrix.real(new double[][] {{1, 0}, {0, -1}});
    }

    /** |e><g|. */
    public static ComplexMatrix sigmaPlus() {
        return ComplexMatrix.real(new double[][] {{0, 1}, {0, 0}});
    }

    /** |g><e|. */
    public static ComplexMatrix sigmaMinus() {
        return ComplexMatrix.real(new double[][] {{0, 0}, {1, 0}});
    }

    /** J_+ for spin j (dimension 2j + 1): J_+|j, m> = sqrt(j(j + 1) - m(m + 1)) |j, m + 1>. */
    public static ComplexMatrix jPlus(double j) {
        int d = spinDimension(j);
        double[][] v = new double[d][d];
        for (int k = 1; k < d; k++) {
            double m = j - k; // state index k has m = j - k; J_+ maps it to index k - 1
            v[k - 1][k] = Math.sqrt(j * (j + 1) - m * (m + 1));
        }
        return ComplexMatrix.real(v);
    }

    public static ComplexMatrix jMinus(double j) {
        return jPlus(j).conjugateTranspose();
    }

    public static ComplexMatrix jZ(double j) {
        int d = spinDimension(j);
        double[] m = new double[d];
        for (int k = 0; k < d; k++) {
            m[k] = j - k;
        }
        return ComplexMatrix.diagonal(m);
    }

    /** J_x = (J_+ + J_-)/2. */
    public static ComplexMatrix jX(double j) {
        return jPlus(j).plus(jMinus(j)).scale(0.5);
    }

    /** J_y = (J_+ - J_-)/(2i). */
    public static ComplexMatrix jY(double j) {
        return jPlus(j).minus(jMinus(j)).scale(0, -0.5);
    }

    /** Annihilation operator of an oscillator truncated to Fock states 0 .. cutoff. */
    public static ComplexMatrix annihilation(int cutoff) {
        if (cutoff < 1) {
            throw new InvalidModelException("cutoff", cutoff, "an integer >= 1");
        }
        int d = cutoff + 1;
        double[][] v = new double[d][d];
        for (int n = 1; n < d; n++) {
            v[n - 1][n] = Math.sqrt(n);
        }
        return ComplexMatrix.real(v);
    }

    /** Number operator a^+ a = diag(0, 1, ..., cutoff). */
    public static ComplexMatrix number(int cutoff) {
        if (cutoff < 1) {
            throw new InvalidModelException("cutoff", cutoff, "an integer >= 1");
        }
        double[] n = new double[cutoff + 1];
        for (int k = 0; k <= cutoff; k++) {
            n[k] = k;
        }
        return ComplexMatrix.diagonal(n);
    }

    /**
     * The operator 1 (x) ... (x) local (x) ... (x) 1 acting as {@code local} on the named subsystem and
     * as the identity elsewhere.
     */
    public static ComplexMatrix embed(HilbertSpace space, String subsystem, ComplexMatrix local) {
        int index = space.indexOf(subsystem);
        int dim = space.subsystems().get(index).dimension();
        if (local.rows() != dim || local.cols() != dim) {
            throw new InvalidModelException("subsystems." + subsystem,
                    "operator is " + local.rows() + " x " + local.cols() + ", the subsystem has dimension " + dim);
        }
        int before = 1;
        for (int i = 0; i < index; i++) {
            before *= space.subsystems().get(i).dimension();
        }
        int after = space.dimension() / (before * dim);
        return identity(before).kron(local).kron(identity(after));
    }

    /** Column vector |k> of dimension d. */
    public static ComplexMatrix basisKet(int dimension, int k) {
        if (k < 0 || k >= dimension) {
            throw new InvalidModelException("state", k, "an index in 0.." + (dimension - 1));
        }
        double[] re = new double[dimension];
        re[k] = 1;
        return ComplexMatrix.column(re, new double[dimension]);
    }

    /** Product basis ket |l_1> (x) |l_2> (x) ..., one level index per subsystem in the space's order. */
    public static ComplexMatrix productKet(HilbertSpace space, int... levels) {
        if (levels.length != space.subsystems().size()) {
            throw new InvalidModelException("state", levels.length + " levels",
                    space.subsystems().size() + " (one per subsystem)");
        }
        ComplexMatrix ket = null;
        for (int i = 0; i < levels.length; i++) {
            ComplexMatrix local = basisKet(space.subsystems().get(i).dimension(), levels[i]);
            ket = ket == null ? local : ket.kron(local);
        }
        return ket;
    }

    /** |psi><psi| / <psi|psi> for a column vector psi. */
    public static ComplexMatrix projector(ComplexMatrix ket) {
        if (ket.cols() != 1) {
            throw new InvalidModelException("state", "a pure state must be a column vector");
        }
        ComplexMatrix bra = ket.conjugateTranspose();
        double norm = bra.times(ket).re(0, 0);
        if (!(norm > 0)) {
            throw new InvalidModelException("state", "a pure state must have nonzero norm");
        }
        return ket.times(bra).scale(1 / norm);
    }

    /**
     * Canonical (Gibbs) state exp(-H/T)/Z. At T = 0 the uniform mixture over the ground manifold
     * (eigenvalues within 1e-9 relative of the lowest).
     */
    public static ComplexMatrix gibbs(ComplexMatrix hamiltonian, double temperature) {
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new InvalidModelException("temperature", temperature, "a finite number >= 0");
        }
        HermitianEigen eig = HermitianEigen.of(hamiltonian);
        double[] e = eig.values();
        double ground = e[0];
        double scale = 1;
        for (double v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        double[] p = new double[e.length];
        double z = 0;
        for (int k = 0; k < e.length; k++) {
            p[k] = temperature == 0 ? (e[k] - ground <= GROUND_DEGENERACY * scale ? 1 : 0)
                    : Math.exp(-(e[k] - ground) / temperature);
            z += p[k];
        }
        for (int k = 0; k < e.length; k++) {
            p[k] /= z;
        }
        ComplexMatrix u = eig.vectors();
        return u.times(ComplexMatrix.diagonal(p)).times(u.conjugateTranspose());
    }

    /** Same as {@link #gibbs}. */
    public static ComplexMatrix thermalState(ComplexMatrix hamiltonian, double temperature) {
        return gibbs(hamiltonian, temperature);
    }

    /** Grand-canonical state exp(-(H - mu N)/T)/Z for particle number N and chemical potential mu. */
    public static ComplexMatrix grandCanonical(ComplexMatrix hamiltonian, ComplexMatrix particleNumber,
                                               double temperature, double chemicalPotential) {
        return gibbs(hamiltonian.minus(particleNumber.scale(chemicalPotential)), temperature);
    }

    private static int spinDimension(double j) {
        double d = 2 * j + 1;
        if (!(j > 0) || d != Math.rint(d)) {
            throw new InvalidModelException("spin", j, "a positive half-integer (1/2, 1, 3/2, ...)");
        }
        return (int) d;
    }
}
