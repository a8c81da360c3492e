package io.coherent.config;

import io.coherent.core.bosonic.BilinearModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated scenario, ready to run.
 *
 * @param name       short name: the preset name or the scenario file's stem (used for the default output directory)
 * @param source     where it came from, for people: {@code preset partial-collective} or the file path
 * @param method     how to compute the dynamics; {@code exact} for now
 * @param model      the bilinear model
 * @param run        run settings
 * @param parameters the preset's parameters after overrides, by the paper's names (empty for a general model)
 */
public record Scenario(String name, String source, String method, BilinearModel model, RunSettings run,
                       Map<String, Double> parameters) {

    public Scenario {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
