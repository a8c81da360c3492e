package io.coherent.observers;

import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.SampleTolerance;
import io.coherent.integrators.Sample;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches each sample's {@code converged} flag (its error estimates against the generator's sample tolerance) and
 * summarises where a run is less accurate than asked: the spans of consecutive samples not converged, how many, and
 * the estimate furthest beyond the tolerance. Summary:
 * {@code {"tolerance": "quadrature_tolerance 1e-08", "samples": 401, "not_converged": 12, "converged": false,
 * "spans": [{"from": 0.5, "to": 2, "samples": 12}], "worst": {"name": "Jx", "t": 0.5, "value": .., "error": ..}}}
 * (at most {@link #MAX_SPANS} spans, in time order; {@code spans_left_out} counts the rest).
 */
public final class AccuracyWatcher extends SampleObserver {
    /** The observer's name (its summary's key among the run's observers). */
    public static final String NAME = "accuracy";
    /** Spans kept in the summary. */
    public static final int MAX_SPANS = 20;

    private final SampleTolerance tolerance;
    private final List<double[]> spans = new ArrayList<>();
    private long samples;
    private long notConverged;
    private long spansLeftOut;
    /** Inside a span of samples not converged, and whether that span is kept. */
    private boolean open;
    private boolean tracked;
    private double worstExcess = -1;
    private String worstName;
    private double worstTime = Double.NaN;
    private Estimate worst;

    public AccuracyWatcher(RunAddress run, SampleTolerance tolerance) {
        super(NAME, List.of(run));
        this.tolerance = tolerance;
    }

    @Override
    protected void onSample(RunAddress run, Sample sample) {
        samples++;
        if (sample.converged()) {
            open = false;
            return;
        }
        notConverged++;
        if (!open) {
            open = true;
            tracked = spans.size() < MAX_SPANS;
            if (tracked) {
                spans.add(new double[] {sample.t(), sample.t(), 0});
            } else {
                spansLeftOut++;
            }
        }
        if (tracked) {
            double[] span = spans.get(spans.size() - 1);
            span[1] = sample.t();
            span[2]++;
        }
        String name = tolerance.worst(sample.observables());
        if (name != null) {
            Estimate e = sample.observables().values().get(name);
            double excess = tolerance.excess(e);
            if (excess > worstExcess) {
                worstExcess = excess;
                worstName = name;
                worstTime = sample.t();
                worst = e;
            }
        }
    }

    @Override
    protected JsonObject summary() {
        JsonObject o = new JsonObject().put("tolerance", tolerance.description()).put("samples", samples)
                .put("not_converged", notConverged).put("converged", notConverged == 0);
        JsonArray s = new JsonArray();
        for (double[] span : spans) {
            JsonObject j = new JsonObject();
            number(j, "from", span[0]);
            number(j, "to", span[1]);
            s.add(j.put("samples", (long) span[2]));
        }
        o.put("spans", s).put("spans_left_out", spansLeftOut);
        if (worst == null) {
            o.putNull("worst");
        } else {
            JsonObject w = new JsonObject().put("name", worstName);
            number(w, "t", worstTime);
            number(w, "value", worst.value());
            number(w, "error", worst.error());
            o.put("worst", w);
        }
        return o;
    }
}
