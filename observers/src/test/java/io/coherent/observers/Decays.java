package io.coherent.observers;

import io.coherent.core.dynamics.Generator;
import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.ObservableSet;
import io.vertx.core.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test generator: y_i(t) = target_i + (1 - target_i) exp(-t / tau_i), observed under the names a real
 * generator uses. Counts its observe() calls (= samples produced) and notes if it ever ran on an event loop.
 */
final class Decays implements Generator {
    static final List<String> NAMES = List.of("Jx", "Jz", "coherence_l1", "energy_current.hot");

    private final double[] tau;
    private final double[] target;
    final AtomicLong observed = new AtomicLong();
    final AtomicBoolean onEventLoop = new AtomicBoolean();

    Decays(double tauScale, double targetShift) {
        this.tau = new double[] {tauScale, 2 * tauScale, 0.5 * tauScale, tauScale};
        this.target = new double[] {0.25 + targetShift, -0.5, 0.1, 0.3};
    }

    double value(int i, double t) {
        return target[i] + (1 - target[i]) * Math.exp(-t / tau[i]);
    }

    @Override
    public String method() {
        return "decays";
    }

    @Override
    public int stateDimension() {
        return tau.length;
    }

    @Override
    public double[] initialState() {
        return new double[] {1, 1, 1, 1};
    }

    @Override
    public void computeDerivatives(double t, double[] y, double[] yDot) {
        if (Context.isOnEventLoopThread()) {
            onEventLoop.set(true);
        }
        for (int i = 0; i < y.length; i++) {
            yDot[i] = -(y[i] - target[i]) / tau[i];
        }
    }

    @Override
    public List<String> observableNames() {
        return NAMES;
    }

    @Override
    public ObservableSet observe(double t, double[] y) {
        observed.incrementAndGet();
        Map<String, Estimate> m = new LinkedHashMap<>();
        for (int i = 0; i < y.length; i++) {
            m.put(NAMES.get(i), new Estimate(y[i], 1e-12));
        }
        return new ObservableSet(m);
    }

    @Override
    public OptionalDouble slowestRelaxationTime() {
        return OptionalDouble.of(2 * tau[0]);
    }
}
