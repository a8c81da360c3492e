package io.coherent.observers;

import io.coherent.core.observables.Estimate;
import io.coherent.integrators.Sample;
import io.vertx.core.json.JsonObject;
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
        JsonObject observables = new JsonObject();
        for (Map.Entry<String, Estimate> e : s.observables().values().entrySet()) {
            observables.put(e.getKey(), new JsonObject().put("value", finite(e.getValue().value()))
                    .put("error", finite(e.getValue().error())));
        }
        JsonObject line = new JsonObject().put("t", s.t()).put("event", s.event()).put("dydt", finite(s.derivativeNorm()))
                .put("observables", observables);
        try {
            out.write(line.encode());
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        rows++;
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
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
