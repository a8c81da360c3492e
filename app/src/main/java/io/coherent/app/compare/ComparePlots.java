package io.coherent.app.compare;

import io.coherent.app.plot.Figures;
import io.coherent.app.plot.LineFigure;
import io.coherent.app.plot.Quantities;
import io.coherent.app.plot.Ticks;
import io.coherent.integrators.Sample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * The trajectories of the methods overlaid, one figure per observable ({@code DIR/<observable>.png} and
 * {@code .svg}), and an overview with one panel per observable ({@code overview.png} and {@code .svg}). The first
 * method (the reference) is drawn solid, the others dashed, dotted and dash-dotted, each in its own colour.
 *
 * <p>Only observables that differ from zero (beyond their error estimate plus {@link #ZERO}) for some method get a
 * figure; the others are listed ({@link Selection#flat}). The time axis ends where the dynamics end: once every
 * curve stays within 1 % of its range of its final value, the axis stops at 1.5 times that time (rounded), and a
 * note says so.
 */
public final class ComparePlots {
    /** Values below error estimate + ZERO count as 0 (the integrators' default tolerances are 1e-10). */
    static final double ZERO = 1e-9;
    private static final int WIDTH = 820;
    private static final int HEIGHT = 540;
    private static final int PANEL_WIDTH = 640;
    private static final int PANEL_HEIGHT = 440;
    private static final int COLUMNS = 2;
    /** Longer axis labels do not fit beside a panel's height. */
    private static final int AXIS_LABEL = 44;

    private ComparePlots() {
    }

    /**
     * Which observables get a figure.
     *
     * @param plotted observables that differ from zero for some method
     * @param flat    observables that are 0 within their error estimates for every method (listed, not drawn)
     */
    public record Selection(List<String> plotted, List<String> flat) {
    }

    /** Splits {@code names} into those worth a figure and those that are zero for every method. */
    public static Selection select(List<MethodRun> runs, List<String> names) {
        List<String> plotted = new ArrayList<>();
        List<String> flat = new ArrayList<>();
        for (String name : names) {
            boolean nonzero = runs.stream().flatMap(r -> r.samples().stream()).anyMatch(s ->
                    Math.abs(s.observables().value(name)) > s.observables().error(name) + ZERO);
            (nonzero ? plotted : flat).add(name);
        }
        return new Selection(plotted, flat);
    }

    /** Writes DIR/NAME.png and DIR/NAME.svg for each observable; returns the files in order. */
    public static List<Path> figures(Path dir, String title, List<MethodRun> runs, List<String> names) {
        List<Path> files = new ArrayList<>();
        double shown = shownUntil(runs, names);
        for (String name : names) {
            files.addAll(Figures.save(chart(title, runs, name, shown), dir.resolve(fileName(name)), WIDTH, HEIGHT));
        }
        return files;
    }

    /** Writes the PNG {@code file} (and an SVG beside it) with a panel per observable, two panels a row. */
    public static void overview(Path file, String title, List<MethodRun> runs, List<String> names) {
        double shown = shownUntil(runs, names);
        List<JFreeChart> charts = names.stream().map(n -> chart(title, runs, n, shown)).toList();
        String stem = file.toString().endsWith(".png") ? file.toString().substring(0, file.toString().length() - 4)
                : file.toString();
        Figures.saveGrid(charts, COLUMNS, PANEL_WIDTH, PANEL_HEIGHT, Path.of(stem));
    }

    /** The file name of an observable's figure (without extension): characters outside [A-Za-z0-9._-] become _. */
    public static String fileName(String observable) {
        return observable.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * Where the time axis ends: 1.5 times the latest time at which some curve is still more than 1 % of its
     * observable's range away from its final value, rounded up to 1, 2 or 5 times a power of ten; the whole run if
     * that is more than half of it.
     */
    static double shownUntil(List<MethodRun> runs, List<String> names) {
        double end = runs.stream().mapToDouble(r -> r.last().t()).max().orElse(0);
        double settled = 0;
        for (String name : names) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (MethodRun r : runs) {
                for (Sample s : r.samples()) {
                    lo = Math.min(lo, s.observables().value(name));
                    hi = Math.max(hi, s.observables().value(name));
                }
            }
            double band = 0.01 * (hi - lo);
            for (MethodRun r : runs) {
                double last = r.last().observables().value(name);
                List<Sample> samples = r.samples();
                for (int i = samples.size() - 1; i >= 0; i--) {
                    if (Math.abs(samples.get(i).observables().value(name) - last) > band) {
                        settled = Math.max(settled, samples.get(Math.min(i + 1, samples.size() - 1)).t());
                        break;
                    }
                }
            }
        }
        double shown = roundUp(1.5 * settled);
        return shown <= 0 || shown > 0.5 * end ? end : shown;
    }

    private static double roundUp(double v) {
        if (!(v > 0)) {
            return 0;
        }
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * decade >= v * (1 - 1e-12)) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    private static JFreeChart chart(String title, List<MethodRun> runs, String name, double shown) {
        // a long label goes into the title, which wraps, and the axis keeps the symbol
        String label = Quantities.observableLabel(name);
        boolean longLabel = label.length() > AXIS_LABEL;
        LineFigure figure = new LineFigure(title + ": " + (longLabel ? label : Quantities.observableSymbol(name)),
                Figures.axis("time t", Figures.Scale.LINEAR),
                Figures.axis(longLabel ? Quantities.observableSymbol(name) : label, Figures.Scale.LINEAR), true);
        double end = 0;
        for (int r = 0; r < runs.size(); r++) {
            List<Sample> samples = runs.get(r).samples();
            double[] t = new double[samples.size()];
            double[] y = new double[samples.size()];
            double[] e = new double[samples.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = samples.get(i).t();
                y[i] = samples.get(i).observables().value(name);
                e[i] = samples.get(i).observables().error(name);
            }
            end = Math.max(end, t[t.length - 1]);
            figure.curve(new LineFigure.Curve(runs.get(r).method() + (r == 0 ? " (reference)" : ""), t, y, e, r, r));
        }
        if (shown < end) {
            figure.xRange(0, shown);
            figure.note("Shown to t = " + Ticks.number(shown) + " of " + Ticks.number(end)
                    + ": after that every curve stays within 1 % of its final value (the CSVs have every sample).");
        } else {
            figure.xRange(0, end);
        }
        return figure.chart();
    }
}
