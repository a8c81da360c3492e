package io.coherent.config;

import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.dynamics.Method;
import io.coherent.core.dynamics.Model;
import java.util.List;
import java.util.Map;

/**
 * A model family from one of the source papers, with the paper's own parameter names. The loader
 * parses and validates the values (numbers as expressions, choices against their list) and the preset
 * builds the model; an {@link io.coherent.core.bath.InvalidModelException} from the model is reported
 * against the parameter it names (directly or through {@link #fieldAliases()}).
 */
public interface Preset {

    /** The name used on the command line, e.g. {@code two-atoms}. */
    String name();

    /** One line for people: the paper and the model. */
    String description();

    /** Parameters in the paper's order, with defaults (the paper's main figure). */
    List<PresetParameter> parameters();

    Model build(PresetValues values, FrequencySupport support);

    /** The method used when the scenario does not name one. */
    Method defaultMethod();

    /**
     * Whether master equations keep the Lamb shift by default for this model: TRUE or FALSE as the paper
     * does, or null to let the engine decide (on except for a flat density; refused where the principal value diverges).
     */
    default Boolean lambShiftDefault() {
        return null;
    }

    /** Maps field names of sim-core's validation errors to this preset's parameter names. */
    default Map<String, String> fieldAliases() {
        return Map.of();
    }
}
