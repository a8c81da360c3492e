package io.coherent.config;

/** Where a value came from: a line of a scenario file, a {@code --set} override, or a built-in default. */
record Origin(String description) {

    static final Origin DEFAULT = new Origin("");
    static final Origin SET = new Origin("--set");

    static Origin file(String file, int line) {
        return new Origin(line > 0 ? file + ", line " + line : file);
    }

    ScenarioException error(String key, String message) {
        return new ScenarioException(key, description.isEmpty() ? message : description + ": " + message);
    }
}
