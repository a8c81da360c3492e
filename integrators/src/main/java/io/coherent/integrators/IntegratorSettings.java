package io.coherent.integrators;

import java.util.List;

/**
 * Which adaptive Hipparchus integrator to use and its step-size control. Every number a run prints is
 * accurate to about max(absoluteTolerance, relativeTolerance * |value|) per step, plus the quadrature
 * error reported with each thermal observable.
 */
public record IntegratorSettings(String name, double absoluteTolerance, double relativeTolerance, double initialStep,
                                 double maxStep) {

    public static final List<String> NAMES = List.of("dormand-prince-853", "dormand-prince-54");

    public static final IntegratorSettings DEFAULT = new IntegratorSettings("dormand-prince-853", 1e-10, 1e-10, 0, 0);

    public IntegratorSettings {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("integrator = " + name + " is not allowed: expected one of " + NAMES);
        }
        if (!(absoluteTolerance > 0) || !(relativeTolerance >= 0)) {
            throw new IllegalArgumentException("atol must be > 0 and rtol >= 0");
        }
        if (!(initialStep >= 0) || !(maxStep >= 0)) {
            throw new IllegalArgumentException("initial_step and max_step must be >= 0 (0 = automatic)");
        }
    }
}
