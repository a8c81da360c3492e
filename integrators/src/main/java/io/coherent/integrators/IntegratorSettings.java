package io.coherent.integrators;

import java.util.List;

/**
 * Which adaptive integrator to use (one of Hipparchus', or the Krylov exponential propagator for linear
 * time-independent generators) and its step-size control. Every number a run prints is
 * accurate to about max(absoluteTolerance, relativeTolerance * |value|) per step, plus the quadrature
 * error reported with each thermal observable.
 *
 * @param initialStep first trial step; 0 lets Hipparchus choose it from the tolerances
 * @param maxStep     largest step; 0 means the whole integration span
 */
public record IntegratorSettings(String name, double absoluteTolerance, double relativeTolerance, double initialStep,
                                 double maxStep) {

    public static final List<String> NAMES = List.of("dormand-prince-853", "dormand-prince-54", "gragg-bulirsch-stoer",
            "adams-moulton", "krylov");

    /** The exponential propagator, for linear time-independent generators ({@link io.coherent.core.dynamics.LinearGenerator}). */
    public static final String KRYLOV = "krylov";

    public static final IntegratorSettings DEFAULT = new IntegratorSettings("dormand-prince-853", 1e-10, 1e-10, 0, 0);

    public IntegratorSettings {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("integrator = " + name + " is not allowed: expected one of "
                    + String.join(", ", NAMES));
        }
        if (!(absoluteTolerance > 0) || !(relativeTolerance >= 0)) {
            throw new IllegalArgumentException("atol must be > 0 and rtol >= 0");
        }
        if (!(initialStep >= 0) || !(maxStep >= 0) || Double.isInfinite(initialStep) || Double.isInfinite(maxStep)) {
            throw new IllegalArgumentException("initial_step and max_step must be finite and >= 0 (0 = automatic)");
        }
        if (maxStep > 0 && initialStep > maxStep) {
            throw new IllegalArgumentException("initial_step = " + initialStep + " is larger than max_step = " + maxStep);
        }
    }
}
