package io.coherent.core.master;

/**
 * Elements R_{mn,kl} = &lt;m| D(|k&gt;&lt;l|) |n&gt; of a dissipator in the H_S eigenbasis, for the block
 * preconditioner of the iterative steady state ({@link SecularPreconditioner}).
 */
interface TensorElements {
    /** No dissipator (no reservoirs). */
    TensorElements NONE = (m, n, k, l, out) -> {
        out[0] = 0;
        out[1] = 0;
    };

    /** out = {Re, Im} R_{mn,kl}. */
    void element(int m, int n, int k, int l, double[] out);
}
