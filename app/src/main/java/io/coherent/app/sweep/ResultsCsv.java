package io.coherent.app.sweep;

import io.coherent.core.observables.Estimate;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code DIR/results.csv}: one row per point, written and flushed as each point finishes (completion
 * order), then, on {@link #close()}, rewritten in grid order (the {@code point} column ascending; first
 * parameter slowest) by an atomic replace. A sweep that is killed leaves every finished point on disk.
 *
 * <p>Columns: {@code point}, the swept parameters, then for every observable {@code NAME} and
 * {@code NAME_error} (its error estimate), then {@code converged}, {@code relaxation_time}, {@code t} (the
 * time the values refer to; {@code Infinity} for a direct steady state), {@code seconds} (wall time of the
 * point), {@code status} ({@code ok} or {@code failed}) and {@code reason} (why it failed; empty if ok).
 * The observable columns are {@link Sweep#observables()}; a failed point leaves them empty.
 */
public final class ResultsCsv implements Consumer<PointOutcome>, AutoCloseable {
    public static final String FILE_NAME = "results.csv";

    private final Path file;
    private final Grid grid;
    private final List<String> observables;
    private final BufferedWriter writer;
    private final Map<Integer, String> rows = new TreeMap<>();

    /** Creates {@code dir} if needed and writes the header. */
    public ResultsCsv(Path dir, Grid grid, List<String> observables) {
        this.file = dir.resolve(FILE_NAME);
        this.grid = grid;
        this.observables = List.copyOf(observables);
        try {
            Files.createDirectories(dir);
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            writer.write(header());
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public int rows() {
        return rows.size();
    }

    @Override
    public void accept(PointOutcome o) {
        write(o);
        flush();
    }

    /** Writes what is left and rewrites the file in grid order. */
    @Override
    public void close() {
        try {
            writer.close();
            Path sorted = file.resolveSibling(FILE_NAME + ".tmp");
            try (BufferedWriter out = Files.newBufferedWriter(sorted, StandardCharsets.UTF_8)) {
                out.write(header());
                out.newLine();
                for (String row : rows.values()) {
                    out.write(row);
                    out.newLine();
                }
            }
            Files.move(sorted, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private String header() {
        List<String> h = new ArrayList<>();
        h.add("point");
        h.addAll(grid.names());
        for (String name : observables) {
            h.add(name);
            h.add(name + "_error");
        }
        h.addAll(List.of("converged", "relaxation_time", "t", "seconds", "status", "reason"));
        return String.join(",", h);
    }

    private void write(PointOutcome o) {
        StringBuilder b = new StringBuilder();
        b.append(o.point().index());
        for (double v : o.point().values()) {
            b.append(',').append(number(v));
        }
        PointResult r = o.result();
        for (String name : observables) {
            Estimate e = r == null ? null : r.observables().values().get(name);
            b.append(',').append(e == null ? "" : number(e.value())).append(',').append(e == null ? "" : number(e.error()));
        }
        b.append(',').append(r == null ? "" : r.converged())
                .append(',').append(r == null ? "" : number(r.relaxationTime()))
                .append(',').append(r == null ? "" : number(r.time()))
                .append(',').append(number(o.seconds()))
                .append(',').append(o.failed() ? "failed" : "ok")
                .append(',').append(o.failed() ? quoted(o.failure()) : "");
        String row = b.toString();
        if (rows.put(o.point().index(), row) != null) {
            throw new IllegalStateException("point " + o.point().index() + " was recorded twice");
        }
        try {
            writer.write(row);
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Shortest text that reads back to the same double; no negative zero. */
    static String number(double v) {
        return Double.toString(v + 0.0);
    }

    static String quoted(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
