package io.coherent.observers;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import io.coherent.core.observables.Estimate;
import io.coherent.integrators.Sample;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes samples to {@code DIR/trajectory.jsonl}, one JSON object per line:
 * {@code {"t":..,"event":"..","dydt":..,"converged":true,"observables":{"Jx":{"value":..,"error":..},..}}}
 * ({@code converged}: every error estimate met the generator's sample tolerance). {@link #accept}
 * writes its line at once; {@link #append} collects lines until {@link #flush} writes them with one system
 * call. Only whole lines are ever written, so a killed run leaves a readable file. Non-finite numbers are
 * written as null. Not thread-safe.
 */
public final class JsonLinesWriter implements Consumer<Sample>, AutoCloseable {
    public static final String FILE_NAME = "trajectory.jsonl";

    private final LineFile out;
    private long rows;

    /** @throws UncheckedIOException if the directory or file cannot be created */
    public JsonLinesWriter(Path directory) {
        this.out = new LineFile(directory.resolve(FILE_NAME));
    }

    /** Writes the sample's line (and any lines appended before it) at once. */
    @Override
    public void accept(Sample s) {
        append(s);
        flush();
    }

    /** Adds the sample's line to those {@link #flush} writes. */
    public void append(Sample s) {
        // written by hand: building a JSON tree per sample would cost more than the rest of the runtime
        StringBuilder line = out.buffer();
        line.append("{\"t\":");
        number(line, s.t());
        line.append(",\"event\":");
        string(line, s.event());
        line.append(",\"dydt\":");
        number(line, s.derivativeNorm());
        line.append(",\"converged\":").append(s.converged());
        line.append(",\"observables\":{");
        boolean first = true;
        for (Map.Entry<String, Estimate> e : s.observables().values().entrySet()) {
            if (!first) {
                line.append(',');
            }
            first = false;
            string(line, e.getKey());
            line.append(":{\"value\":");
            number(line, e.getValue().value());
            line.append(",\"error\":");
            number(line, e.getValue().error());
            line.append('}');
        }
        line.append("}}\n");
        rows++;
    }

    /** Writes the appended lines with one system call: the file never ends inside a line. */
    public void flush() {
        out.flush();
    }

    /**
     * Java's shortest round-trip form (Schubfach, as in {@link TrajectoryCsvWriter}) is valid JSON (1.0E-12);
     * NaN and infinities become null.
     */
    private static void number(StringBuilder line, double x) {
        if (Double.isFinite(x)) {
            line.append(DoubleToDecimal.toString(x));
        } else {
            line.append("null");
        }
    }

    private static void string(StringBuilder line, String text) {
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
        return out.file();
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        out.close();
    }
}
