package io.coherent.integrators;

import io.coherent.core.dynamics.Generator;
import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.ObservableSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Test generator with a closed-form trajectory: x relaxes as x(t) = target + (start - target) exp(-t/tau),
 * and (c, s) rotates at angular frequency omega from (1, 0): c(t) = cos(omega t).
 */
record Relaxation(double start, double target, double tau, double omega, boolean tauKnown) implements Generator {

    double x(double t) {
        return target + (start - target) * Math.exp(-t / tau);
    }

    @Override
    public String method() {
        return "relaxation";
    }

    @Override
    public int stateDimension() {
        return 3;
    }

    @Override
    public double[] initialState() {
        return new double[] {start, 1, 0};
    }

    @Override
    public void computeDerivatives(double t, double[] y, double[] yDot) {
        yDot[0] = -(y[0] - target) / tau;
        yDot[1] = -omega * y[2];
        yDot[2] = omega * y[1];
    }

    @Override
    public List<String> observableNames() {
        return List.of("x", "c");
    }

    @Override
    public ObservableSet observe(double t, double[] y) {
        Map<String, Estimate> m = new LinkedHashMap<>();
        m.put("x", new Estimate(y[0], 0));
        m.put("c", new Estimate(y[1], 0));
        return new ObservableSet(m);
    }

    @Override
    public OptionalDouble slowestRelaxationTime() {
        return tauKnown ? OptionalDouble.of(tau) : OptionalDouble.empty();
    }
}
