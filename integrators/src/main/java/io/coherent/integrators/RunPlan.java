package io.coherent.integrators;

import java.util.List;
import java.util.Optional;

/**
 * What a run computes: the output times, whether to stop at the steady state (and by which criterion),
 * and the events to watch for.
 */
public record RunPlan(OutputGrid grid, Optional<SteadyStateCriterion> steadyState, List<EventSpec> events) {

    public RunPlan {
        events = List.copyOf(events);
    }

    public static RunPlan of(OutputGrid grid) {
        return new RunPlan(grid, Optional.empty(), List.of());
    }

    public RunPlan stopOnSteady(SteadyStateCriterion criterion) {
        return new RunPlan(grid, Optional.of(criterion), events);
    }

    public RunPlan withEvents(List<EventSpec> more) {
        return new RunPlan(grid, steadyState, more);
    }
}
