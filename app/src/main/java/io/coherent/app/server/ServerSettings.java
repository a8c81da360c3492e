package io.coherent.app.server;

import io.coherent.app.cli.Reports;
import io.coherent.config.ScenarioException;

/**
 * Where the server listens and what it allows.
 *
 * @param maxBodyBytes      largest request body (a scenario); larger ones get 413
 * @param maxRunningRuns    runs integrating at once; more get 429
 * @param maxPoints         output times of one run (and so its stream and history)
 * @param maxUntil          final time of one run
 * @param keptRuns          finished runs kept for status, stream replay and download (oldest forgotten first)
 */
record ServerSettings(String host, int port, int maxBodyBytes, int maxRunningRuns, int maxPoints, double maxUntil,
                      int keptRuns) {

    ServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port " + port + " is not allowed: expected 0 .. 65535");
        }
        positive("--max-body", maxBodyBytes);
        positive("--max-runs", maxRunningRuns);
        positive("--max-points", maxPoints);
        positive("--kept-runs", keptRuns);
        if (!(maxUntil > 0) || Double.isInfinite(maxUntil)) {
            throw new IllegalArgumentException("--max-until " + maxUntil + " is not allowed: expected a finite number > 0");
        }
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

    private static void positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " " + value + " is not allowed: expected an integer >= 1");
        }
    }
}
