package io.coherent.observers;

import io.coherent.integrators.RunOutcome;
import io.coherent.integrators.Sample;
import io.coherent.integrators.SteadyStateCriterion;
import io.coherent.integrators.SteadyStateMonitor;
import io.coherent.integrators.SteadyStateVerdict;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Watches a run's output-time samples for convergence with the same {@link SteadyStateMonitor} as the
 * propagator's steady-state detector. With {@code stopsRun} it asks the run to stop (on the run's control
 * address) at the first sample where the criterion holds: convergence decided from the published stream,
 * e.g. with a criterion other than the run's own.
 */
public final class ConvergenceWatcher extends SampleObserver {
    private final SteadyStateMonitor monitor;
    private final boolean stopsRun;
    private boolean requested;
    private double lastTime = Double.NaN;
    private SteadyStateVerdict verdict;

    public ConvergenceWatcher(RunAddress run, SteadyStateCriterion criterion, OptionalDouble relaxationTime, boolean stopsRun) {
        super("convergence", List.of(run));
        this.monitor = new SteadyStateMonitor(criterion, relaxationTime);
        this.stopsRun = stopsRun;
    }

    @Override
    protected void onSample(RunAddress run, Sample sample) {
        if (sample.isEvent()) {
            return;
        }
        lastTime = sample.t();
        monitor.accept(sample);
        if (stopsRun && !requested && !Double.isNaN(monitor.convergedAt())) {
            requested = true;
            vertx.eventBus().send(run.control(), "converged at t = " + monitor.convergedAt() + " (convergence watcher)");
        }
    }

    @Override
    protected void onEnd(RunAddress run, RunOutcome outcome) {
        verdict = monitor.verdict(lastTime);
    }

    @Override
    protected JsonObject summary() {
        JsonObject o = new JsonObject().put("stops_run", stopsRun);
        double at = monitor.convergedAt();
        o.put("converged", !Double.isNaN(at));
        number(o, "time", at);
        if (verdict != null) {
            o.put("reason", verdict.reason());
        }
        return o;
    }
}
