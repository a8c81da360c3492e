package io.coherent.config;

import java.util.List;

/**
 * One parameter of a preset.
 *
 * @param name         the paper's name, e.g. {@code theta}
 * @param defaultValue the default as text (an expression such as {@code pi/8}, or a choice)
 * @param meaning      what it is, for help texts and the web page
 * @param choices      the allowed values of a choice parameter; empty for a number
 */
public record PresetParameter(String name, String defaultValue, String meaning, List<String> choices) {

    public PresetParameter {
        choices = List.copyOf(choices);
    }

    public static PresetParameter number(String name, String defaultValue, String meaning) {
        return new PresetParameter(name, defaultValue, meaning, List.of());
    }

    public static PresetParameter choice(String name, String defaultValue, String meaning, List<String> choices) {
        return new PresetParameter(name, defaultValue, meaning, choices);
    }

    public boolean isChoice() {
        return !choices.isEmpty();
    }
}
