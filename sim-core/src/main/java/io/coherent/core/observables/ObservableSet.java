package io.coherent.core.observables;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Named observables in a stable order, each with its error estimate. Immutable. */
public record ObservableSet(Map<String, Estimate> values) {

    public ObservableSet {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public double value(String name) {
        Estimate e = values.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no observable named " + name + "; available: " + values.keySet());
        }
        return e.value();
    }

    public double error(String name) {
        return values.get(name).error();
    }
}
