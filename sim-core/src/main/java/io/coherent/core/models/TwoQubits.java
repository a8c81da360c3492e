package io.coherent.core.models;

import io.coherent.core.linalg.ComplexMatrix;

/**
 * The bare basis of two qubits shared by the two-qubit paper models. Qubit 1 is the most significant
 * index and index 0 of a qubit is its excited state |e> (QuTiP's convention: sigma_z = diag(1, -1),
 * sigma_- = |g><e|), so the basis is |ee>, |eg>, |ge>, |gg>. Both papers' operators are real in this
 * basis, so they are built as real arrays.
 */
final class TwoQubits {
    static final int EE = 0;
    static final int EG = 1;
    static final int GE = 2;
    static final int GG = 3;
    static final int DIMENSION = 4;

    private TwoQubits() {
    }

    /** sigma_-^(1) = |g><e| (x) 1 or sigma_-^(2) = 1 (x) |g><e|. */
    static double[][] lowering(int qubit) {
        double[][] m = new double[DIMENSION][DIMENSION];
        if (qubit == 1) {
            m[GE][EE] = 1;
            m[GG][EG] = 1;
        } else {
            m[EG][EE] = 1;
            m[GG][GE] = 1;
        }
        return m;
    }

    /** sigma_+^(1) sigma_-^(2) + sigma_-^(1) sigma_+^(2) = |eg><ge| + |ge><eg|. */
    static double[][] hopping() {
        double[][] m = new double[DIMENSION][DIMENSION];
        m[EG][GE] = 1;
        m[GE][EG] = 1;
        return m;
    }

    /** A diagonal matrix with the given entries on |ee>, |eg>, |ge>, |gg>. */
    static double[][] diagonal(double ee, double eg, double ge, double gg) {
        double[][] m = new double[DIMENSION][DIMENSION];
        m[EE][EE] = ee;
        m[EG][EG] = eg;
        m[GE][GE] = ge;
        m[GG][GG] = gg;
        return m;
    }

    /** Number of excited qubits, sigma_+^(1) sigma_-^(1) + sigma_+^(2) sigma_-^(2). */
    static ComplexMatrix excitationNumber() {
        return ComplexMatrix.real(diagonal(2, 1, 1, 0));
    }

    /** a A + b B. */
    static double[][] combine(double a, double[][] x, double b, double[][] y) {
        double[][] m = new double[DIMENSION][DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            for (int j = 0; j < DIMENSION; j++) {
                m[i][j] = a * x[i][j] + b * y[i][j];
            }
        }
        return m;
    }

    /**
     * The single-excitation eigenstates for the mixing angle theta: the upper one cos(theta/2)|eg> +
     * sin(theta/2)|ge> and the lower one -sin(theta/2)|eg> + cos(theta/2)|ge>, as amplitudes on the bare basis.
     */
    static double[][] mixedPair(double theta) {
        double c = Math.cos(theta / 2);
        double s = Math.sin(theta / 2);
        return new double[][] {{0, c, s, 0}, {0, -s, c, 0}};
    }

    /** The basis vector |k> of the bare basis. */
    static double[] bare(int k) {
        double[] v = new double[DIMENSION];
        v[k] = 1;
        return v;
    }

    /** A column vector. */
    static ComplexMatrix column(double[] amplitudes) {
        double[][] m = new double[DIMENSION][1];
        for (int i = 0; i < DIMENSION; i++) {
            m[i][0] = amplitudes[i];
        }
        return ComplexMatrix.real(m);
    }

    /** |v><v|. */
    static ComplexMatrix projector(double[] v) {
        double[][] m = new double[DIMENSION][DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            for (int j = 0; j < DIMENSION; j++) {
                m[i][j] = v[i] * v[j];
            }
        }
        return ComplexMatrix.real(m);
    }

    /** <u|A|v> for real vectors and a real matrix. */
    static double element(double[] u, double[][] a, double[] v) {
        double sum = 0;
        for (int i = 0; i < DIMENSION; i++) {
            for (int j = 0; j < DIMENSION; j++) {
                sum += u[i] * a[i][j] * v[j];
            }
        }
        return sum;
    }

    /** sum_l p_l |v_l><v_l| for real orthonormal vectors: a state diagonal in that basis. */
    static double[][] mixture(double[] weights, double[][] vectors) {
        double[][] m = new double[DIMENSION][DIMENSION];
        for (int l = 0; l < weights.length; l++) {
            for (int i = 0; i < DIMENSION; i++) {
                for (int j = 0; j < DIMENSION; j++) {
                    m[i][j] += weights[l] * vectors[l][i] * vectors[l][j];
                }
            }
        }
        return m;
    }
}
