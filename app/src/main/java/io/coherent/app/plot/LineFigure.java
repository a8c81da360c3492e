package io.coherent.app.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A line plot of curves against one variable: sweeps (markers at the points, error bars) or trajectories (lines,
 * error bands). An error estimate is drawn where it is visible at plot scale, otherwise a note gives its size. A NaN
 * value breaks the line (a failed point, or a point that must not be joined to its neighbours).
 */
public final class LineFigure {
    /** Errors below this fraction of the y range are thinner than the line and only noted. */
    static final double VISIBLE_ERROR = 0.003;
    private static final Color MARK = new Color(0xC00000);
    /** Point markers by line style: filled circle for the first curve, then hollow square, triangle, diamond. */
    private static final List<java.awt.Shape> SHAPES = List.of(new Ellipse2D.Double(-3, -3, 6, 6),
            new java.awt.geom.Rectangle2D.Double(-3.5, -3.5, 7, 7),
            new java.awt.Polygon(new int[] {-4, 4, 0}, new int[] {3, 3, -4}, 3),
            new java.awt.Polygon(new int[] {-4, 0, 4, 0}, new int[] {0, -4, 0, 4}, 4));

    /**
     * One curve.
     *
     * @param label  legend entry
     * @param x      abscissae (log10 for a log axis)
     * @param y      values; NaN for a gap
     * @param error  error estimate of each value (>= 0), or null
     * @param colour index into the palette
     * @param dash   index into the strokes (0 solid, 1 dashed, 2 dotted, 3 dash-dotted)
     * @param open   which points get a hollow marker (e.g. not converged), or null: then the first line style's
     *               markers are filled and the others hollow; otherwise every other marker is filled
     */
    public record Curve(String label, double[] x, double[] y, double[] error, int colour, int dash, boolean[] open) {
        public Curve(String label, double[] x, double[] y, double[] error, int colour, int dash) {
            this(label, x, y, error, colour, dash, null);
        }

        boolean hollow(int i) {
            return open != null && i < open.length && open[i];
        }
    }

    private final String title;
    private final NumberAxis xAxis;
    private NumberAxis yAxis;
    private final boolean dense;
    private final List<Curve> curves = new ArrayList<>();
    private final List<double[]> marked = new ArrayList<>();
    private final List<Double> failed = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String markLabel = "not converged";
    private double[] xRange;

    /** @param dense trajectories: lines without markers, error bands; otherwise sweep points with markers, error bars */
    public LineFigure(String title, NumberAxis xAxis, NumberAxis yAxis, boolean dense) {
        this.title = title;
        this.xAxis = xAxis;
        this.yAxis = yAxis;
        this.dense = dense;
    }

    public LineFigure curve(Curve c) {
        curves.add(c);
        return this;
    }

    /** Marks a point with a red ring (e.g. not converged), with one legend entry {@code label} for all of them. */
    public LineFigure mark(String label, double x, double y) {
        markLabel = label;
        marked.add(new double[] {x, y});
        return this;
    }

    /** A point that failed: a red dashed vertical line at x. */
    public LineFigure failedAt(double x) {
        failed.add(x);
        return this;
    }

    public LineFigure note(String note) {
        notes.add(note);
        return this;
    }

    /** Shows only lo .. hi of the x axis. */
    public LineFigure xRange(double lo, double hi) {
        xRange = new double[] {lo, hi};
        return this;
    }

    public JFreeChart chart() {
        if (!dense && spansDecades()) {
            // positive values over more than three decades: a linear axis would flatten all but the largest
            yAxis = Figures.axis(yAxis.getLabel() + ", log scale", Figures.Scale.LOG);
            curves.replaceAll(c -> new Curve(c.label(), c.x(), log10(c.y(), null, 0), c.error() == null ? null
                    : logError(c.y(), c.error()), c.colour(), c.dash(), c.open()));
            marked.replaceAll(p -> new double[] {p[0], Math.log10(p[1])});
        }
        XYSeriesCollection lines = new XYSeriesCollection();
        YIntervalSeriesCollection errors = new YIntervalSeriesCollection();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double largestError = 0;
        for (Curve c : curves) {
            for (int i = 0; i < c.y().length; i++) {
                if (Double.isFinite(c.y()[i]) && inView(c.x()[i])) {
                    lo = Math.min(lo, c.y()[i]);
                    hi = Math.max(hi, c.y()[i]);
                    if (c.error() != null && Double.isFinite(c.error()[i])) {
                        largestError = Math.max(largestError, c.error()[i]);
                    }
                }
            }
        }
        double span = hi > lo ? hi - lo : Math.max(Math.abs(hi), 1e-300);
        boolean showErrors = largestError > VISIBLE_ERROR * span;
        XYPlot plot = new XYPlot(lines, xAxis, yAxis, null);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, !dense) {
            @Override
            public boolean getItemShapeFilled(int series, int item) {
                return curves.get(series).open() != null || super.getItemShapeFilled(series, item);
            }

            @Override
            public java.awt.Shape getItemShape(int series, int item) {
                // a hollow marker is drawn larger, so that it reads as open even where curves overlap
                java.awt.Shape shape = super.getItemShape(series, item);
                return curves.get(series).hollow(item)
                        ? java.awt.geom.AffineTransform.getScaleInstance(1.6, 1.6).createTransformedShape(shape) : shape;
            }

            @Override
            public java.awt.Paint getItemFillPaint(int series, int item) {
                return curves.get(series).hollow(item) ? Color.WHITE : super.getItemFillPaint(series, item);
            }
        };
        renderer.setUseFillPaint(true);
        for (int k = 0; k < curves.size(); k++) {
            Curve c = curves.get(k);
            XYSeries s = new XYSeries(c.label() + "#" + k, false, true);
            YIntervalSeries e = new YIntervalSeries(c.label() + "#" + k, false, true);
            for (int i = 0; i < c.x().length; i++) {
                boolean finite = Double.isFinite(c.y()[i]);
                s.add(c.x()[i], finite ? (Double) c.y()[i] : null);
                double err = c.error() == null ? 0 : c.error()[i];
                if (finite && Double.isFinite(err)) {
                    e.add(c.x()[i], c.y()[i], c.y()[i] - err, c.y()[i] + err);
                }
            }
            lines.addSeries(s);
            errors.addSeries(e);
            Color colour = Figures.PALETTE.get(c.colour() % Figures.PALETTE.size());
            renderer.setSeriesPaint(k, colour);
            renderer.setSeriesFillPaint(k, colour);
            renderer.setSeriesStroke(k, Figures.STROKES.get(c.dash() % Figures.STROKES.size()));
            renderer.setSeriesShape(k, SHAPES.get(c.dash() % SHAPES.size()));
            renderer.setSeriesShapesFilled(k, c.dash() == 0);
            renderer.setLegendShape(k, new java.awt.geom.Line2D.Double(-12, 0, 12, 0));
        }
        renderer.setDrawSeriesLineAsPath(false);
        renderer.setLegendItemLabelGenerator((dataset, series) -> curves.get(series).label());
        plot.setRenderer(0, renderer);
        if (showErrors) {
            plot.setDataset(1, errors);
            XYLineAndShapeRenderer bars;
            if (dense) {
                DeviationRenderer band = new DeviationRenderer(false, false);
                band.setAlpha(0.25f);
                bars = band;
            } else {
                XYErrorRenderer bar = new XYErrorRenderer();
                bar.setDrawXError(false);
                bar.setDefaultLinesVisible(false);
                bar.setDefaultShapesVisible(false);
                bar.setCapLength(5);
                bar.setErrorStroke(new BasicStroke(1.2f));
                bars = bar;
            }
            for (int k = 0; k < curves.size(); k++) {
                Color colour = Figures.PALETTE.get(curves.get(k).colour() % Figures.PALETTE.size());
                bars.setSeriesPaint(k, colour);
                bars.setSeriesFillPaint(k, colour);
            }
            if (!dense) {
                ((XYErrorRenderer) bars).setErrorPaint(null);
            }
            bars.setDefaultSeriesVisibleInLegend(false);
            plot.setRenderer(1, bars);
            notes.add(0, dense ? "Shaded: ± the error estimate of each value." : "Bars: ± the error estimate of each point.");
        } else if (largestError > 0) {
            notes.add(0, "Error estimates ≤ " + Ticks.number(largestError, 2) + " (below the line width).");
        } else if (curves.stream().anyMatch(c -> c.error() != null)) {
            notes.add(0, "Error estimates: 0 to rounding.");
        }
        if (!marked.isEmpty()) {
            XYSeriesCollection marks = new XYSeriesCollection();
            XYSeries m = new XYSeries(markLabel, false, true);
            marked.forEach(p -> m.add(p[0], p[1]));
            marks.addSeries(m);
            XYLineAndShapeRenderer ring = new XYLineAndShapeRenderer(false, true);
            ring.setSeriesShape(0, new Ellipse2D.Double(-7, -7, 14, 14));
            ring.setSeriesShapesFilled(0, false);
            ring.setSeriesPaint(0, MARK);
            ring.setSeriesStroke(0, new BasicStroke(2f));
            ring.setUseOutlinePaint(false);
            plot.setDataset(2, marks);
            plot.setRenderer(2, ring);
        }
        for (double x : failed) {
            ValueMarker v = new ValueMarker(x, MARK, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                    1f, new float[] {4f, 4f}, 0f));
            plot.addDomainMarker(v);
        }
        if (!failed.isEmpty()) {
            notes.add("Red dashed lines: " + failed.size() + " failed point" + (failed.size() == 1 ? "" : "s")
                    + " (reasons in results.csv).");
        }
        if (xRange != null) {
            xAxis.setRange(xRange[0], xRange[1]);
        }
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        Figures.roundTicks(xAxis, 9);
        Figures.roundTicks(yAxis, 9);
        style(plot);
        notes.add(Quantities.UNITS + ".");
        return Figures.chart(title, plot, curves.size() > 1 || !marked.isEmpty(), notes);
    }

    /** True if every value is positive, above its error estimate, and they span more than three decades. */
    private boolean spansDecades() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Curve c : curves) {
            for (int i = 0; i < c.y().length; i++) {
                double y = c.y()[i];
                if (y <= 0 || c.error() != null && y <= c.error()[i]) {
                    return false;
                }
                if (Double.isFinite(y)) {
                    lo = Math.min(lo, y);
                    hi = Math.max(hi, y);
                }
            }
        }
        return hi / lo > 1e3;
    }

    private static double[] log10(double[] y, double[] shift, int sign) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = Math.log10(y[i] + (shift == null ? 0 : sign * shift[i]));
        }
        return out;
    }

    /** The half-width, in log10, of the error bar y +- e (its upper half: the lower may reach 0). */
    private static double[] logError(double[] y, double[] e) {
        double[] up = log10(y, e, 1);
        double[] mid = log10(y, null, 0);
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = up[i] - mid[i];
        }
        return out;
    }

    private boolean inView(double x) {
        return xRange == null || x >= xRange[0] && x <= xRange[1];
    }

    static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Figures.GRID);
        plot.setRangeGridlinePaint(Figures.GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.6f));
        plot.setRangeGridlineStroke(new BasicStroke(0.6f));
        plot.setOutlinePaint(Color.BLACK);
        plot.setAxisOffset(org.jfree.chart.ui.RectangleInsets.ZERO_INSETS);
    }
}
