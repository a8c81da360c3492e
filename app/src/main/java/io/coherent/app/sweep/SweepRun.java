package io.coherent.app.sweep;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One execution of a sweep: this process's threads evaluate the points its {@link PointLedger} hands them, other
 * members (workers of a cluster) may deliver outcomes too ({@link #deliver}), and every point reaches the sink once,
 * its first outcome; later ones are duplicates and dropped. Points recorded before (a resumed sweep) are not
 * evaluated again.
 */
public final class SweepRun {
    private final Sweep sweep;
    private final PointLedger ledger;
    private final Consumer<PointOutcome> sink;
    private final Object lock = new Object();
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private int failed;
    private int notConverged;
    private int local;
    private long cpuNanos;
    private RuntimeException sinkFailure;
    private Error sinkError;

    /**
     * @param recorded          outcomes already recorded (their points are done)
     * @param pointTimeoutNanos how long a member may hold a point before it is handed out again ({@link Long#MAX_VALUE}:
     *                          never, for a sweep of this process alone)
     * @param sink              called with each point's first outcome, by one thread at a time; an exception it throws
     *                          stops the sweep and is rethrown by {@link #run}
     */
    public SweepRun(Sweep sweep, List<PointOutcome> recorded, long pointTimeoutNanos, LongSupplier clock,
                    Consumer<PointOutcome> sink) {
        this.sweep = sweep;
        this.sink = sink;
        BitSet done = new BitSet();
        for (PointOutcome o : recorded) {
            done.set(o.point().index());
            count(o);
        }
        this.ledger = new PointLedger(sweep.grid().size(), done, pointTimeoutNanos, clock);
    }

    /** Who has which point: for the members of a cluster to lease from. */
    public PointLedger ledger() {
        return ledger;
    }

    /**
     * Hands an outcome to the sink if it is its point's first (from any thread); false for a duplicate, or once the
     * sweep has stopped because the sink failed.
     */
    public boolean deliver(PointOutcome o) {
        synchronized (lock) {
            if (sinkFailure != null || sinkError != null || !ledger.complete(o.point().index())) {
                return false;
            }
            count(o);
            try {
                sink.accept(o);
            } catch (RuntimeException e) {
                sinkFailure = e; // under the lock, so nothing is delivered after this point
                ledger.stop();
                throw e;
            } catch (Error e) {
                sinkError = e;
                ledger.stop();
                throw e;
            }
            return true;
        }
    }

    /**
     * Evaluates points on {@code threads} threads of this process (0: none, other members do all the work) until
     * every point is done, and returns how it went. Rethrows what the sink threw.
     */
    public Sweep.Summary run(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads = " + threads + " is not allowed: expected an integer >= 0");
        }
        int workers = Math.min(threads, sweep.grid().size());
        long started = System.nanoTime();
        long processCpu0 = processCpuNanos();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "sweep-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(this::evaluatePoints));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            ledger.awaitEnd(); // points other members hold
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        synchronized (lock) {
            if (sinkFailure != null) {
                throw sinkFailure; // from another member's delivery
            }
            if (sinkError != null) {
                throw sinkError;
            }
            return new Sweep.Summary(sweep.grid().size(), failed, notConverged, (System.nanoTime() - started) / 1e9,
                    cpuNanos / 1e9, (processCpuNanos() - processCpu0) / 1e9, workers, local, ledger.stats());
        }
    }

    private Void evaluatePoints() throws InterruptedException {
        long cpu0 = cpu.getCurrentThreadCpuTime();
        try {
            for (List<Integer> lease = ledger.take(PointLedger.HERE, 1); !lease.isEmpty();
                 lease = ledger.take(PointLedger.HERE, 1)) {
                if (deliver(sweep.evaluate(sweep.grid().point(lease.get(0))))) {
                    synchronized (lock) {
                        local++;
                    }
                }
            }
            return null;
        } finally {
            synchronized (lock) {
                cpuNanos += cpu.getCurrentThreadCpuTime() - cpu0;
            }
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private void count(PointOutcome o) {
        if (o.failed()) {
            failed++;
        } else if (!o.result().converged()) {
            notConverged++;
        }
    }
}
