package io.coherent.integrators;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;

/**
 * Handles located events: records them and tells Hipparchus whether to stop. Hipparchus calls the handler
 * before it hands the part of the step up to the event to the step handlers, so the records wait here
 * until the sampler has emitted the output times before them and then the event's own sample.
 */
final class EventLog {
    static final String STEADY_STATE = "steady-state";
    static final String THRESHOLD = "threshold";
    static final String TIME_MARK = "time-mark";
    static final String STOP_REQUEST = "stop-request";

    private final List<EventRecord> all = new ArrayList<>();
    private final List<EventRecord> pending = new ArrayList<>();

    /**
     * A handler for one detector.
     *
     * @param risingOnly ignore sign changes of g from + to - (e.g. leaving the steady state)
     * @param describe   what to write about an occurrence, given whether g was rising
     */
    ODEEventHandler handler(String kind, boolean stop, boolean risingOnly, Function<Boolean, String> describe) {
        return new ODEEventHandler() {
            @Override
            public Action eventOccurred(ODEStateAndDerivative s, ODEEventDetector detector, boolean increasing) {
                if (risingOnly && !increasing) {
                    return Action.CONTINUE;
                }
                EventRecord r = new EventRecord(kind, describe.apply(increasing), s.getTime(), stop);
                all.add(r);
                pending.add(r);
                return stop ? Action.STOP : Action.CONTINUE;
            }
        };
    }

    /** The handler of the stop-request detector: records why the run's control ended it. */
    ODEEventHandler stopRequest(RunControl control) {
        return (s, detector, increasing) -> {
            String why = control.failure() != null ? "failed: " + control.failure() : control.stopReason();
            EventRecord r = new EventRecord(STOP_REQUEST, why, s.getTime(), true);
            all.add(r);
            pending.add(r);
            return Action.STOP;
        };
    }

    /** Events located but not yet sampled; the caller samples them now. */
    List<EventRecord> takePending() {
        List<EventRecord> p = List.copyOf(pending);
        pending.clear();
        return p;
    }

    List<EventRecord> all() {
        return List.copyOf(all);
    }

    /** The event that stopped the run, or null. */
    EventRecord stopper() {
        return all.stream().filter(EventRecord::stopped).findFirst().orElse(null);
    }
}
