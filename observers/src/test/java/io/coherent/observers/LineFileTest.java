package io.coherent.observers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk: the write that does not fit is cut back, the file keeps whole lines only (issue 15). */
class LineFileTest {

    @TempDir
    Path dir;

    /** A file on a disk with {@code room} bytes free: a write takes what fits and then fails, as write(2) does. */
    private static final class FullDisk extends FileChannel {
        private final FileChannel file;
        private long room;

        FullDisk(FileChannel file, long room) {
            this.file = file;
            this.room = room;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (room == 0) {
                throw new IOException("No space left on device");
            }
            ByteBuffer part = src.slice();
            part.limit((int) Math.min(part.remaining(), room));
            int n = file.write(part);
            src.position(src.position() + n);
            room -= n;
            return n;
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            room += file.size() - Math.min(size, file.size());
            file.truncate(size);
            return this;
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public FileChannel position(long p) throws IOException {
            file.position(p);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return file.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return file.read(dsts, offset, length);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void force(boolean metaData) throws IOException {
            file.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return file.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }
    }

    @Test
    void aWriteThatDoesNotFitIsCutBackToTheLastWholeLine() throws IOException {
        Path path = dir.resolve("trajectory.jsonl");
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        LineFile file = new LineFile(path, new FullDisk(channel, 50));
        file.buffer().append("{\"seq\": 1, \"t\": 0.0}\n");
        file.flush();
        file.buffer().append("{\"seq\": 2, \"t\": 0.5}\n{\"seq\": 3, \"t\": 1.0}\n");
        UncheckedIOException full = assertThrows(UncheckedIOException.class, file::flush);
        assertTrue(full.getMessage().contains("No space left on device"), full.getMessage());
        String text = Files.readString(path);
        assertEquals("{\"seq\": 1, \"t\": 0.0}\n", text, "whole lines only");
        // once there is room again, the next lines follow the whole ones
        file.buffer().append("{\"seq\": 4, \"t\": 1.5}\n");
        file.flush();
        file.close();
        assertEquals("{\"seq\": 1, \"t\": 0.0}\n{\"seq\": 4, \"t\": 1.5}\n", Files.readString(path));
    }

    @Test
    void appendingKeepsWhatIsThere() throws IOException {
        Path path = dir.resolve("results.csv");
        Files.writeString(path, "point,x\n0,1\n");
        try (LineFile file = new LineFile(path, true)) {
            file.buffer().append("1,2\n");
        }
        assertEquals("point,x\n0,1\n1,2\n", Files.readString(path));
    }
}
