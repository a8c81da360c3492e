package io.coherent.core.heom;

import io.coherent.core.dynamics.LinearGenerator;
import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.ObservableSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A trajectory of the hierarchy with an error estimate at every sample, in the manner of an embedded Runge-Kutta
 * pair: the hierarchy at depth D and the same exponents at depth D - 1 are propagated side by side (state
 * [depth D | depth D - 1]), and each observable's error is its difference between the two. That is the truncation
 * error of the shallower one, an over-estimate for the deeper one the values come from wherever the hierarchy
 * converges geometrically in depth. It costs the shallower hierarchy's share on top (C(M + D - 1, D - 1) of
 * C(M + D, D) ADOs). The exponents' truncation is not part of it: they are those of the steady-state convergence
 * pass (or heom_exponents), whose change is in {@link #hierarchy()}.
 */
public final class EmbeddedHierarchy implements LinearGenerator {
    private final HeomGenerator main;
    private final HeomGenerator lower;
    private final HierarchyReport hierarchy;
    private final List<String> notes;
    private final int n1;
    private final int n2;

    EmbeddedHierarchy(HeomGenerator main, HeomGenerator lower, HierarchyReport hierarchy, List<String> notes) {
        this.main = main;
        this.lower = lower;
        this.hierarchy = hierarchy;
        this.notes = List.copyOf(notes);
        n1 = main.stateDimension();
        n2 = lower.stateDimension();
    }

    /** The hierarchy propagated (depth, exponents, size) and, for automatic settings, the steady pass that chose it. */
    public HierarchyReport hierarchy() {
        return hierarchy;
    }

    /** How the hierarchy was chosen and what the error estimates contain. */
    public List<String> notes() {
        return notes;
    }

    @Override
    public String method() {
        return main.method();
    }

    @Override
    public int stateDimension() {
        return n1 + n2;
    }

    @Override
    public double[] initialState() {
        double[] y = new double[n1 + n2];
        System.arraycopy(main.initialState(), 0, y, 0, n1);
        System.arraycopy(lower.initialState(), 0, y, n1, n2);
        return y;
    }

    @Override
    public void computeDerivatives(double t, double[] y, double[] yDot) {
        main.computeDerivatives(y, 0, yDot, 0);
        lower.computeDerivatives(y, n1, yDot, n1);
    }

    @Override
    public List<String> observableNames() {
        return main.observableNames();
    }

    @Override
    public ObservableSet observe(double t, double[] y) {
        ObservableSet a = main.observe(t, java.util.Arrays.copyOfRange(y, 0, n1));
        ObservableSet b = lower.observe(t, java.util.Arrays.copyOfRange(y, n1, n1 + n2));
        Map<String, Estimate> out = new LinkedHashMap<>();
        a.values().forEach((name, e) -> out.put(name,
                new Estimate(e.value(), e.error() + Math.abs(e.value() - b.value(name)))));
        return new ObservableSet(out);
    }

    @Override
    public OptionalDouble slowestRelaxationTime() {
        return OptionalDouble.empty();
    }
}
