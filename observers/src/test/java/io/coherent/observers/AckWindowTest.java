package io.coherent.observers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.integrators.RunControl;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AckWindowTest {

    /**
     * The run asks for few acknowledgements (one per half window), but never so few that it could wait for one it did not ask for:
     * for every window size and any sequence of message sizes up to {@link AckWindow#maxMessage}, the sample a
     * new message must wait for (its last sample minus the window) is at or before the last asked message.
     */
    @Test
    void aFullWindowAlwaysWaitsForAnAskedAcknowledgement() {
        SplittableRandom random = new SplittableRandom(7);
        for (int size = 1; size <= 300; size++) {
            AckWindow w = new AckWindow(List.of("writer"), size, 1000, new RunControl());
            long published = 0;
            long lastAsked = 0;
            int asked = 0;
            for (int m = 0; m < 400; m++) {
                long next = published + 1 + random.nextInt(w.maxMessage());
                assertTrue(next - size <= lastAsked, "size " + size + ": message ending at " + next
                        + " waits for " + (next - size) + ", last asked " + lastAsked);
                if (w.asks(next)) {
                    lastAsked = next;
                    asked++;
                }
                published = next;
                assertTrue(published - lastAsked < w.maxMessage(), "asked often enough");
            }
            assertTrue(w.maxMessage() >= 1 && 2 * w.maxMessage() <= size + 1);
            // and no more than one acknowledgement per half window of samples
            assertTrue(asked <= published / w.maxMessage(), "size " + size + ": " + asked + " asked for " + published);
        }
    }

    @Test
    void aFailedRunStopsWaiting() throws InterruptedException {
        RunControl control = new RunControl();
        AckWindow w = new AckWindow(List.of("writer"), 4, 60_000, control);
        control.fail("observer 'writer' failed");
        assertFalse(w.awaitAcknowledged(10));
    }
}
