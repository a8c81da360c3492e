package io.coherent.app.sweep;

import io.coherent.config.Scenario;
import io.coherent.config.ScenarioException;
import io.coherent.config.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The scenario of a sweep in a form that travels to another machine: a preset by name, or the text of a scenario
 * file together with the file's name (for its default name and for messages). A sweep loads every point from it,
 * so a file is read once, and the coordinator and its workers load the same text the same way.
 *
 * @param preset the preset's name, or null for a file
 * @param file   the file's name as given on the command line, or null for a preset
 * @param text   the file's content, or null for a preset
 */
public record ScenarioSource(String preset, String file, String text) {

    public ScenarioSource {
        if ((preset == null) == (file == null) || (file == null) != (text == null)) {
            throw new IllegalArgumentException("a scenario source is a preset or a file with its text");
        }
    }

    /**
     * A preset name or a scenario file, as on the command line (null or blank: the default preset). A file is read
     * now; a name that is neither is refused as {@link ScenarioLoader#load} refuses it.
     */
    public static ScenarioSource of(String presetOrFile) {
        if (presetOrFile == null || presetOrFile.isBlank()) {
            return new ScenarioSource(ScenarioLoader.DEFAULT_PRESET, null, null);
        }
        if (ScenarioLoader.PRESETS.contains(presetOrFile)) {
            return new ScenarioSource(presetOrFile, null, null);
        }
        Path path = Path.of(presetOrFile);
        if (!Files.isRegularFile(path)) {
            ScenarioLoader.load(presetOrFile, List.of()); // throws the loader's one-line message
        }
        try {
            return new ScenarioSource(null, presetOrFile, Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ScenarioException("scenario", "cannot read scenario file " + presetOrFile + ": " + e.getMessage());
        }
    }

    /** The scenario with {@code key=value} overrides applied in order. */
    public Scenario load(List<String> overrides) {
        return preset != null ? ScenarioLoader.loadPreset(preset, overrides)
                : ScenarioLoader.loadFileText(text, Path.of(file), overrides);
    }
}
