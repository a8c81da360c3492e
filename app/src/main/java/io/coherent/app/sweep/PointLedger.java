package io.coherent.app.sweep;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;

/**
 * Where every point of a sweep is: waiting, leased to a member (a thread pool of this process or a worker of the
 * cluster) since some time, or done. This is all the dispatching of a sweep, local or clustered: members ask for
 * points ({@link #lease}: pull, so a member only gets what it can start soon), a point is done with its first result
 * ({@link #complete}; a later one is a duplicate and ignored), and a lease older than the point timeout goes back to
 * the front of the queue for the next member that asks (the member died or stalls); so does every lease of a member
 * known to have left ({@link #release}) and every lease a member no longer holds ({@link #retain}). Each point thus
 * ends up done exactly once, whatever members come and go, as long as one keeps asking.
 *
 * <p>Thread-safe. Time comes from an injected nanosecond clock ({@code System::nanoTime}).
 */
public final class PointLedger {
    /** The threads of the process that owns the ledger, as a member. */
    public static final String HERE = "(this process)";

    private final int size;
    private final long timeoutNanos;
    private final LongSupplier clock;
    private final BitSet done;
    private final int resumed;
    private int doneCount;
    /** Points taken back from a lease, handed out before any new point. */
    private final ArrayDeque<Integer> returned = new ArrayDeque<>();
    /** Current leases by point, oldest first (a lease is re-inserted when a point is dispatched again). */
    private final LinkedHashMap<Integer, Lease> leases = new LinkedHashMap<>();
    private int next;
    private int dispatched;
    private int redispatched;
    private int duplicates;
    private boolean stopped;

    private record Lease(String member, long since) {
    }

    /**
     * How the points went.
     *
     * @param resumed      done before this ledger started (e.g. read back from a results file)
     * @param completed    done since (first results)
     * @param dispatched   leases handed out, re-dispatches included
     * @param redispatched leases handed out again because their member timed out or left
     * @param duplicates   results that came after the point was done, ignored
     */
    public record Stats(int resumed, int completed, int dispatched, int redispatched, int duplicates) {
    }

    /**
     * @param size         the number of points, 0 .. size - 1
     * @param done         the points already done (not handed out)
     * @param timeoutNanos how long a member may hold a point before it is handed out again
     *                     ({@link Long#MAX_VALUE}: never)
     * @param clock        nanosecond clock
     */
    public PointLedger(int size, BitSet done, long timeoutNanos, LongSupplier clock) {
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("the point timeout must be > 0, got " + timeoutNanos + " ns");
        }
        if (done.length() > size) {
            throw new IllegalArgumentException("point " + (done.length() - 1) + " is outside the grid of " + size);
        }
        this.size = size;
        this.timeoutNanos = timeoutNanos;
        this.clock = clock;
        this.done = (BitSet) done.clone();
        this.resumed = done.cardinality();
        this.doneCount = resumed;
    }

    /** Up to {@code max} points for {@code member}, points taken back from expired leases first; empty if none waits. */
    public synchronized List<Integer> lease(String member, int max) {
        long now = clock.getAsLong();
        expire(now);
        List<Integer> out = new ArrayList<>();
        while (out.size() < max && !stopped) {
            Integer back = returned.poll();
            int index;
            if (back != null) {
                if (done.get(back)) {
                    continue; // its late first result came in meanwhile
                }
                index = back;
                redispatched++;
            } else {
                while (next < size && done.get(next)) {
                    next++;
                }
                if (next == size) {
                    break;
                }
                index = next++;
            }
            leases.put(index, new Lease(member, now));
            dispatched++;
            out.add(index);
        }
        return out;
    }

    /**
     * Like {@link #lease}, but waits until a point can be leased (a lease expires, a member leaves); empty once every
     * point is done or the ledger is stopped.
     */
    public synchronized List<Integer> take(String member, int max) throws InterruptedException {
        while (!stopped && !finished()) {
            List<Integer> out = lease(member, max);
            if (!out.isEmpty()) {
                return out;
            }
            // the oldest lease expires first (no overflow for a timeout of Long.MAX_VALUE: the age is small)
            long waitNanos = leases.isEmpty() ? timeoutNanos
                    : timeoutNanos - (clock.getAsLong() - leases.values().iterator().next().since());
            wait(Math.max(1, Math.min(waitNanos / 1_000_000 + 1, 1000)));
        }
        return List.of();
    }

    /** Records the result of a point; true for the first one, false for a duplicate (ignored). */
    public synchronized boolean complete(int index) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("point " + index + " is outside the grid of " + size);
        }
        leases.remove(index);
        if (done.get(index)) {
            duplicates++;
            return false;
        }
        done.set(index);
        doneCount++;
        if (finished()) {
            notifyAll();
        }
        return true;
    }

    /** A member left: its points go back to the queue now. Returns how many. */
    public synchronized int release(String member) {
        return takeBack(member, index -> true);
    }

    /**
     * A member says which of its points it still holds (asking for more: any it received, minus those whose results
     * the ledger has): any other point leased to it was lost on the way (a reply that came
     * after the member stopped waiting for it) and goes back to the queue now. Returns how many.
     */
    public synchronized int retain(String member, Set<Integer> held) {
        return takeBack(member, index -> !held.contains(index));
    }

    /** Hands out nothing more (the sweep failed); {@link #take} returns empty. */
    public synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    /** Waits until every point is done or the ledger is stopped. */
    public synchronized void awaitEnd() throws InterruptedException {
        while (!stopped && !finished()) {
            wait(1000);
        }
    }

    public synchronized boolean finished() {
        return doneCount == size;
    }

    public synchronized boolean isDone(int index) {
        return done.get(index);
    }

    /** Points neither done nor leased. */
    public synchronized int waiting() {
        return size - doneCount - leases.size();
    }

    public synchronized Stats stats() {
        return new Stats(resumed, doneCount - resumed, dispatched, redispatched, duplicates);
    }

    /** Puts {@code member}'s leased points that {@code which} selects back in the queue. */
    private int takeBack(String member, IntPredicate which) {
        int n = 0;
        for (Iterator<Map.Entry<Integer, Lease>> it = leases.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Lease> e = it.next();
            if (e.getValue().member().equals(member) && which.test(e.getKey())) {
                it.remove();
                returned.add(e.getKey());
                n++;
            }
        }
        if (n > 0) {
            notifyAll();
        }
        return n;
    }

    /** Takes back every lease older than the timeout (the oldest come first). */
    private void expire(long now) {
        for (Iterator<Map.Entry<Integer, Lease>> it = leases.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Lease> e = it.next();
            if (now - e.getValue().since() < timeoutNanos) {
                break;
            }
            it.remove();
            returned.add(e.getKey());
        }
    }
}
