package io.coherent.config;

import io.coherent.core.bosonic.BilinearModel;
import io.coherent.core.dynamics.Model;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated scenario, ready to run.
 *
 * @param name       short name: the preset name or the scenario file's stem (used for the default output directory)
 * @param source     where it came from, for people: {@code preset partial-collective} or the file path
 * @param method     how to compute the dynamics: one of {@link io.coherent.core.dynamics.Method#ids()}, already
 *                   checked to apply to the model
 * @param model      the model (a bilinear bosonic model or a finite open system)
 * @param run        run settings
 * @param parameters the preset's numeric parameters after overrides, by the paper's names (empty for a general model)
 * @param choices    the preset's choice parameters (e.g. {@code case = A}), by the paper's names
 */
public record Scenario(String name, String source, String method, Model model, RunSettings run,
                       Map<String, Double> parameters, Map<String, String> choices) {

    public Scenario {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        choices = Collections.unmodifiableMap(new LinkedHashMap<>(choices));
    }

    /** The model as a bilinear bosonic model; fails if it is a finite open system. */
    public BilinearModel bilinearModel() {
        if (model instanceof BilinearModel b) {
            return b;
        }
        throw new IllegalStateException(name + " is not a bilinear bosonic model");
    }
}
