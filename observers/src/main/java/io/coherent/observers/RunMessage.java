package io.coherent.observers;

import io.coherent.integrators.RunOutcome;
import io.coherent.integrators.Sample;
import java.util.List;

/**
 * What a run sends about its samples. Samples are numbered from 1 in publishing order; a message's
 * {@code seq} is the number of its last sample (the end of the run counts as one more).
 */
public sealed interface RunMessage {
    long seq();

    /** The run that sent it. */
    RunAddress run();

    /** Consecutive samples, published together on the run's samples address: one bus message for many samples. */
    record Samples(RunAddress run, long seq, List<Sample> samples) implements RunMessage {
        public Samples {
            samples = List.copyOf(samples);
        }
    }

    /** One sample, sent to a live subscriber. */
    record SampleMessage(RunAddress run, long seq, Sample sample) implements RunMessage {
    }

    /** The last message of a run: how it ended. */
    record End(RunAddress run, long seq, RunOutcome outcome) implements RunMessage {
    }

    /**
     * An observer's acknowledgement of message {@code seq}; {@code failure} is null, or why the observer could
     * not handle it (it threw, or it is going away).
     */
    record Ack(String observer, long seq, String failure) {
    }
}
