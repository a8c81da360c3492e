package io.coherent.observers;

import io.coherent.core.observables.Estimate;
import io.coherent.integrators.RunOutcome;
import io.coherent.integrators.Sample;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Compares two runs sample by sample: for every observable both runs record, the largest |difference|
 * at output times both runs share (and where it occurred), with the larger of the two error estimates
 * there; plus each run's slowest relaxation time and how it ended. Output samples of one run wait for their
 * partner in a map; it holds at most the samples by which one run is ahead of the other, at most the
 * shorter run's output grid.
 */
public final class RunComparison extends SampleObserver {
    private final RunAddress first;
    private final RunAddress second;
    private final OptionalDouble[] relaxationTimes;
    private final Map<Double, Sample> waitingFirst = new HashMap<>();
    private final Map<Double, Sample> waitingSecond = new HashMap<>();
    private final Map<String, Difference> differences = new LinkedHashMap<>();
    private final RunOutcome[] outcomes = new RunOutcome[2];
    private long matched;

    public RunComparison(RunAddress first, OptionalDouble firstRelaxation, RunAddress second, OptionalDouble secondRelaxation) {
        super("comparison", List.of(first, second));
        this.first = first;
        this.second = second;
        this.relaxationTimes = new OptionalDouble[] {firstRelaxation, secondRelaxation};
    }

    @Override
    protected void onSample(RunAddress run, Sample sample) {
        if (sample.isEvent()) {
            return;
        }
        boolean isFirst = run.equals(first);
        Map<Double, Sample> mine = isFirst ? waitingFirst : waitingSecond;
        Map<Double, Sample> theirs = isFirst ? waitingSecond : waitingFirst;
        Sample partner = theirs.remove(sample.t());
        if (partner == null) {
            mine.put(sample.t(), sample);
            return;
        }
        matched++;
        for (Map.Entry<String, Estimate> e : sample.observables().values().entrySet()) {
            Estimate other = partner.observables().values().get(e.getKey());
            if (other != null) {
                differences.computeIfAbsent(e.getKey(), k -> new Difference())
                        .add(sample.t(), Math.abs(e.getValue().value() - other.value()),
                                Math.max(e.getValue().error(), other.error()));
            }
        }
    }

    @Override
    protected void onEnd(RunAddress run, RunOutcome outcome) {
        outcomes[run.equals(first) ? 0 : 1] = outcome;
        // samples the other run will never match
        (run.equals(first) ? waitingSecond : waitingFirst).clear();
    }

    @Override
    protected JsonObject summary() {
        JsonObject diff = new JsonObject();
        differences.forEach((n, d) -> diff.put(n, d.json()));
        return new JsonObject().put("matched_times", matched).put("max_abs_difference", diff)
                .put(first.runId(), run(0)).put(second.runId(), run(1));
    }

    private JsonObject run(int i) {
        JsonObject o = new JsonObject();
        number(o, "relaxation_time", relaxationTimes[i].orElse(Double.NaN));
        if (outcomes[i] != null) {
            number(o, "end_time", outcomes[i].last().t());
            o.put("steady_state", outcomes[i].steadyState().reason());
            number(o, "steady_state_time", outcomes[i].steadyState().time());
        }
        return o;
    }

    private static final class Difference {
        private double max = -1;
        private double at;
        private double error;

        void add(double t, double d, double err) {
            if (d > max) {
                max = d;
                at = t;
                error = err;
            }
        }

        JsonObject json() {
            JsonObject o = new JsonObject();
            number(o, "value", max);
            number(o, "t", at);
            number(o, "error", error);
            return o;
        }
    }
}
