package io.coherent.observers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A text file written in whole lines: lines are built in {@link #buffer()} and {@link #flush} writes them with
 * one system call, so the file never ends inside a line and a killed run leaves a readable file. Shared by
 * the trajectory writers. Not thread-safe.
 */
final class LineFile implements AutoCloseable {
    private final Path file;
    private final OutputStream out;
    private final StringBuilder buffer = new StringBuilder(512);
    private boolean closed;

    /**
     * Creates the directory if needed and the file (replacing an existing one).
     *
     * @throws UncheckedIOException if the directory or file cannot be created
     */
    LineFile(Path file) {
        this.file = file;
        try {
            Path directory = file.getParent();
            if (directory != null && !Files.isDirectory(directory)) {
                // only if needed: on an existing directory it builds and catches an exception, every run
                Files.createDirectories(directory);
            }
            this.out = Files.newOutputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where the next lines are built; each must end with a newline before {@link #flush}. */
    StringBuilder buffer() {
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
        return buffer;
    }

    /** Writes the buffered lines with one system call. */
    void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        try {
            out.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        buffer.setLength(0);
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
