package io.coherent.app.sweep;

import io.coherent.app.plot.Figures;
import io.coherent.app.plot.HeatMapFigure;
import io.coherent.app.plot.LineFigure;
import io.coherent.app.plot.Quantities;
import io.coherent.core.observables.Estimate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jfree.chart.axis.NumberAxis;

/**
 * The figures of a sweep, as PNG and SVG: for one parameter a line plot of the chosen observables against it
 * ({@code DIR/plot.png}); for two parameters one heat map per observable ({@code DIR/heatmap-NAME.png}, first
 * parameter across, second up) or, with {@code lines}, one curve per value of the second parameter.
 *
 * <p>What the figures show beyond the values: error bars where the error estimate is visible at plot scale (a note
 * gives its size otherwise), non-converged points ringed (outlined in a map), failed points as red lines (grey
 * cells), and points whose steady state is not unique (a decoherence-free mode, such as theta = 0 of the
 * partial-collective model) drawn apart: not joined to their neighbours, and not setting a map's colour range.
 */
public final class SweepPlots {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 620;
    private static final List<String> COHERENCES = List.of("Jx", "Jy", "Jz");

    private SweepPlots() {
    }

    /** A figure that was not drawn, and why. */
    public record Skipped(String observable, String reason) {
    }

    /** Files written and observables skipped. */
    public record Written(List<Path> files, List<Skipped> skipped) {
    }

    /**
     * What to plot by default: the coherences Jx, Jy, Jz where the model has them (bilinear models), otherwise
     * the observables named coherence... (finite systems), otherwise every observable except the currents.
     */
    public static List<String> defaultObservables(List<String> names) {
        List<String> coherences = COHERENCES.stream().filter(names::contains).toList();
        if (coherences.isEmpty()) {
            coherences = names.stream().filter(n -> n.startsWith("coherence")).toList();
        }
        return coherences.isEmpty() ? names.stream().filter(n -> !n.contains("current")).toList() : coherences;
    }

    /** {@link #write(Path, String, Quantities, Grid, List, List, boolean)} with symbols but no parameter meanings. */
    public static Written write(Path dir, String title, Grid grid, List<PointOutcome> outcomes, List<String> observables,
                                boolean lines) {
        return write(dir, title, Quantities.none(), grid, outcomes, observables, lines);
    }

    /**
     * Draws the figures of a sweep into {@code dir}.
     *
     * @param quantities  what the parameters are (axis labels, angles)
     * @param observables what to plot (see {@link #defaultObservables})
     * @param lines       for two parameters: instead of heat maps, one line plot per observable against the first
     *                    parameter with a curve for each value of the second ({@code DIR/lines-NAME.png})
     */
    public static Written write(Path dir, String title, Quantities quantities, Grid grid, List<PointOutcome> outcomes,
                                List<String> observables, boolean lines) {
        List<PointOutcome> all = outcomes.stream().sorted(Comparator.comparingInt(o -> o.point().index())).toList();
        List<PointOutcome> ok = all.stream().filter(o -> !o.failed()).toList();
        List<Path> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        if (ok.isEmpty()) {
            observables.forEach(n -> skipped.add(new Skipped(n, "no point succeeded")));
            return new Written(files, skipped);
        }
        if (grid.hasVariants()) {
            return writeVariants(dir, title, quantities, grid, all, observables);
        }
        Axis first = grid.axes().get(0);
        if (grid.axes().size() == 1) {
            String yLabel = observables.size() == 1 ? Quantities.observableLabel(observables.get(0))
                    : observables.stream().map(Quantities::observableSymbol).collect(Collectors.joining(", "));
            LineFigure figure = new LineFigure(title, axis(quantities, first), Figures.axis(yLabel, Figures.Scale.LINEAR),
                    false);
            for (int k = 0; k < observables.size(); k++) {
                String label = observables.size() == 1 ? Quantities.observableSymbol(observables.get(k))
                        : Quantities.observableLabel(observables.get(k));
                addCurve(figure, quantities, first, label, all, observables.get(k), k, k, k == 0);
            }
            files.addAll(Figures.save(figure.chart(), dir.resolve("plot"), WIDTH, HEIGHT));
            return new Written(files, skipped);
        }
        Axis second = grid.axes().get(1);
        for (String name : observables) {
            double[] range = range(ok, name);
            if (ok.stream().allMatch(o -> Math.abs(value(o, name)) <= error(o, name))) {
                skipped.add(new Skipped(name, "it is 0 within its error estimate at every point"));
            } else if (!(range[1] > range[0])) {
                skipped.add(new Skipped(name, "it is " + range[0] + " at every point"));
            } else if (lines) {
                LineFigure figure = new LineFigure(title + ": " + Quantities.observableSymbol(name), axis(quantities, first),
                        Figures.axis(Quantities.observableLabel(name), Figures.Scale.LINEAR), false);
                for (int j = 0; j < second.count(); j++) {
                    int column = j;
                    addCurve(figure, quantities, first, quantities.parameterValue(second.name(), second.value(j)),
                            all.stream().filter(o -> o.point().cell().get(1) == column).toList(), name, j, 0, j == 0);
                }
                files.addAll(Figures.save(figure.chart(), dir.resolve("lines-" + name), WIDTH, HEIGHT));
            } else {
                files.addAll(Figures.save(heatMap(title, quantities, grid, all, name).chart(),
                        dir.resolve("heatmap-" + name), WIDTH, HEIGHT));
            }
        }
        return new Written(files, skipped);
    }

    /**
     * The figures of a sweep with variants. One parameter: {@code DIR/plot.png}, a panel per observable with a curve per
     * variant (the same colour, line style and marker for a variant in every panel), not-converged points as hollow
     * markers and failed points as gaps, each counted in a note. Two parameters: a heat map per variant and observable,
     * {@code DIR/heatmap-NAME-K-LABEL.png} (K the variant's number from 1, LABEL its label in file-name characters).
     */
    private static Written writeVariants(Path dir, String title, Quantities quantities, Grid grid, List<PointOutcome> all,
                                         List<String> observables) {
        List<Path> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Axis first = grid.axes().get(0);
        if (grid.axes().size() == 1) {
            List<org.jfree.chart.JFreeChart> panels = new ArrayList<>();
            for (String name : observables) {
                LineFigure figure = new LineFigure(title + ": " + Quantities.observableSymbol(name), axis(quantities, first),
                        Figures.axis(Quantities.observableLabel(name), Figures.Scale.LINEAR), false);
                List<String> open = new ArrayList<>();
                List<String> gaps = new ArrayList<>();
                for (int k = 0; k < grid.variants().size(); k++) {
                    int variant = k;
                    List<PointOutcome> points = all.stream().filter(o -> o.point().variant() == variant).toList();
                    String label = grid.variants().get(k).label();
                    int notConverged = (int) points.stream().filter(o -> !o.failed() && !o.result().converged()
                            && Double.isFinite(value(o, name))).count();
                    int missing = (int) points.stream().filter(o -> !Double.isFinite(value(o, name))).count();
                    if (notConverged > 0) {
                        open.add(label + ": " + notConverged + (notConverged == 1 ? " point" : " points"));
                    }
                    if (missing > 0) {
                        String why = points.stream().filter(PointOutcome::failed).map(PointOutcome::failure).findFirst()
                                .orElse("no value");
                        gaps.add(label + ": " + (missing == points.size() ? "every point" : missing + " of " + points.size())
                                + " (" + (why.length() > 90 ? why.substring(0, 87) + "..." : why) + ")");
                    }
                    addCurve(figure, quantities, first, label, points, name, k, k, k == 0, true);
                }
                if (!open.isEmpty()) {
                    figure.note("Hollow (larger) markers: not converged (" + String.join(", ", open) + "); the value "
                            + "last reached, whose error estimate may not bound its error.");
                }
                if (!gaps.isEmpty()) {
                    figure.note("No value (failed; reasons in results.csv): " + String.join("; ", gaps) + ".");
                }
                panels.add(figure.chart());
            }
            files.addAll(Figures.saveGrid(panels, panels.size() == 1 ? 1 : 2, WIDTH, HEIGHT, dir.resolve("plot")));
            return new Written(files, skipped);
        }
        for (int k = 0; k < grid.variants().size(); k++) {
            int variant = k;
            Variant v = grid.variants().get(k);
            List<PointOutcome> mine = all.stream().filter(o -> o.point().variant() == variant).toList();
            List<PointOutcome> ok = mine.stream().filter(o -> !o.failed()).toList();
            String stem = (k + 1) + "-" + v.label().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-|-$", "");
            for (String name : observables) {
                double[] range = range(ok, name);
                String which = name + " of variant " + v.label();
                if (ok.isEmpty()) {
                    skipped.add(new Skipped(which, "no point succeeded"));
                } else if (ok.stream().allMatch(o -> !(Math.abs(value(o, name)) > error(o, name)))) {
                    skipped.add(new Skipped(which, "it is 0 within its error estimate (or absent) at every point"));
                } else if (!(range[1] > range[0])) {
                    skipped.add(new Skipped(which, "it is " + range[0] + " at every point"));
                } else {
                    files.addAll(Figures.save(heatMap(title + ", " + v.label(), quantities, grid, mine, name).chart(),
                            dir.resolve("heatmap-" + name + "-" + stem), WIDTH, HEIGHT));
                }
            }
        }
        return new Written(files, skipped);
    }

    /**
     * Adds the observable at {@code points} (ordered along the first axis) as one curve. A point whose steady
     * state is not unique, among unique ones, is kept apart: NaN on either side, so no line joins it.
     */
    private static void addCurve(LineFigure figure, Quantities quantities, Axis axis, String label,
                                 List<PointOutcome> points, String name, int index, int dash, boolean notes) {
        addCurve(figure, quantities, axis, label, points, name, index, dash, notes, false);
    }

    /**
     * {@link #addCurve(LineFigure, Quantities, Axis, String, List, String, int, int, boolean)}; {@code hollow}: a
     * not-converged point gets a hollow marker (a variant's curve; the caller notes them) instead of a red ring, and a
     * failed point only a gap, not a red line across the figure.
     */
    private static void addCurve(LineFigure figure, Quantities quantities, Axis axis, String label,
                                 List<PointOutcome> points, String name, int index, int dash, boolean notes, boolean hollow) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> e = new ArrayList<>();
        List<Boolean> open = new ArrayList<>();
        boolean anyUnique = points.stream().anyMatch(o -> !o.failed() && o.result().unique());
        List<String> apart = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            PointOutcome o = points.get(i);
            double xi = coordinate(axis, o.point().values().get(0));
            boolean singular = anyUnique && !o.failed() && !o.result().unique();
            if (singular && i > 0) {
                x.add(xi);
                y.add(Double.NaN);
                e.add(Double.NaN);
                open.add(false);
            }
            x.add(xi);
            y.add(value(o, name));
            e.add(o.failed() ? Double.NaN : error(o, name));
            open.add(!o.failed() && !o.result().converged());
            if (singular && i < points.size() - 1) {
                x.add(xi);
                y.add(Double.NaN);
                e.add(Double.NaN);
                open.add(false);
            }
            if (singular) {
                apart.add(quantities.parameterValue(axis.name(), o.point().values().get(0)));
            }
            if (hollow) {
                continue;
            }
            if (o.failed()) {
                figure.failedAt(xi);
            } else if (!o.result().converged()) {
                figure.mark("not converged", xi, value(o, name));
            }
        }
        boolean[] hollowAt = new boolean[open.size()];
        for (int i = 0; i < hollowAt.length; i++) {
            hollowAt[i] = open.get(i);
        }
        figure.curve(new LineFigure.Curve(label, x.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray(), e.stream().mapToDouble(Double::doubleValue).toArray(),
                index, dash, hollow ? hollowAt : null));
        if (notes && !apart.isEmpty()) {
            figure.note("Not joined to the neighbouring points: " + (apart.size() <= 3 ? String.join(", ", apart)
                    : apart.size() + " points") + ", where the steady state is not unique (decoherence-free mode or"
                    + " conserved quantity; the value is reached from the initial state and is not the limit of its"
                    + " neighbours).");
        }
    }

    private static HeatMapFigure heatMap(String title, Quantities quantities, Grid grid, List<PointOutcome> all,
                                         String name) {
        Axis ax = grid.axes().get(0);
        Axis ay = grid.axes().get(1);
        HeatMapFigure figure = new HeatMapFigure(title + ": " + Quantities.observableSymbol(name), axis(quantities, ax),
                axis(quantities, ay), Quantities.observableLabel(name), step(ax), step(ay));
        boolean anyUnique = all.stream().anyMatch(o -> !o.failed() && o.result().unique());
        for (PointOutcome o : all) {
            figure.cell(new HeatMapFigure.Cell(coordinate(ax, o.point().values().get(0)),
                    coordinate(ay, o.point().values().get(1)), value(o, name), error(o, name),
                    anyUnique && !o.failed() && !o.result().unique(), !o.failed() && !o.result().converged()));
        }
        return figure;
    }

    private static NumberAxis axis(Quantities quantities, Axis axis) {
        boolean whole = java.util.Arrays.stream(axis.values()).allMatch(v -> v == Math.rint(v));
        Figures.Scale scale = axis.scale() == Axis.Scale.LOG ? Figures.Scale.LOG
                : quantities.isAngle(axis.name()) ? Figures.Scale.ANGLE
                : whole && axis.count() <= 20 ? Figures.Scale.INTEGER : Figures.Scale.LINEAR;
        return Figures.axis(quantities.parameterLabel(axis.name()) + (scale == Figures.Scale.LOG ? ", log scale" : ""),
                scale);
    }

    /** Where a parameter value sits on its figure axis: log10 of it on a log axis. */
    private static double coordinate(Axis axis, double value) {
        return axis.scale() == Axis.Scale.LOG ? Math.log10(value) : value;
    }

    /** The spacing of a grid axis in figure coordinates. */
    private static double step(Axis axis) {
        return Math.abs(coordinate(axis, axis.value(1)) - coordinate(axis, axis.value(0)));
    }

    private static double[] range(List<PointOutcome> ok, String name) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (PointOutcome o : ok) {
            double v = value(o, name);
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new double[] {lo, hi};
    }

    private static double value(PointOutcome o, String name) {
        Estimate e = o.failed() ? null : o.result().observables().values().get(name);
        return e == null ? Double.NaN : e.value();
    }

    private static double error(PointOutcome o, String name) {
        Estimate e = o.failed() ? null : o.result().observables().values().get(name);
        return e == null ? Double.NaN : e.error();
    }
}
