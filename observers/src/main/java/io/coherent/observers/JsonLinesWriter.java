package io.coherent.observers;

import io.coherent.core.observables.Estimate;
import io.coherent.integrators.Sample;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes samples to {@code DIR/trajectory.jsonl}, one flushed JSON object per line:
 * {@code {"t":..,"event":"..","dydt":..,"observables":{"Jx":{"value":..,"error":..},..}}}, so a killed run
 * leaves a readable file. Non-finite numbers are written as null. Not thread-safe.
 */
public final class JsonLinesWriter implements Consumer<Sample>, AutoCloseable {
    public static final String FILE_NAME = "trajectory.jsonl";

    private final Path file;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(512);
    private long rows;

    /** @throws UncheckedIOException if the directory or file cannot be created */
    public JsonLinesWriter(Path directory) {
        this.file = directory.resolve(FILE_NAME);
        try {
            Files.createDirectories(directory);
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void accept(Sample s) {
        // written by hand: building a JSON tree per sample would cost more than the rest of the runtime
        line.setLength(0);
        line.append("{\"t\":");
        number(s.t());
        line.append(",\"event\":");
        string(s.event());
        line.append(",\"dydt\":");
        number(s.derivativeNorm());
        line.append(",\"observables\":{");
        boolean first = true;
        for (Map.Entry<String, Estimate> e : s.observables().values().entrySet()) {
            if (!first) {
                line.append(',');
            }
            first = false;
            string(e.getKey());
            line.append(":{\"value\":");
            number(e.getValue().value());
            line.append(",\"error\":");
            number(e.getValue().error());
            line.append('}');
        }
        line.append("}}\n");
        try {
            out.append(line);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        rows++;
    }

    /** Java's shortest round-trip form is valid JSON (1.0E-12); NaN and infinities become null. */
    private void number(double x) {
        if (Double.isFinite(x)) {
            line.append(x);
        } else {
            line.append("null");
        }
    }

    private void string(String text) {
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            } else if (c < 0x20) {
                line.append(String.format("\\u%04x", (int) c));
            } else {
                line.append(c);
            }
        }
        line.append('"');
    }

    public Path file() {
        return file;
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
