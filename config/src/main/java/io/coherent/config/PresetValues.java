package io.coherent.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The validated values of a preset's parameters: numbers and choices, by the paper's names. */
public record PresetValues(Map<String, Double> numbers, Map<String, String> choices) {

    public PresetValues {
        numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
        choices = Collections.unmodifiableMap(new LinkedHashMap<>(choices));
    }

    public double number(String name) {
        Double v = numbers.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no numeric parameter " + name + "; have " + numbers.keySet());
        }
        return v;
    }

    public String choice(String name) {
        String v = choices.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no choice parameter " + name + "; have " + choices.keySet());
        }
        return v;
    }
}
