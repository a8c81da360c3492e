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
    /** The observable names of the last sample, in order, and the track of each (null if not recorded). */
    private String[] names = new String[0];
    private Track[] byPosition = new Track[0];

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
        Map<String, Estimate> values = sample.observables().values();
        if (!sameNames(values)) {
            // the first sample (a run's samples all have the same observables): which position is recorded
            names = values.keySet().toArray(new String[0]);
            byPosition = new Track[names.length];
            for (int i = 0; i < names.length; i++) {
                if (selects.test(names[i])) {
                    byPosition[i] = tracks.computeIfAbsent(names[i], k -> new Track());
                }
            }
        }
        int i = 0;
        for (Estimate e : values.values()) {
            if (byPosition[i] != null) {
                byPosition[i].add(sample.t(), e);
            }
            i++;
        }
    }

    private boolean sameNames(Map<String, Estimate> values) {
        if (values.size() != names.length) {
            return false;
        }
        int i = 0;
        for (String n : values.keySet()) {
            if (!n.equals(names[i++])) {
                return false;
            }
        }
        return true;
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
