package io.coherent.app.server;

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

    private static void positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " " + value + " is not allowed: expected an integer >= 1");
        }
    }
}
