package io.coherent.core.linalg;

/**
 * The level-1 operations on real vectors held as flat arrays, for the iterative methods (Arnoldi, Krylov
 * propagation, power iteration): plain loops, no allocation.
 */
public final class Vectors {
    private Vectors() {
    }

    /** x . y over the length of x. */
    public static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /** The Euclidean norm of x. */
    public static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    /** y += alpha x. */
    public static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    /** x *= alpha, in place. */
    public static void scale(double[] x, double alpha) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= alpha;
        }
    }
}
