package io.coherent.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The dispatching of a sweep, on a hand-driven clock: who gets which point, timeouts, duplicates, resumed points. */
class PointLedgerTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);

    private PointLedger ledger(int size, BitSet done) {
        return new PointLedger(size, done, 10 * SECOND, now::get);
    }

    @Test
    void pointsAreHandedOutInGridOrderAndEachOnce() {
        PointLedger l = ledger(5, new BitSet());
        assertEquals(List.of(0, 1), l.lease("a", 2));
        assertEquals(List.of(2, 3, 4), l.lease("b", 7));
        assertEquals(List.of(), l.lease("c", 3), "everything is leased");
        for (int i = 0; i < 5; i++) {
            assertTrue(l.complete(i));
        }
        assertTrue(l.finished());
        assertEquals(new PointLedger.Stats(0, 5, 5, 0, 0), l.stats());
    }

    @Test
    void aLeaseOlderThanTheTimeoutGoesToTheNextMemberFirst() {
        PointLedger l = ledger(4, new BitSet());
        assertEquals(List.of(0, 1), l.lease("dies", 2));
        now.addAndGet(5 * SECOND);
        assertEquals(List.of(2), l.lease("slow", 1));
        now.addAndGet(5 * SECOND - 1);
        assertEquals(List.of(3), l.lease("b", 2), "0 and 1 are 1 ns short of the timeout");
        now.addAndGet(1);
        assertEquals(List.of(0, 1), l.lease("b", 5), "taken back from 'dies', before any new point");
        assertTrue(l.complete(3));
        assertTrue(l.complete(0));
        assertTrue(l.complete(1));
        assertFalse(l.finished(), "2 is still out");
        now.addAndGet(5 * SECOND);
        assertEquals(List.of(2), l.lease("b", 5), "'slow' timed out as well");
        assertTrue(l.complete(2));
        assertTrue(l.finished());
        assertEquals(new PointLedger.Stats(0, 4, 7, 3, 0), l.stats());
    }

    @Test
    void aDuplicateResultIsIgnored() {
        PointLedger l = ledger(2, new BitSet());
        assertEquals(List.of(0, 1), l.lease("stalls", 2));
        now.addAndGet(11 * SECOND);
        assertEquals(List.of(0), l.lease("b", 1));
        assertTrue(l.complete(0), "b's result is the first");
        assertFalse(l.complete(0), "the stalled member's late result is a duplicate");
        // a late first result of a taken-back point that nobody leased again yet: it counts, and the point is not
        // handed out again
        assertTrue(l.complete(1));
        assertEquals(List.of(), l.lease("c", 5));
        assertFalse(l.complete(1));
        assertTrue(l.finished());
        assertEquals(new PointLedger.Stats(0, 2, 3, 1, 2), l.stats());
    }

    @Test
    void aMemberThatLeftHasItsPointsHandedOutAtOnce() {
        PointLedger l = ledger(6, new BitSet());
        assertEquals(List.of(0, 1, 2), l.lease("gone", 3));
        assertEquals(List.of(3), l.lease("stays", 1));
        assertTrue(l.complete(1));
        assertEquals(2, l.release("gone"), "0 and 2 were still out");
        assertEquals(0, l.release("never-seen"));
        assertEquals(List.of(0, 2, 4), l.lease("stays", 3), "no timeout to wait for");
    }

    @Test
    void pointsAMemberNoLongerHoldsAreHandedOutAtOnce() {
        PointLedger l = ledger(8, new BitSet());
        assertEquals(List.of(0, 1, 2), l.lease("a", 3));
        assertEquals(List.of(3, 4), l.lease("b", 2));
        assertTrue(l.complete(1));
        // a's next request says it holds 2 only: the reply with 0 and 1 came too late, and 1's result arrived anyway
        assertEquals(1, l.retain("a", Set.of(2)));
        assertEquals(List.of(0, 5), l.lease("a", 2), "0 first, then a new point");
        assertEquals(0, l.retain("b", Set.of(3, 4)), "b's points are b's");
        assertEquals(new PointLedger.Stats(0, 1, 7, 1, 0), l.stats());
    }

    @Test
    void resumedPointsAreNeverHandedOut() {
        BitSet done = new BitSet();
        done.set(0);
        done.set(2);
        done.set(3);
        PointLedger l = ledger(5, done);
        assertEquals(List.of(1, 4), l.lease("a", 10));
        assertFalse(l.complete(2), "a result for a resumed point is a duplicate");
        assertTrue(l.complete(1));
        assertTrue(l.complete(4));
        assertTrue(l.finished());
        assertEquals(new PointLedger.Stats(3, 2, 2, 0, 1), l.stats());
        assertThrows(IllegalArgumentException.class, () -> l.complete(5));
    }

    /**
     * Members that lease random batches, die (never answer), stall (answer after the timeout) or answer twice, in a
     * random order: every point ends up done exactly once, and a result is accepted exactly once per point.
     */
    @Test
    void everyPointExactlyOnceWhateverTheMembersDo() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            int size = 1 + random.nextInt(60);
            PointLedger l = ledger(size, new BitSet());
            int[] accepted = new int[size];
            List<int[]> late = new ArrayList<>(); // {point, time it answers}
            int steps = 0;
            while (!l.finished()) {
                assertTrue(++steps < 100_000, "the sweep ends");
                now.addAndGet(random.nextInt(3) * SECOND);
                for (int[] answer : List.copyOf(late)) {
                    if (answer[1] <= now.get() / SECOND) {
                        late.remove(answer);
                        if (l.complete(answer[0])) {
                            accepted[answer[0]]++;
                        }
                    }
                }
                String member = "m" + random.nextInt(4);
                for (int p : l.lease(member, 1 + random.nextInt(4))) {
                    switch (random.nextInt(4)) {
                        case 0 -> { } // dies: never answers
                        case 1 -> late.add(new int[] {p, (int) (now.get() / SECOND) + 5 + random.nextInt(20)});
                        case 2 -> {
                            if (l.complete(p)) {
                                accepted[p]++;
                            }
                            late.add(new int[] {p, (int) (now.get() / SECOND) + random.nextInt(3)}); // and again
                        }
                        default -> {
                            if (l.complete(p)) {
                                accepted[p]++;
                            }
                        }
                    }
                }
                if (random.nextInt(10) == 0) {
                    l.release(member);
                }
            }
            for (int p = 0; p < size; p++) {
                assertEquals(1, accepted[p], "point " + p + " of " + size);
            }
            assertEquals(size, l.stats().completed());
        }
    }

    @Test
    void takeWaitsForAnExpiredLeaseAndEndsWhenEverythingIsDone() throws Exception {
        AtomicLong clock = new AtomicLong();
        PointLedger l = new PointLedger(2, new BitSet(), 200_000_000L, clock::get);
        assertEquals(List.of(0, 1), l.lease("dies", 2));
        CompletableFuture<List<Integer>> taken = CompletableFuture.supplyAsync(() -> take(l));
        // the ledger's clock has not moved: however long this thread waits, the lease has not expired
        Thread.sleep(300);
        assertFalse(taken.isDone(), "nothing expires before the clock says so");
        clock.set(200_000_000L);
        assertEquals(List.of(0), taken.get(30, TimeUnit.SECONDS), "the oldest lease, once expired on the ledger's clock");
        assertTrue(l.complete(0));
        clock.addAndGet(200_000_000L);
        assertEquals(List.of(1), l.take(PointLedger.HERE, 1));
        Thread finisher = new Thread(() -> l.complete(1));
        finisher.start();
        assertEquals(List.of(), l.take(PointLedger.HERE, 1), "finished");
        finisher.join();
    }

    private static List<Integer> take(PointLedger l) {
        try {
            return l.take(PointLedger.HERE, 1);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
