package io.coherent.config;

/**
 * A scenario that cannot be run as written: an unknown key, a value out of range, a malformed file.
 * The message is always one line: where the value came from (file and line, or {@code --set}), the key
 * and what is allowed, so that the command line can print it as it is.
 */
public final class ScenarioException extends IllegalArgumentException {
    private final String key;

    public ScenarioException(String key, String message) {
        super(oneLine(message));
        this.key = key;
    }

    /** The user-facing key the problem is about (e.g. {@code gamma}, {@code baths.hot.coupling}). */
    public String key() {
        return key;
    }

    /** {@code s} on one line: line breaks and the blanks around them become one space (null: the empty string). */
    public static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
