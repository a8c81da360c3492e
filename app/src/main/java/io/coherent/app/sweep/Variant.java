package io.coherent.app.sweep;

import io.coherent.config.ScenarioException;
import java.util.ArrayList;
import java.util.List;

/**
 * One labelled setting of a sweep ({@code --variant 'LABEL:key=value,key=value'}): scenario overrides applied after the
 * scenario and its {@code --set}, before the swept values. A sweep with variants computes every point of its parameter
 * grid once per variant, e.g. the same model under HEOM, Redfield and local Lindblad.
 *
 * @param label     the name in the CSV's {@code variant} column and in the plots' legends
 * @param overrides {@code key=value} overrides as written, in order (may be empty: the scenario as set)
 */
public record Variant(String label, List<String> overrides) {
    static final String OPTION = "--variant";
    static final String FORMAT = "'LABEL:key=value,key=value' (LABEL not empty, without , \" or control characters; "
            + "keys of the scenario, as with --set)";

    public Variant {
        overrides = List.copyOf(overrides);
        if (label == null || label.isBlank()) {
            throw new ScenarioException(OPTION, OPTION + ": the label is empty; expected " + FORMAT);
        }
        for (char c : label.toCharArray()) {
            if (c == ',' || c == '"' || Character.isISOControl(c)) {
                throw new ScenarioException(OPTION, OPTION + " '" + label.replaceAll("\\p{Cntrl}", "?") + "': the label "
                        + "contains '" + (Character.isISOControl(c) ? "a control character" : c) + "'; expected " + FORMAT);
            }
        }
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq <= 0 || o.substring(0, eq).isBlank()) {
                throw new ScenarioException(OPTION, OPTION + " '" + label + ":...': '" + o + "' is not key=value; expected "
                        + FORMAT);
            }
        }
    }

    /** Parses {@code LABEL:key=value,key=value}: the label is everything before the first colon. */
    public static Variant parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new ScenarioException(OPTION, OPTION + " '" + text + "': no label (no colon); expected " + FORMAT);
        }
        String label = text.substring(0, colon).strip();
        String body = text.substring(colon + 1).strip();
        List<String> overrides = new ArrayList<>();
        if (!body.isEmpty()) {
            for (String o : body.split(",", -1)) {
                overrides.add(o.strip());
            }
        }
        return new Variant(label, overrides);
    }

    /** The keys this variant sets. */
    public List<String> keys() {
        return overrides.stream().map(o -> o.substring(0, o.indexOf('=')).strip()).toList();
    }

    /** As on the command line: {@code LABEL:key=value,...}. */
    public String text() {
        return label + ":" + String.join(",", overrides);
    }

    ScenarioException error(String message) {
        return new ScenarioException(OPTION, OPTION + " '" + text() + "': " + message);
    }
}
