package io.coherent.config;

import java.util.List;

/** The presets the command line, the server and scenario files know, by name. */
public final class Presets {

    /** The default scenario. */
    public static final String DEFAULT = "partial-collective";

    private static final List<Preset> ALL = List.of(new PartialCollectivePreset(), new TwoAtomsPreset(),
            new CoupledQubitsPreset(), new CompositeQubitPreset(), new MultiplexedPreset());

    private Presets() {
    }

    public static List<Preset> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(Preset::name).toList();
    }

    /** The preset of that name, or null. */
    static Preset find(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
