package io.coherent.app.sweep;

import io.coherent.config.ScenarioException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The points of a sweep: the Cartesian product of one or two axes. Points are numbered row-major with the
 * first axis slowest: index = i0 * count1 + i1.
 */
public record Grid(List<Axis> axes) {

    public static final int MAX_AXES = 2;

    public Grid {
        axes = List.copyOf(axes);
        if (axes.isEmpty() || axes.size() > MAX_AXES) {
            throw new ScenarioException("--param", "--param: a sweep takes 1 or 2 parameters, got " + axes.size());
        }
        Set<String> names = new HashSet<>();
        for (Axis a : axes) {
            if (!names.add(a.name())) {
                throw new ScenarioException("--param", "--param " + a.text() + ": " + a.name() + " is swept twice");
            }
        }
        long size = 1;
        for (Axis a : axes) {
            size *= a.count();
        }
        if (size > Integer.MAX_VALUE) {
            throw new ScenarioException("--param", "--param: " + size + " points are too many");
        }
    }

    /** One point of the grid. */
    public record Point(int index, List<Integer> cell, List<Double> values) {
        public Point {
            cell = List.copyOf(cell);
            values = List.copyOf(values);
        }
    }

    public int size() {
        int n = 1;
        for (Axis a : axes) {
            n *= a.count();
        }
        return n;
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
        int rest = index;
        int stride = size();
        for (Axis a : axes) {
            stride /= a.count();
            int i = rest / stride;
            rest %= stride;
            cell.add(i);
            values.add(a.value(i));
        }
        return new Point(index, cell, values);
    }

    /** The corners of the grid (2 or 4 points): a range is valid if its ends are. */
    public List<Point> corners() {
        List<Point> corners = new ArrayList<>();
        int n = 1 << axes.size();
        for (int mask = 0; mask < n; mask++) {
            int index = 0;
            for (int k = 0; k < axes.size(); k++) {
                index = index * axes.get(k).count() + ((mask >> (axes.size() - 1 - k) & 1) == 1 ? axes.get(k).count() - 1 : 0);
            }
            corners.add(point(index));
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
