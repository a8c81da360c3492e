package io.coherent.app.compare;

import io.coherent.core.observables.Estimate;
import io.coherent.integrators.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * The observables that every method computes, compared against the first method (the reference): for each
 * observable and method the steady state computed directly and the final sample, the largest absolute
 * difference from the reference over the common output times, and the first output time at which that
 * difference exceeds the tolerance.
 *
 * @param reference   the first method
 * @param tolerance   absolute difference at which two trajectories count as parted
 * @param observables one entry per compared observable, in the reference method's order
 */
public record Comparison(String reference, double tolerance, List<ObservableComparison> observables) {

    public Comparison {
        observables = List.copyOf(observables);
    }

    /** One observable across the methods. */
    public record ObservableComparison(String name, List<MethodValues> methods) {
        public ObservableComparison {
            methods = List.copyOf(methods);
        }
    }

    /**
     * One observable of one method.
     *
     * @param steady        the direct steady state with its error estimate; null if the steady-state solver does
     *                      not report this observable
     * @param last          the final sample with its error estimate (quadrature; the integrator adds about
     *                      atol + rtol |value|)
     * @param lastTime      the time of the final sample
     * @param maxDifference max |x(t) - x_reference(t)| over the common output times (0 for the reference; NaN if
     *                      one of the two is undefined somewhere)
     * @param partingTime   the first output time with |x(t) - x_reference(t)| > tolerance; NaN if never
     * @param steadyDifference |steady - steady_reference| of the direct steady states; NaN if either is missing
     */
    public record MethodValues(String method, Estimate steady, Estimate last, double lastTime, double maxDifference,
                               double partingTime, double steadyDifference) {

        public boolean parts() {
            return !Double.isNaN(partingTime);
        }
    }

    /**
     * Whether a method's direct steady state differs from the reference's by more than the tolerance plus both
     * error estimates (false where either is missing).
     */
    public boolean steadyStatesDiffer(ObservableComparison o, MethodValues v) {
        if (Double.isNaN(v.steadyDifference())) {
            return false;
        }
        return v.steadyDifference() > tolerance + v.steady().error() + o.methods().get(0).steady().error();
    }

    /** The names on every list, in the order of the first (the reference method's observables). */
    public static List<String> shared(List<List<String>> observableNames) {
        return observableNames.get(0).stream()
                .filter(name -> observableNames.stream().allMatch(names -> names.contains(name))).toList();
    }

    /**
     * @param runs        at least one run, all on the same output grid; the first is the reference
     * @param names       observables every run computes
     * @param tolerance   absolute parting tolerance (> 0)
     */
    public static Comparison of(List<MethodRun> runs, List<String> names, double tolerance) {
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0");
        }
        MethodRun ref = runs.get(0);
        List<ObservableComparison> out = new ArrayList<>();
        for (String name : names) {
            List<MethodValues> values = new ArrayList<>();
            for (MethodRun run : runs) {
                values.add(values(ref, run, name, tolerance));
            }
            out.add(new ObservableComparison(name, values));
        }
        return new Comparison(ref.method(), tolerance, out);
    }

    private static MethodValues values(MethodRun ref, MethodRun run, String name, double tolerance) {
        List<Sample> a = ref.samples();
        List<Sample> b = run.samples();
        int n = Math.min(a.size(), b.size());
        double max = 0;
        double parting = Double.NaN;
        for (int i = 0; i < n; i++) {
            if (a.get(i).t() != b.get(i).t()) {
                throw new IllegalArgumentException("runs on different output grids: t = " + a.get(i).t() + " and "
                        + b.get(i).t() + " at sample " + i);
            }
            double d = difference(a.get(i).observables().value(name), b.get(i).observables().value(name));
            max = Double.isNaN(max) || Double.isNaN(d) ? Double.NaN : Math.max(max, d);
            if (Double.isNaN(parting) && !(d <= tolerance)) {
                parting = a.get(i).t();
            }
        }
        Sample last = run.last();
        Estimate steady = run.steady().observables().values().get(name);
        Estimate steadyRef = ref.steady().observables().values().get(name);
        double steadyDifference = steady == null || steadyRef == null ? Double.NaN
                : difference(steadyRef.value(), steady.value());
        return new MethodValues(run.method(), steady, last.observables().values().get(name), last.t(), max, parting,
                steadyDifference);
    }

    /** |x - y|; 0 if both are undefined (NaN), NaN if only one is. */
    private static double difference(double x, double y) {
        return Double.isNaN(x) && Double.isNaN(y) ? 0 : Math.abs(x - y);
    }
}
