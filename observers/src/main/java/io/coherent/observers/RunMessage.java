package io.coherent.observers;

import io.coherent.integrators.RunOutcome;
import io.coherent.integrators.Sample;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What a run sends about its samples. Samples are numbered from 1 in publishing order; a message's
 * {@code seq} is the number of its last sample (the end of the run counts as one more).
 */
public sealed interface RunMessage {
    long seq();

    /** The run that sent it. */
    RunAddress run();

    /**
     * Consecutive samples, published together on the run's samples address: one bus message for many samples.
     * Observers acknowledge it only if {@code acknowledge} is set (the run needs to know for its window); an
     * observer that fails acknowledges with the failure in any case.
     */
    record Samples(RunAddress run, long seq, List<Sample> samples, boolean acknowledge) implements RunMessage {
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
     * not handle it (it threw, or it is going away). The acknowledgement of the end of the run carries the
     * observer's summary of that run, otherwise {@code summary} is null.
     */
    record Ack(String observer, long seq, String failure, JsonObject summary) {
    }
}
