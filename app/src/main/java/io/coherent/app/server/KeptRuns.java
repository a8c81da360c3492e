package io.coherent.app.server;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The runs the server knows, bounded in number ({@code --kept-runs}) and in the memory of their histories
 * ({@code --history-mb}). A run's history is what it costs: every sample as JSON text, shared by its subscribers
 * and downloads (about 1.4 KB per sample on the heap for partial-collective; 28 MB for a 20000-sample run). A new
 * run is admitted only if the histories kept, plus what the running runs and the new one will hold when they end
 * (their output times times {@link #BYTES_PER_SAMPLE_GUESS}, or times what their samples have cost so far), fit in
 * the budget; the oldest ended runs are forgotten to make room, and when the running runs alone fill it the new
 * run is refused (503). So the histories never outgrow the budget, whatever clients send. Likewise at most
 * {@code --kept-runs} runs are kept, running or ended: the oldest ended ones are forgotten to make room, and when every
 * kept run is still running the new run is refused (503) rather than kept beyond the limit.
 */
final class KeptRuns {
    /** What one sample costs before a run has produced any: above the largest measured (Jx..Jz, currents, errors). */
    static final long BYTES_PER_SAMPLE_GUESS = 2_000;

    private final int maxRuns;
    private final long maxBytes;
    private final Map<String, HostedRun> runs = new LinkedHashMap<>();

    KeptRuns(int maxRuns, long maxBytes) {
        this.maxRuns = maxRuns;
        this.maxBytes = maxBytes;
    }

    /**
     * Why a run was not admitted.
     *
     * @param reason  for the metrics: {@code memory} (the histories' budget) or {@code kept} ({@code --kept-runs})
     * @param message one line, for the 503
     */
    record Refusal(String reason, String message) {
    }

    /**
     * Admits {@code run} if its projected history fits and a place among the kept runs is free, forgetting the oldest
     * ended runs as needed.
     *
     * @return null if admitted, otherwise why not
     */
    synchronized Refusal admit(HostedRun run) {
        long needed = run.projectedBytes();
        Iterator<HostedRun> it = runs.values().iterator();
        while (it.hasNext() && (projectedBytes() + needed > maxBytes || runs.size() >= maxRuns)) {
            HostedRun old = it.next();
            if (!old.running()) {
                it.remove();
                old.stream().close();
            }
        }
        long projected = projectedBytes();
        if (projected + needed > maxBytes) {
            return new Refusal("memory", String.format(Locale.ROOT, "the server's memory for run histories "
                    + "(--history-mb %d) is taken by the running runs (%.1f MB when they end) and this run would need "
                    + "%.1f MB more; try again when one has ended, or ask for fewer points", maxBytes / 1_000_000,
                    projected / 1e6, needed / 1e6));
        }
        if (runs.size() >= maxRuns) {
            return new Refusal("kept", "the runs the server keeps (--kept-runs " + maxRuns + ") are all running; try "
                    + "again when one has ended");
        }
        runs.put(run.id(), run);
        return null;
    }

    /** Kept and running histories, running ones at their projected final size. */
    synchronized long projectedBytes() {
        return runs.values().stream().mapToLong(HostedRun::projectedBytes).sum();
    }

    synchronized List<HostedRun> snapshot() {
        return List.copyOf(runs.values());
    }

    synchronized HostedRun find(String id) {
        return runs.get(id);
    }
}
