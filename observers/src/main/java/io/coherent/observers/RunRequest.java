package io.coherent.observers;

import io.coherent.core.dynamics.Generator;
import io.coherent.integrators.IntegratorSettings;
import io.coherent.integrators.RunPlan;
import java.util.List;

/**
 * One run for the {@link EventDrivenRun}: what to integrate and who watches.
 *
 * @param observers       observer verticles deployed for this run and undeployed after it
 * @param sharedObservers names of observers deployed by the caller that also watch this run (e.g. a
 *                        {@link RunComparison} of two runs); the run waits for their acknowledgements too
 * @param live            live subscribers: bounded, lossy, never slowing the run
 */
public record RunRequest(String id, Generator generator, IntegratorSettings integrator, RunPlan plan,
                         List<SampleObserver> observers, List<String> sharedObservers, List<LiveSubscription> live) {

    public RunRequest {
        observers = List.copyOf(observers);
        sharedObservers = List.copyOf(sharedObservers);
        live = List.copyOf(live);
        RunAddress address = new RunAddress(id);
        for (SampleObserver o : observers) {
            if (!o.runs().contains(address)) {
                throw new IllegalArgumentException("observer '" + o.name() + "' does not watch run " + id);
            }
        }
    }

    public RunAddress address() {
        return new RunAddress(id);
    }
}
