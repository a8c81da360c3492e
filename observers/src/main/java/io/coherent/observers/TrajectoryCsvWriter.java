package io.coherent.observers;

import io.coherent.core.dynamics.Generator;
import io.coherent.integrators.Sample;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes samples to {@code DIR/trajectory.csv}: a header {@code t,<observable>,...} with the observables
 * in the generator's order, then one line per sample. Every line is flushed as it is written, so a run
 * that is killed leaves a readable file with the samples up to that moment. Numbers are written in
 * Java's shortest round-trip form ({@code 0.1}, {@code 1.0E-12}); a value that is not finite is written
 * as {@code NaN} or {@code Infinity}. The writer is not thread-safe; the propagator calls it from one thread.
 */
public final class TrajectoryCsvWriter implements Consumer<Sample>, AutoCloseable {
    public static final String FILE_NAME = "trajectory.csv";

    private final Path file;
    private final List<String> names;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;
    private boolean closed;

    /**
     * Creates the directory if needed and writes the header (replacing an existing trajectory.csv).
     *
     * @throws UncheckedIOException if the directory or file cannot be created
     */
    public TrajectoryCsvWriter(Path directory, List<String> observableNames) {
        this.names = List.copyOf(observableNames);
        this.file = directory.resolve(FILE_NAME);
        try {
            Files.createDirectories(directory);
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            line.append('t');
            for (String n : names) {
                line.append(',').append(n);
            }
            writeLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public TrajectoryCsvWriter(Path directory, Generator generator) {
        this(directory, generator.observableNames());
    }

    @Override
    public void accept(Sample sample) {
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
        line.append(sample.t());
        for (String n : names) {
            line.append(',').append(sample.observables().value(n));
        }
        try {
            writeLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        rows++;
    }

    private void writeLine() throws IOException {
        line.append('\n');
        out.append(line);
        out.flush();
        line.setLength(0);
    }

    /** The CSV file. */
    public Path file() {
        return file;
    }

    /** Number of sample rows written (without the header). */
    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
