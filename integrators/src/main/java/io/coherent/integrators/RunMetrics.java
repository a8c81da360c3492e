package io.coherent.integrators;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The meters of one run, registered in the run's own registry (never a global one). The propagator
 * counts the integration; observers add theirs (samples published, dropped per live subscriber) to the
 * same registry.
 */
public final class RunMetrics {
    public static final String STEPS = "coherent.integrator.steps";
    public static final String REJECTED = "coherent.integrator.rejected";
    public static final String EVALUATIONS = "coherent.integrator.evaluations";
    public static final String SAMPLES = "coherent.samples.produced";
    public static final String RUN_TIME = "coherent.run.time";
    /** Registered by the event-driven runtime: samples published on the run's address. */
    public static final String PUBLISHED = "coherent.samples.published";
    /** Registered per live subscriber (tag {@code subscriber}): samples it missed because it was busy. */
    public static final String DROPPED = "coherent.samples.dropped";
    /** Registered per live subscriber (tag {@code subscriber}): samples it acknowledged. */
    public static final String DELIVERED = "coherent.samples.delivered";

    private final MeterRegistry registry;
    private final Counter steps;
    private final Counter evaluations;
    private final Counter samples;
    private final Timer runTime;

    public RunMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.steps = Counter.builder(STEPS).description("accepted integrator steps").register(registry);
        this.evaluations = Counter.builder(EVALUATIONS).description("right-hand-side evaluations").register(registry);
        this.samples = Counter.builder(SAMPLES).description("samples taken (output times and events)").register(registry);
        this.runTime = Timer.builder(RUN_TIME).description("wall time of the integration").register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    void record(IntegrationStatistics stats, long sampleCount, long nanos) {
        steps.increment(stats.steps());
        evaluations.increment(stats.evaluations());
        samples.increment(sampleCount);
        // only integrators that expose their rejections get the meter: an absent meter is "not counted", not 0
        stats.rejected().ifPresent(r -> Counter.builder(REJECTED).description("rejected step attempts")
                .register(registry).increment(r));
        runTime.record(nanos, TimeUnit.NANOSECONDS);
    }
}
