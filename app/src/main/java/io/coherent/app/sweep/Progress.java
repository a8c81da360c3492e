package io.coherent.app.sweep;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress of a sweep on stderr. On a terminal: one bar redrawn in place (at most 10 times a second) with
 * points done, failures, elapsed time and an estimate of the time left. Otherwise: a plain line every
 * {@code interval} seconds. Not thread-safe: {@link Sweep#run} calls its sink from one thread at a time.
 */
public final class Progress implements Consumer<PointOutcome> {
    private static final int BAR = 30;
    private static final long TERMINAL_REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final int total;
    private final long started;
    private long lastPrinted;
    private int done;
    private int failed;

    /**
     * @param terminal        draw a bar in place (true when a console is attached) instead of plain lines
     * @param intervalSeconds seconds between plain lines
     * @param clock           nanosecond clock (System::nanoTime)
     */
    public Progress(PrintWriter err, boolean terminal, double intervalSeconds, int total, LongSupplier clock) {
        this.err = err;
        this.terminal = terminal;
        this.intervalNanos = (long) (intervalSeconds * 1e9);
        this.clock = clock;
        this.total = total;
        this.started = clock.getAsLong();
        this.lastPrinted = started;
    }

    @Override
    public void accept(PointOutcome o) {
        done++;
        if (o.failed()) {
            failed++;
        }
        long now = clock.getAsLong();
        if (done == total || now - lastPrinted >= (terminal ? TERMINAL_REDRAW_NANOS : intervalNanos)) {
            lastPrinted = now;
            print(now);
        }
    }

    /** Ends the bar's line on a terminal. */
    public void finish() {
        if (terminal) {
            err.println();
            err.flush();
        }
    }

    private void print(long now) {
        double elapsed = (now - started) / 1e9;
        double left = elapsed / done * (total - done);
        String counts = String.format(Locale.ROOT, "%d/%d points (%.0f%%)%s, %s elapsed, %s", done, total,
                100.0 * done / total, failed == 0 ? "" : ", " + failed + " failed", duration(elapsed),
                done == total ? "done" : "about " + duration(left) + " left");
        if (terminal) {
            int filled = (int) ((long) BAR * done / total);
            err.print("\r[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + counts + "   ");
        } else {
            err.println("sweep: " + counts);
        }
        err.flush();
    }

    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d h %02d min", s / 3600, s / 60 % 60);
    }
}
