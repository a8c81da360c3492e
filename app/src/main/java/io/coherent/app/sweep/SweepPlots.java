package io.coherent.app.sweep;

import io.coherent.core.observables.Estimate;
import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figures of a sweep, as PNG and SVG: for one parameter a line plot of the chosen observables against
 * it ({@code DIR/plot.png}); for two parameters one heat map per observable ({@code DIR/heatmap-NAME.png},
 * first parameter across, second up). Failed points are left out (a gap in a line, an empty cell).
 */
public final class SweepPlots {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;
    private static final int TICKS = 8;
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

    /**
     * Draws the figures of a sweep into {@code dir}.
     *
     * @param observables what to plot (see {@link #defaultObservables})
     * @param lines       for two parameters: instead of heat maps, one line plot per observable against the first
     *                    parameter with a curve for each value of the second ({@code DIR/lines-NAME.png})
     */
    public static Written write(Path dir, String title, Grid grid, List<PointOutcome> outcomes, List<String> observables,
                                boolean lines) {
        List<PointOutcome> all = outcomes.stream().sorted(Comparator.comparingInt(o -> o.point().index())).toList();
        List<PointOutcome> ok = all.stream().filter(o -> !o.failed()).toList();
        List<Path> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        if (ok.isEmpty()) {
            observables.forEach(n -> skipped.add(new Skipped(n, "no point succeeded")));
            return new Written(files, skipped);
        }
        Axis first = grid.axes().get(0);
        if (grid.axes().size() == 1) {
            files.addAll(save(linePlot(title, first, String.join(", ", observables),
                    observables.stream().map(n -> new Curve(n, all, n)).toList()), dir.resolve("plot")));
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
                List<Curve> curves = new ArrayList<>();
                Set<String> labels = new HashSet<>();
                for (int j = 0; j < second.count(); j++) {
                    int column = j;
                    String label = second.name() + " = " + tick(second.value(j));
                    curves.add(new Curve(labels.add(label) ? label : second.name() + " = " + Grid.text(second.value(j)),
                            all.stream().filter(o -> o.point().cell().get(1) == column).toList(), name));
                }
                files.addAll(save(linePlot(title + ": " + name, first, name, curves), dir.resolve("lines-" + name)));
            } else {
                files.addAll(save(heatMap(title, grid, ok, name, range), dir.resolve("heatmap-" + name)));
            }
        }
        return new Written(files, skipped);
    }

    /** One curve: an observable at some points, against the first parameter; failed points make gaps (NaN). */
    private record Curve(String label, List<PointOutcome> points, String observable) {
    }

    private static XYChart linePlot(String title, Axis axis, String yTitle, List<Curve> curves) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(axis.name())
                .yAxisTitle(yTitle.length() > 40 ? "value" : yTitle).build();
        chart.getStyler().setMarkerSize(4);
        if (axis.scale() == Axis.Scale.LOG) {
            // XChart applies a custom tick formatter to a linear tick layout: keep its own decade labels
            chart.getStyler().setXAxisLogarithmic(true);
        } else {
            chart.setCustomXAxisTickLabelsFormatter(SweepPlots::tick);
        }
        for (Curve c : curves) {
            if (c.points().stream().allMatch(PointOutcome::failed)) {
                continue;
            }
            double[] x = c.points().stream().mapToDouble(o -> o.point().values().get(0)).toArray();
            double[] y = c.points().stream().mapToDouble(o -> value(o, c.observable())).toArray();
            XYSeries s = chart.addSeries(c.label(), x, y);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    private static HeatMapChart heatMap(String title, Grid grid, List<PointOutcome> ok, String name, double[] range) {
        Axis ax = grid.axes().get(0);
        Axis ay = grid.axes().get(1);
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title + ": " + name)
                .xAxisTitle(ax.name() + (ax.scale() == Axis.Scale.LOG ? " (log)" : ""))
                .yAxisTitle(ay.name() + (ay.scale() == Axis.Scale.LOG ? " (log)" : "")).build();
        chart.getStyler().setShowValue(false);
        chart.getStyler().setDrawBorder(false);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setHeatMapDecimalValueFormatter(SweepPlots::tick);
        double lo;
        double hi;
        if (range[0] < 0 && range[1] > 0) {
            hi = rounded(Math.max(-range[0], range[1]), RoundingMode.CEILING);
            lo = -hi;
            chart.getStyler().setRangeColors(new Color[] {new Color(0x3B4CC0), Color.WHITE, new Color(0xB40426)});
        } else {
            lo = rounded(range[0], RoundingMode.FLOOR);
            hi = rounded(range[1], RoundingMode.CEILING);
            chart.getStyler().setRangeColors(new Color[] {new Color(0x440154), new Color(0x21918C), new Color(0xFDE725)});
        }
        chart.getStyler().setMin(lo).setMax(hi);
        // XChart indexes past its colour array when (value - min)/(max - min) rounds to 1: keep the cells a
        // hair (1e-9 of the scale, invisible) below the top of the scale
        double top = hi - (hi - lo) * 1e-9;
        List<Number[]> cells = new ArrayList<>();
        for (PointOutcome o : ok) {
            cells.add(new Number[] {o.point().cell().get(0), o.point().cell().get(1), Math.min(value(o, name), top)});
        }
        chart.addSeries(name, labels(ax), labels(ay), cells);
        return chart;
    }

    /** Axis labels: about {@link #TICKS} values are written, the other categories stay blank. */
    private static List<String> labels(Axis axis) {
        int every = Math.max(1, (int) Math.ceil((axis.count() - 1) / (double) TICKS));
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < axis.count(); i++) {
            boolean last = i == axis.count() - 1;
            labels.add(last || i % every == 0 && axis.count() - 1 - i >= every ? tick(axis.value(i))
                    : " ".repeat(i));
        }
        return labels;
    }

    /** A tick label: up to 4 significant digits, no trailing zeros. */
    static String tick(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            return s.replaceAll("\\.?0+e", "e").replaceAll("e\\+?(-?)0*(\\d)", "e$1$2");
        }
        return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
    }

    /** The colour scale's ends to 3 significant digits, outwards (XChart prints them in full). */
    private static double rounded(double v, RoundingMode mode) {
        return v == 0 ? 0 : new BigDecimal(v).round(new MathContext(3, mode)).doubleValue();
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
        Estimate e = o.result().observables().values().get(name);
        return e == null ? Double.NaN : e.error();
    }

    private static List<Path> save(Chart<?, ?> chart, Path stem) {
        try {
            BitmapEncoder.saveBitmap(chart, stem + ".png", BitmapEncoder.BitmapFormat.PNG);
            VectorGraphicsEncoder.saveVectorGraphic(chart, stem + ".svg", VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stem + ".png/.svg: " + e.getMessage(), e);
        }
        return List.of(Path.of(stem + ".png"), Path.of(stem + ".svg"));
    }
}
