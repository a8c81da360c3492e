package io.coherent.app.server;

import io.coherent.app.cli.Reports;
import io.coherent.config.ModelLimits;
import io.coherent.config.ScenarioException;

/**
 * Where the server listens and what it allows.
 *
 * @param maxBodyBytes      largest request body (a scenario); larger ones get 413
 * @param maxRunningRuns    runs integrating at once; more get 429
 * @param maxPoints         output times of one run (and so its stream and history)
 * @param maxUntil          final time of one run
 * @param keptRuns          runs kept, running or ended, for status, stream replay and download (the oldest ended
 *                          forgotten first; new runs refused (503) while all kept runs are running)
 * @param historyBytes      memory for the histories of kept and running runs; beyond it the oldest ended runs are
 *                          forgotten, and new runs refused (503) while running runs fill it
 * @param maxDimension      largest Hilbert-space dimension (or number of modes) of a run's model; beyond it 400
 */
record ServerSettings(String host, int port, int maxBodyBytes, int maxRunningRuns, int maxPoints, double maxUntil,
                      int keptRuns, long historyBytes, long maxDimension) {

    /** {@code coherent serve}'s default memory for histories: 256 MB, about nine 20000-sample runs. */
    static final long DEFAULT_HISTORY_BYTES = 256_000_000;
    /**
     * {@code coherent serve}'s default largest model: d = 64 (six qubits) builds its generator in well under a
     * second, so that no request holds a run slot for long; {@code coherent run} allows 512.
     */
    static final long DEFAULT_MAX_DIMENSION = 64;

    ServerSettings(String host, int port, int maxBodyBytes, int maxRunningRuns, int maxPoints, double maxUntil,
                   int keptRuns) {
        this(host, port, maxBodyBytes, maxRunningRuns, maxPoints, maxUntil, keptRuns, DEFAULT_HISTORY_BYTES,
                DEFAULT_MAX_DIMENSION);
    }

    ServerSettings {
        ListenAddress.check(host);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port " + port + " is not allowed: expected 0 .. 65535");
        }
        positive("--max-body", maxBodyBytes);
        positive("--max-runs", maxRunningRuns);
        positive("--max-points", maxPoints);
        positive("--kept-runs", keptRuns);
        if (historyBytes < 1_000_000) {
            throw new IllegalArgumentException("--history-mb " + historyBytes / 1e6 + " is not allowed: expected an "
                    + "integer >= 1 (megabytes)");
        }
        positive("--max-dimension", maxDimension);
        if (!(maxUntil > 0) || Double.isInfinite(maxUntil)) {
            throw new IllegalArgumentException("--max-until " + maxUntil + " is not allowed: expected a finite number > 0");
        }
    }

    ModelLimits modelLimits() {
        return new ModelLimits(maxDimension, "--max-dimension");
    }

    /**
     * Refuses, naming {@code points} or {@code until}, a run with more output times than the server's limit or one that
     * ends later.
     */
    void checkRun(int points, double until) {
        if (points > maxPoints) {
            throw new ScenarioException("points", "points = " + points + " is not allowed here: the server runs "
                    + "at most " + maxPoints + " output times (--max-points)");
        }
        if (until > maxUntil) {
            throw new ScenarioException("until", "until = " + Reports.g(until) + " is not allowed here: the server "
                    + "runs up to t = " + Reports.g(maxUntil) + " (--max-until)");
        }
    }

    private static void positive(String option, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " " + value + " is not allowed: expected an integer >= 1");
        }
    }
}
