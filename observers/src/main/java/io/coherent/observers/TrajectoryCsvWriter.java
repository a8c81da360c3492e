package io.coherent.observers;

import io.coherent.core.dynamics.Generator;
import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import io.coherent.integrators.Sample;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes samples to {@code DIR/trajectory.csv}: a header {@code t,<observable>,<observable>_error,...,converged} with
 * the observables in the generator's order, each followed by its error estimate (named as in a sweep's results.csv),
 * and last whether the sample met the generator's sample tolerance ({@code true}/{@code false}: false marks values
 * less accurate than asked), then one line per sample. {@link #accept} writes its line at once; {@link #append}
 * collects lines until {@link #flush} writes them with one system call (a batch of samples). Only whole lines
 * are ever written, so a run that is killed leaves a readable file with the samples up to its last write.
 * Numbers are written in Java's shortest round-trip form ({@code 0.1}, {@code 1.0E-12}; Schubfach, from the
 * jackson-core that Vert.x brings for its JSON: several times faster than Java 17's {@code Double.toString},
 * which is most of a trajectory writer's time); a value that is not finite is written as {@code NaN} or
 * {@code Infinity}. The writer is not thread-safe; one thread calls it.
 */
public final class TrajectoryCsvWriter implements Consumer<Sample>, AutoCloseable {
    public static final String FILE_NAME = "trajectory.csv";
    /** The column of an observable's error estimate is its name with this suffix, in every CSV the product writes. */
    public static final String ERROR_SUFFIX = "_error";
    /** The last column: whether the sample's error estimates met the tolerance asked ({@code true}/{@code false}). */
    public static final String CONVERGED = "converged";

    private final LineFile out;
    private final List<String> names;
    private long rows;

    /**
     * Creates the directory if needed and writes the header (replacing an existing trajectory.csv).
     *
     * @throws UncheckedIOException if the directory or file cannot be created
     */
    public TrajectoryCsvWriter(Path directory, List<String> observableNames) {
        this.names = List.copyOf(observableNames);
        this.out = new LineFile(directory.resolve(FILE_NAME));
        StringBuilder header = out.buffer().append('t');
        for (String n : names) {
            header.append(',').append(n).append(',').append(n).append(ERROR_SUFFIX);
        }
        header.append(',').append(CONVERGED).append('\n');
        out.flush();
    }

    public TrajectoryCsvWriter(Path directory, Generator generator) {
        this(directory, generator.observableNames());
    }

    /** Writes the sample's line (and any lines appended before it) at once. */
    @Override
    public void accept(Sample sample) {
        append(sample);
        flush();
    }

    /** Adds the sample's line to those {@link #flush} writes. */
    public void append(Sample sample) {
        StringBuilder pending = out.buffer();
        int start = pending.length();
        pending.append(DoubleToDecimal.toString(sample.t()));
        try {
            for (String n : names) {
                pending.append(',').append(DoubleToDecimal.toString(sample.observables().value(n))).append(',')
                        .append(DoubleToDecimal.toString(sample.observables().error(n)));
            }
        } catch (IllegalArgumentException unknownObservable) {
            pending.setLength(start);
            throw unknownObservable;
        }
        pending.append(',').append(sample.converged()).append('\n');
        rows++;
    }

    /** Writes the appended lines with one system call: the file never ends inside a line. */
    public void flush() {
        out.flush();
    }

    /** The CSV file. */
    public Path file() {
        return out.file();
    }

    /** Number of sample rows written or appended (without the header). */
    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        out.close();
    }
}
