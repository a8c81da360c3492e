package io.coherent.app.sweep;

import io.coherent.config.Scenario;
import io.coherent.core.dynamics.Method;
import io.coherent.core.methods.Engines;
import java.util.List;

/**
 * What a sweep computes at each point. Implementations must be safe to call from several threads at once
 * (one call per point, each on its own scenario). The single place where the sweep decides how a
 * steady state or a final state is obtained.
 */
public interface PointEvaluator {

    /** For people: what each point is, e.g. "steady state". */
    String description();

    /**
     * The names, in order, of the observables {@link #evaluate} returns for this scenario: those of the
     * scenario's generator. Parameters change values, not names, so this holds at every point of a sweep.
     * Building the generator also refuses, with a one-line exception, a scenario the method cannot run.
     */
    default List<String> observableNames(Scenario scenario) {
        return Engines.generator(scenario.model(), Method.of(scenario.method()), scenario.run().engineOptions())
                .observableNames();
    }

    /**
     * Evaluates one point. Any {@link RuntimeException} marks the point as failed, with the exception's
     * message as the reason; the sweep goes on.
     */
    PointResult evaluate(Scenario scenario);
}
