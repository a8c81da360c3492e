package io.coherent.observers;

import io.coherent.integrators.RunOutcome;
import io.coherent.integrators.Sample;

/** What a run publishes on its samples address, numbered from 1 in publishing order. */
public sealed interface RunMessage {
    long seq();

    /** The run that sent it. */
    RunAddress run();

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
