package io.coherent.bench;

import io.coherent.core.dynamics.Generator;
import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.ObservableSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * A generator whose observables are cheap, so a benchmark of the runtime measures the runtime and not the
 * exact engine's quadrature: n damped oscillators x_i'' = -w_i^2 x_i - gamma x_i' + sum_j K_ij x_j with a
 * dense symmetric coupling K (fixed seed), state (x, v) of dimension 2n. The right-hand side costs n^2
 * multiply-adds and allocates nothing; observe() is O(n) and returns the names the recorders follow.
 */
final class OscillatorChain implements Generator {
    private final int n;
    private final double[] omega2;
    private final double[] coupling;
    private final double damping;

    OscillatorChain(int n, double damping) {
        this.n = n;
        this.damping = damping;
        this.omega2 = new double[n];
        this.coupling = new double[n * n];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < n; i++) {
            double w = 0.8 + 0.4 * i / Math.max(1, n - 1);
            omega2[i] = w * w;
            for (int j = 0; j < i; j++) {
                double k = 0.02 * (random.nextDouble() - 0.5) / Math.sqrt(n);
                coupling[i * n + j] = k;
                coupling[j * n + i] = k;
            }
        }
    }

    @Override
    public String method() {
        return "oscillator-chain";
    }

    @Override
    public int stateDimension() {
        return 2 * n;
    }

    @Override
    public double[] initialState() {
        double[] y = new double[2 * n];
        y[0] = 1;
        y[n - 1] = -1;
        return y;
    }

    @Override
    public void computeDerivatives(double t, double[] y, double[] yDot) {
        for (int i = 0; i < n; i++) {
            double force = -omega2[i] * y[i] - damping * y[n + i];
            int row = i * n;
            for (int j = 0; j < n; j++) {
                force += coupling[row + j] * y[j];
            }
            yDot[i] = y[n + i];
            yDot[n + i] = force;
        }
    }

    @Override
    public List<String> observableNames() {
        return List.of("coherence_l1", "population_difference", "energy_current.hot", "energy_current.cold");
    }

    /** Energies of the ends of the chain and the power the damping takes out of them. */
    @Override
    public ObservableSet observe(double t, double[] y) {
        double l1 = 0;
        for (int i = 0; i + 1 < n; i++) {
            l1 += Math.abs(y[i] * y[i + 1] + y[n + i] * y[n + i + 1]);
        }
        double first = 0.5 * (y[n] * y[n] + omega2[0] * y[0] * y[0]);
        double last = 0.5 * (y[2 * n - 1] * y[2 * n - 1] + omega2[n - 1] * y[n - 1] * y[n - 1]);
        Map<String, Estimate> m = new LinkedHashMap<>();
        m.put("coherence_l1", new Estimate(l1, 0));
        m.put("population_difference", new Estimate(first - last, 0));
        m.put("energy_current.hot", new Estimate(-damping * y[n] * y[n], 0));
        m.put("energy_current.cold", new Estimate(-damping * y[2 * n - 1] * y[2 * n - 1], 0));
        return new ObservableSet(m);
    }

    @Override
    public OptionalDouble slowestRelaxationTime() {
        return OptionalDouble.of(2 / damping);
    }
}
