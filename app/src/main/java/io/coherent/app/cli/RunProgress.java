package io.coherent.app.cli;

import io.coherent.app.plot.Ticks;
import io.coherent.integrators.RunOutcome;
import io.coherent.integrators.Sample;
import io.coherent.observers.RunAddress;
import io.coherent.observers.SampleObserver;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress of a run on a terminal (stderr): time reached, samples, time elapsed and an estimate of the time
 * left, redrawn in place at most once per {@link #INTERVAL_NANOS}, and a last line at the end. {@code coherent run}
 * adds it only when a console is attached and without {@code --quiet}.
 */
final class RunProgress extends SampleObserver {
    static final long INTERVAL_NANOS = 1_000_000_000L;
    private final PrintWriter err;
    private final double start;
    private final double end;
    private final LongSupplier clock;
    private long started;
    private long lastDrawn;
    private long samples;
    private double t;
    private int lines;

    /** @param start, end the run's first and last output time */
    RunProgress(RunAddress run, PrintWriter err, double start, double end, LongSupplier clock) {
        super("progress", List.of(run));
        this.err = err;
        this.start = start;
        this.end = end;
        this.clock = clock;
        this.started = clock.getAsLong();
        this.lastDrawn = started;
    }

    @Override
    protected void onSample(RunAddress run, Sample sample) {
        long now = clock.getAsLong();
        if (samples++ == 0) {
            started = now; // the clock starts with the integration, not with the runtime
            lastDrawn = now;
        }
        t = sample.t();
        if (now - lastDrawn >= INTERVAL_NANOS) {
            lastDrawn = now;
            err.print("\r" + line(now) + "\u001B[K");
            err.flush();
            lines++;
        }
    }

    @Override
    protected void onEnd(RunAddress run, RunOutcome outcome) {
        if (lines > 0) {
            err.println("\r" + line(clock.getAsLong()) + "\u001B[K");
            err.flush();
        }
    }

    /** {@code run: t = 123.4 of 500 (25 %), 99 samples, 3.2 s elapsed, about 9.6 s left}. */
    String line(long now) {
        double elapsed = (now - started) / 1e9;
        double fraction = end > start ? Math.min(1, Math.max(0, (t - start) / (end - start))) : 1;
        String left = fraction > 0 && fraction < 1
                ? String.format(Locale.ROOT, ", about %.1f s left", elapsed * (1 - fraction) / fraction) : "";
        return String.format(Locale.ROOT, "run: t = %s of %s (%.0f %%), %d samples, %.1f s elapsed%s",
                Ticks.number(t, 4), Ticks.number(end, 4), 100 * fraction, samples, elapsed, left);
    }

    @Override
    protected JsonObject summary() {
        return new JsonObject().put("lines_drawn", lines);
    }
}
