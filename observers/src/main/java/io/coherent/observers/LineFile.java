package io.coherent.observers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A text file written in whole lines: lines are built in {@link #buffer()} and {@link #flush} writes them at once.
 * The file never ends inside a line: a killed run leaves the lines written so far, and a write that fails half-way
 * (a full disk writes what fits, then fails) is cut back to where it started before the error is reported. Shared by
 * the trajectory writers and the sweep's results file. Not thread-safe.
 */
public final class LineFile implements AutoCloseable {
    private final Path file;
    private final FileChannel out;
    private final StringBuilder buffer = new StringBuilder(512);
    private boolean closed;

    /**
     * Creates the directory if needed and the file (replacing an existing one), or appends to it.
     *
     * @throws UncheckedIOException if the directory or file cannot be created
     */
    public LineFile(Path file, boolean append) {
        this(file, open(file, append));
    }

    /** Creates the directory if needed and the file (replacing an existing one). */
    LineFile(Path file) {
        this(file, false);
    }

    /** Writes through {@code channel}, positioned at the end of the file's whole lines. */
    LineFile(Path file, FileChannel channel) {
        this.file = file;
        this.out = channel;
    }

    private static FileChannel open(Path file, boolean append) {
        try {
            Path directory = file.getParent();
            if (directory != null && !Files.isDirectory(directory)) {
                // only if needed: on an existing directory it builds and catches an exception, every run
                Files.createDirectories(directory);
            }
            FileChannel channel = append
                    ? FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE)
                    : FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING);
            channel.position(channel.size());
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where the next lines are built; each must end with a newline before {@link #flush}. */
    public StringBuilder buffer() {
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
        return buffer;
    }

    /**
     * Writes the buffered lines. If the write fails part-way, the file is truncated back to its length before it (the
     * lines are lost, the file stays whole) and the failure is thrown.
     */
    public void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.wrap(buffer.toString().getBytes(StandardCharsets.UTF_8));
        buffer.setLength(0);
        long before;
        try {
            before = out.position();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        try {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            try {
                out.truncate(before);
                out.position(before);
            } catch (IOException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage() + " (the file keeps its "
                    + "whole lines up to the last one written)", e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        UncheckedIOException failure = null;
        try {
            flush();
        } catch (UncheckedIOException e) {
            failure = e;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            UncheckedIOException closing = new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
            if (failure == null) {
                failure = closing;
            } else {
                failure.addSuppressed(closing);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
