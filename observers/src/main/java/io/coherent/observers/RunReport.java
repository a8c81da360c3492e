package io.coherent.observers;

import io.coherent.integrators.RunOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A finished run: how it ended, what each of its observers found (by observer name), and its meters
 * (integration, samples published, samples dropped per live subscriber, run time).
 */
public record RunReport(RunAddress run, RunOutcome outcome, Map<String, JsonObject> observers, MeterRegistry metrics) {

    public RunReport {
        observers = Collections.unmodifiableMap(new LinkedHashMap<>(observers));
    }
}
