package io.coherent.app.sweep;

import io.coherent.core.observables.Estimate;
import io.coherent.observers.LineFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.coherent.core.observables.ObservableSet;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code DIR/results.csv}: one row per point, written and flushed as each point finishes (completion
 * order), then, on {@link #close()}, rewritten in grid order (the {@code point} column ascending; first
 * parameter slowest) by an atomic replace. A sweep that is killed leaves every finished point on disk.
 *
 * <p>Columns: {@code point}, {@code variant} (its label; only in a sweep with variants), the swept parameters, then
 * for every observable {@code NAME} and {@code NAME_error} (its error estimate; both empty where the point's
 * variant does not report it), then {@code converged}, {@code unique} (false where the steady state depends on the initial state), {@code relaxation_time}, {@code t} (the
 * time the values refer to; {@code Infinity} for a direct steady state), {@code seconds} (wall time of the
 * point), {@code status} ({@code ok} or {@code failed}) and {@code reason} (why it failed; empty if ok).
 * The observable columns are {@link Sweep#observables()}; a failed point leaves them empty.
 */
public final class ResultsCsv implements Consumer<PointOutcome>, AutoCloseable {
    public static final String FILE_NAME = "results.csv";

    private final Path file;
    private final Grid grid;
    private final List<String> observables;
    private final LineFile writer;
    private final Map<Integer, String> rows = new TreeMap<>();
    private final List<PointOutcome> recorded;

    /** Creates {@code dir} if needed and writes the header. */
    public ResultsCsv(Path dir, Grid grid, List<String> observables) {
        this.file = dir.resolve(FILE_NAME);
        this.grid = grid;
        this.observables = List.copyOf(observables);
        this.recorded = List.of();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        this.writer = new LineFile(file, false);
        writer.buffer().append(header()).append('\n');
        writer.flush();
    }

    /**
     * Opens the {@code results.csv} of an interrupted sweep in {@code dir} to append the points it lacks. Its
     * complete rows are kept as they are and read back ({@link #recorded}); a last row cut short by the
     * interruption (no line end) is dropped. Refuses, with an {@link IllegalArgumentException} naming the
     * file, a header or a row that is not this sweep's.
     */
    public static ResultsCsv resume(Path dir, Grid grid, List<String> observables) {
        Path file = dir.resolve(FILE_NAME);
        try {
            return new ResultsCsv(file, grid, observables, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume " + file + ": " + e.getMessage(), e);
        }
    }

    /** @param text the file's content so far */
    private ResultsCsv(Path file, Grid grid, List<String> observables, String text) throws IOException {
        this.file = file;
        this.grid = grid;
        this.observables = List.copyOf(observables);
        List<PointOutcome> read = new ArrayList<>();
        String complete = text.substring(0, text.lastIndexOf('\n') + 1); // what follows was cut short
        List<String> lines = complete.lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(header())) {
            throw new IllegalArgumentException(file + " has another header than this sweep's: "
                    + (lines.isEmpty() ? "none" : lines.get(0)));
        }
        for (int i = 1; i < lines.size(); i++) {
            PointOutcome o = parse(lines.get(i), i + 1);
            if (rows.putIfAbsent(o.point().index(), lines.get(i)) == null) {
                read.add(o);
            }
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(complete.getBytes(StandardCharsets.UTF_8).length);
        }
        // whole lines only, also on a full disk (LineFile cuts a failed write back)
        this.writer = new LineFile(file, true);
        this.recorded = List.copyOf(read);
    }

    /** The points read back by {@link #resume}, in file order (empty for a new file). */
    public List<PointOutcome> recorded() {
        return recorded;
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
        if (grid.hasVariants()) {
            h.add("variant");
        }
        h.addAll(grid.names());
        for (String name : observables) {
            h.add(name);
            h.add(name + "_error");
        }
        h.addAll(List.of("converged", "unique", "relaxation_time", "t", "seconds", "status", "reason"));
        return String.join(",", h);
    }

    private void write(PointOutcome o) {
        StringBuilder b = new StringBuilder();
        b.append(o.point().index());
        if (grid.hasVariants()) {
            b.append(',').append(grid.variant(o.point()).label());
        }
        for (double v : o.point().values()) {
            b.append(',').append(number(v));
        }
        PointResult r = o.result();
        for (String name : observables) {
            Estimate e = r == null ? null : r.observables().values().get(name);
            b.append(',').append(e == null ? "" : number(e.value())).append(',').append(e == null ? "" : number(e.error()));
        }
        b.append(',').append(r == null ? "" : r.converged())
                .append(',').append(r == null ? "" : r.unique())
                .append(',').append(r == null ? "" : number(r.relaxationTime()))
                .append(',').append(r == null ? "" : number(r.time()))
                .append(',').append(number(o.seconds()))
                .append(',').append(o.failed() ? "failed" : "ok")
                .append(',').append(o.failed() ? quoted(o.failure()) : "");
        String row = b.toString();
        if (rows.put(o.point().index(), row) != null) {
            throw new IllegalStateException("point " + o.point().index() + " was recorded twice");
        }
        writer.buffer().append(row).append('\n');
    }

    private void flush() {
        writer.flush();
    }

    /** A row as {@link #write} wrote it; {@code line} (1-based) for messages. */
    private PointOutcome parse(String row, int line) {
        int labels = grid.hasVariants() ? 1 : 0;
        int columns = 1 + labels + grid.axes().size() + 2 * observables.size() + 7;
        // the reason, last, is quoted and may contain commas
        String[] f = row.split(",", columns);
        String where = file + ", line " + line;
        if (f.length != columns) {
            throw new IllegalArgumentException(where + ": expected " + columns + " columns: " + row);
        }
        try {
            int index = Integer.parseInt(f[0]);
            if (index < 0 || index >= grid.size()) {
                throw new IllegalArgumentException(where + ": point " + index + " is not in this sweep's grid of "
                        + grid.size());
            }
            Grid.Point point = grid.point(index);
            if (labels == 1 && !f[1].equals(grid.variant(point).label())) {
                throw new IllegalArgumentException(where + ": point " + index + " has variant " + f[1]
                        + ", this sweep's grid " + grid.variant(point).label());
            }
            for (int k = 0; k < grid.axes().size(); k++) {
                if (!f[1 + labels + k].equals(number(point.values().get(k)))) {
                    throw new IllegalArgumentException(where + ": point " + index + " has " + grid.axes().get(k).name()
                            + " = " + f[1 + labels + k] + ", this sweep's grid " + number(point.values().get(k)));
                }
            }
            int c = 1 + labels + grid.axes().size();
            double seconds = Double.parseDouble(f[columns - 3]);
            if (f[columns - 2].equals("failed")) {
                String reason = f[columns - 1];
                if (reason.length() < 2 || !reason.startsWith("\"") || !reason.endsWith("\"")) {
                    throw new IllegalArgumentException(where + ": the reason of a failed point must be quoted: " + row);
                }
                return new PointOutcome(point, null, reason.substring(1, reason.length() - 1).replace("\"\"", "\""), seconds);
            }
            if (!f[columns - 2].equals("ok")) {
                throw new IllegalArgumentException(where + ": status = " + f[columns - 2] + ", expected ok or failed");
            }
            Map<String, Estimate> values = new LinkedHashMap<>();
            for (String name : observables) {
                if (!f[c].isEmpty()) { // empty: not an observable of this point's variant
                    values.put(name, new Estimate(Double.parseDouble(f[c]), Double.parseDouble(f[c + 1])));
                }
                c += 2;
            }
            PointResult result = new PointResult(new ObservableSet(values), Boolean.parseBoolean(f[c]),
                    Boolean.parseBoolean(f[c + 1]), Double.parseDouble(f[c + 2]), Double.parseDouble(f[c + 3]));
            return new PointOutcome(point, result, null, seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": not a number: " + e.getMessage());
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
