package io.coherent.core.master;

/**
 * A dissipative part D of a master equation acting on a Hermitian density matrix in the eigenbasis of H_S,
 * flat layout [Re rho row-major (d^2), Im rho row-major (d^2)]. {@link #addTo} adds D(rho) to out and
 * allocates nothing.
 */
interface Dissipator {

    void addTo(double[] rho, double[] out);

    /**
     * A bound on the Frobenius-norm gain ||D(x)||_F / ||x||_F (how a state error shows in D(rho), e.g. in a current).
     */
    double normBound();

    /** Rough cost of one {@link #addTo} in real multiply-adds (to choose between this form and a dense matrix). */
    long cost();
}
