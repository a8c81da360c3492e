package io.coherent.integrators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.ObservableSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The monitor's sliding-window extremes (monotone deques, O(1) amortised per sample) against the definition: the
 * largest max - min of any observable over the samples in the window, recomputed from scratch at every sample.
 */
class SteadyStateMonitorTest {

    private static Sample sample(double t, double... values) {
        Map<String, Estimate> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put("x" + i, new Estimate(values[i], 0));
        }
        return new Sample(t, new ObservableSet(m), 1e-9, "");
    }

    /** The window the monitor keeps: the newest sample at least one window old, nothing older. */
    private static double bruteForceChange(List<Sample> all, int newest, double window) {
        int first = newest;
        while (first > 0 && all.get(first).t() > all.get(newest).t() - window) {
            first--;
        }
        double worst = 0;
        for (String name : all.get(newest).observables().values().keySet()) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = first; i <= newest; i++) {
                lo = Math.min(lo, all.get(i).observables().value(name));
                hi = Math.max(hi, all.get(i).observables().value(name));
            }
            worst = Math.max(worst, hi - lo);
        }
        return worst;
    }

    @Test
    void theWindowsRangeEqualsItsDefinitionAtEverySample() {
        Random random = new Random(15);
        double tolerance = 0.05;
        double window = 2.5;
        SteadyStateMonitor monitor = new SteadyStateMonitor(new SteadyStateCriterion(tolerance, 1, window, 0),
                OptionalDouble.empty());
        List<Sample> all = new ArrayList<>();
        double t = 0;
        double a = 0;
        double b = 1;
        int flats = 0;
        for (int i = 0; i < 5000; i++) {
            // uneven steps, a random walk whose steps shrink and grow, ties (repeated values) on purpose
            t += random.nextInt(4) == 0 ? 0.5 : 0.1 * random.nextInt(1, 4);
            double scale = (i / 500) % 2 == 0 ? 0.002 : 0.05;
            a += random.nextInt(5) == 0 ? 0 : scale * random.nextGaussian();
            b = random.nextInt(3) == 0 ? b : b + scale * random.nextGaussian();
            all.add(sample(t, a, b));
            boolean flat = monitor.accept(all.get(i));
            boolean expected = all.get(i).t() - all.get(0).t() >= window
                    && bruteForceChange(all, i, window) < tolerance;
            assertEquals(expected, flat, "sample " + i + " at t = " + t);
            flats += flat ? 1 : 0;
        }
        // both outcomes occur many times, so the comparison means something
        assertEquals(true, flats > 500 && flats < 4500, "flat at " + flats + " of 5000 samples");
    }

    @Test
    void aNaNInTheWindowIsNeverFlat() {
        SteadyStateMonitor monitor = new SteadyStateMonitor(new SteadyStateCriterion(1e-3, 1, 1, 0), OptionalDouble.empty());
        for (int i = 0; i <= 30; i++) {
            boolean flat = monitor.accept(sample(0.1 * i, i == 12 ? Double.NaN : 1.0));
            // the NaN at t = 1.2 stays in the window (one window back from the newest) until t = 2.3
            assertEquals(i >= 10 && (i < 12 || i > 22), flat, "t = " + 0.1 * i);
        }
    }
}
