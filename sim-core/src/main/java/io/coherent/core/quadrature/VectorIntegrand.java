package io.coherent.core.quadrature;

/** A vector-valued function of one real variable, evaluated into a caller-owned array. */
public interface VectorIntegrand {
    int dimension();

    /** Writes f(w) into out[0 .. dimension()). Must not allocate: it runs at every quadrature node. */
    void evaluate(double w, double[] out);
}
