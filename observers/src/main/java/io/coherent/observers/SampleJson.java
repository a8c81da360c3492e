package io.coherent.observers;

import io.coherent.core.observables.Estimate;
import io.coherent.integrators.RunOutcome;
import io.coherent.integrators.Sample;
import io.coherent.integrators.SteadyStateVerdict;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The wire form of a run's stream (JSON, so that it travels to web pages and across a cluster):
 * {@code {"seq": 3, "t": 0.5, "values": {"Jx": ...}, "errors": {"Jx": ...}, "dydt": ..., "event": "", "converged": true}}
 * for a sample ({@code converged} false: some error estimate exceeds the tolerance asked, the generator's
 * {@code sampleTolerance}) and {@code {"seq": 12, "end": true, "t": ..., "steady_state": {...}, "stopped_by": ..., "failure": ...}}
 * for the end of the run. Numbers that are NaN or infinite are null.
 */
public final class SampleJson {

    private SampleJson() {
    }

    public static JsonObject sample(long seq, Sample s) {
        JsonObject values = new JsonObject();
        JsonObject errors = new JsonObject();
        for (Map.Entry<String, Estimate> e : s.observables().values().entrySet()) {
            SampleObserver.number(values, e.getKey(), e.getValue().value());
            SampleObserver.number(errors, e.getKey(), e.getValue().error());
        }
        JsonObject o = new JsonObject().put("seq", seq);
        SampleObserver.number(o, "t", s.t());
        o.put("values", values).put("errors", errors);
        SampleObserver.number(o, "dydt", s.derivativeNorm());
        return o.put("event", s.event()).put("converged", s.converged());
    }

    public static JsonObject end(long seq, RunOutcome outcome) {
        SteadyStateVerdict v = outcome.steadyState();
        JsonObject steady = new JsonObject().put("reached", v.reached());
        SampleObserver.number(steady, "time", v.time());
        steady.put("reason", v.reason());
        JsonObject o = new JsonObject().put("seq", seq).put("end", true);
        SampleObserver.number(o, "t", outcome.last().t());
        return o.put("steady_state", steady).put("stopped_by", outcome.stoppedBy()).put("failure", outcome.failure());
    }

    /** The end of a run that never started: no time reached, no steady state, why it ended. */
    public static JsonObject endBeforeStart(long seq, String stoppedBy, String failure) {
        JsonObject steady = new JsonObject().put("reached", false).put("reason", "the run did not start");
        return new JsonObject().put("seq", seq).put("end", true).putNull("t").put("steady_state", steady)
                .put("stopped_by", stoppedBy).put("failure", failure);
    }

    public static boolean isEnd(JsonObject message) {
        return message.getBoolean("end", false);
    }
}
