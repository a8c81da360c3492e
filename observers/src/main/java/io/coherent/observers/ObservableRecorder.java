package io.coherent.observers;

import io.coherent.core.observables.Estimate;
import io.coherent.integrators.Sample;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Records a family of observables chosen by name, so it works for every generator: the exact engine's
 * {@code Jx, Jy, Jz, energy_current.<bath>} and the master equations' {@code coherence_l1,
 * population_difference, energy_current.<bath>}. For each observable: the last value with its error
 * estimate, the extremes and when they occurred. Event samples count like output samples.
 */
public final class ObservableRecorder extends SampleObserver {
    private final Predicate<String> selects;
    private final Map<String, Track> tracks = new LinkedHashMap<>();

    public ObservableRecorder(String name, RunAddress run, Predicate<String> selects) {
        super(name, List.of(run));
        this.selects = selects;
    }

    /** Jx, Jy (the exact engine's coherences) and every observable whose name starts with "coherence". */
    public static ObservableRecorder coherence(RunAddress run) {
        return new ObservableRecorder("coherence", run, n -> n.equals("Jx") || n.equals("Jy") || n.startsWith("coherence"));
    }

    /** Jz = (n1 - n2)/2 and every observable whose name starts with "population_difference". */
    public static ObservableRecorder populationDifference(RunAddress run) {
        return new ObservableRecorder("population_difference", run,
                n -> n.equals("Jz") || n.startsWith("population_difference"));
    }

    /** Every {@code energy_current.<bath>}. */
    public static ObservableRecorder energyCurrent(RunAddress run) {
        return new ObservableRecorder("energy_current", run, n -> n.startsWith("energy_current."));
    }

    @Override
    protected void onSample(RunAddress run, Sample sample) {
        for (Map.Entry<String, Estimate> e : sample.observables().values().entrySet()) {
            if (selects.test(e.getKey())) {
                tracks.computeIfAbsent(e.getKey(), k -> new Track()).add(sample.t(), e.getValue());
            }
        }
    }

    @Override
    protected JsonObject summary() {
        JsonObject o = new JsonObject();
        tracks.forEach((n, t) -> o.put(n, t.json()));
        return o;
    }

    private static final class Track {
        private long samples;
        private double last;
        private double lastError;
        private double lastTime;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private double minTime;
        private double maxTime;

        void add(double t, Estimate e) {
            samples++;
            last = e.value();
            lastError = e.error();
            lastTime = t;
            if (e.value() < min) {
                min = e.value();
                minTime = t;
            }
            if (e.value() > max) {
                max = e.value();
                maxTime = t;
            }
        }

        JsonObject json() {
            JsonObject o = new JsonObject().put("samples", samples);
            number(o, "t", lastTime);
            number(o, "last", last);
            number(o, "error", lastError);
            number(o, "min", min);
            number(o, "t_min", minTime);
            number(o, "max", max);
            number(o, "t_max", maxTime);
            return o;
        }
    }
}
