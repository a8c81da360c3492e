package io.coherent.app.sweep;

import io.coherent.config.ScenarioException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The points of a sweep: the Cartesian product of one or two axes, once per {@link Variant} if there are any.
 * Points are numbered row-major with the variant slowest, then the first axis: index = (v * count0 + i0) * count1 + i1.
 *
 * @param axes     the swept parameters
 * @param variants the labelled settings each parameter point is computed under; empty: none (the plain sweep)
 */
public record Grid(List<Axis> axes, List<Variant> variants) {

    public static final int MAX_AXES = 2;

    /** A grid without variants. */
    public Grid(List<Axis> axes) {
        this(axes, List.of());
    }

    public Grid {
        axes = List.copyOf(axes);
        variants = List.copyOf(variants);
        if (axes.isEmpty() || axes.size() > MAX_AXES) {
            throw new ScenarioException("--param", "--param: a sweep takes 1 or 2 parameters, got " + axes.size());
        }
        Set<String> names = new HashSet<>();
        for (Axis a : axes) {
            if (!names.add(a.name())) {
                throw new ScenarioException("--param", "--param " + a.text() + ": " + a.name() + " is swept twice");
            }
        }
        Set<String> labels = new HashSet<>();
        for (Variant v : variants) {
            if (!labels.add(v.label())) {
                throw v.error("the label '" + v.label() + "' is used by another --variant; labels must differ");
            }
        }
        long size = Math.max(1, variants.size());
        for (Axis a : axes) {
            size *= a.count();
        }
        if (size > Integer.MAX_VALUE) {
            throw new ScenarioException("--param", "--param: " + size + " points are too many");
        }
    }

    /**
     * One point of the grid.
     *
     * @param index   its number in the grid (variants included)
     * @param variant index into {@link #variants()}; 0 for a grid without variants
     * @param cell    its index on each axis
     * @param values  the swept values
     */
    public record Point(int index, int variant, List<Integer> cell, List<Double> values) {
        public Point {
            cell = List.copyOf(cell);
            values = List.copyOf(values);
        }
    }

    /** All points, variants included. */
    public int size() {
        return Math.max(1, variants.size()) * parameterPoints();
    }

    /** The points of the parameter grid: those of one variant. */
    public int parameterPoints() {
        int n = 1;
        for (Axis a : axes) {
            n *= a.count();
        }
        return n;
    }

    public boolean hasVariants() {
        return !variants.isEmpty();
    }

    /** The variant of a point, or null in a grid without variants. */
    public Variant variant(Point p) {
        return variants.isEmpty() ? null : variants.get(p.variant());
    }

    public List<String> names() {
        return axes.stream().map(Axis::name).toList();
    }

    public Point point(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        List<Integer> cell = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        int rest = index % parameterPoints();
        int stride = parameterPoints();
        for (Axis a : axes) {
            stride /= a.count();
            int i = rest / stride;
            rest %= stride;
            cell.add(i);
            values.add(a.value(i));
        }
        return new Point(index, index / parameterPoints(), cell, values);
    }

    /** The corners of the parameter grid of the first variant. */
    public List<Point> corners() {
        return corners(0);
    }

    /** The corners of the parameter grid (2 or 4 points) of variant {@code v}: a range is valid if its ends are. */
    public List<Point> corners(int v) {
        List<Point> corners = new ArrayList<>();
        int n = 1 << axes.size();
        for (int mask = 0; mask < n; mask++) {
            int index = 0;
            for (int k = 0; k < axes.size(); k++) {
                index = index * axes.get(k).count() + ((mask >> (axes.size() - 1 - k) & 1) == 1 ? axes.get(k).count() - 1 : 0);
            }
            corners.add(point(v * parameterPoints() + index));
        }
        return corners;
    }

    /** A value as an override reads it back exactly: 3 for 3.0, otherwise the shortest round-trip form. */
    public static String text(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The {@code key=value} overrides that put the scenario at a point (values in full precision). */
    public List<String> overrides(Point p) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < axes.size(); k++) {
            out.add(axes.get(k).name() + "=" + text(p.values().get(k)));
        }
        return out;
    }
}
