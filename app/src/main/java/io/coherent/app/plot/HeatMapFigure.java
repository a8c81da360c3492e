package io.coherent.app.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A heat map on a regular grid (in axis coordinates: log10 for a log axis) with a labelled colour bar. The colour
 * range is set by the regular cells only: singular cells (e.g. a decoherence-free line) are drawn, clipped to
 * the end colours if they lie outside, outlined, and named in a note.
 */
public final class HeatMapFigure {
    /**
     * One cell.
     *
     * @param x        centre, axis coordinates
     * @param y        centre, axis coordinates
     * @param value    NaN for a failed point (grey)
     * @param singular left out of the colour range
     * @param error    the value's error estimate (NaN if none)
     * @param marked   outlined in red (e.g. not converged)
     */
    public record Cell(double x, double y, double value, double error, boolean singular, boolean marked) {
    }

    private final String title;
    private final NumberAxis xAxis;
    private final NumberAxis yAxis;
    private final String valueLabel;
    private final double width;
    private final double height;
    private final List<Cell> cells = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** @param width, height the cell size in axis coordinates */
    public HeatMapFigure(String title, NumberAxis xAxis, NumberAxis yAxis, String valueLabel, double width, double height) {
        this.title = title;
        this.xAxis = xAxis;
        this.yAxis = yAxis;
        this.valueLabel = valueLabel;
        this.width = width;
        this.height = height;
    }

    public HeatMapFigure cell(Cell c) {
        cells.add(c);
        return this;
    }

    public HeatMapFigure note(String note) {
        notes.add(note);
        return this;
    }

    /** The colour range: the regular finite cells' (all finite cells' if none is regular). */
    public double[] range() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean regular = cells.stream().anyMatch(c -> !c.singular() && Double.isFinite(c.value()));
        for (Cell c : cells) {
            if (Double.isFinite(c.value()) && (!c.singular() || !regular)) {
                lo = Math.min(lo, c.value());
                hi = Math.max(hi, c.value());
            }
        }
        return new double[] {lo, hi};
    }

    public JFreeChart chart() {
        double[] range = range();
        if (!(range[1] > range[0])) {
            double pad = range[0] == 0 ? 1 : Math.abs(range[0]) * 1e-3;
            range = new double[] {range[0] - pad, range[1] + pad};
        }
        ColourScale scale = ColourScale.over(range[0], range[1]);
        double[][] data = new double[3][cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            data[0][i] = cells.get(i).x();
            data[1][i] = cells.get(i).y();
            data[2][i] = cells.get(i).value();
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("values", data);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(width);
        renderer.setBlockHeight(height);
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        LineFigure.style(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        double xlo = cells.stream().mapToDouble(Cell::x).min().orElse(0) - width / 2;
        double xhi = cells.stream().mapToDouble(Cell::x).max().orElse(1) + width / 2;
        double ylo = cells.stream().mapToDouble(Cell::y).min().orElse(0) - height / 2;
        double yhi = cells.stream().mapToDouble(Cell::y).max().orElse(1) + height / 2;
        xAxis.setRange(xlo, xhi);
        yAxis.setRange(ylo, yhi);
        Figures.roundTicks(xAxis, 9);
        Figures.roundTicks(yAxis, 9);
        BasicStroke dashed = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {3f, 3f}, 0f);
        double slo = Double.POSITIVE_INFINITY;
        double shi = Double.NEGATIVE_INFINITY;
        int singular = 0;
        int marked = 0;
        int failed = 0;
        for (Cell c : cells) {
            if (c.singular()) {
                singular++;
                slo = Math.min(slo, c.value());
                shi = Math.max(shi, c.value());
                plot.addAnnotation(new XYBoxAnnotation(c.x() - width / 2, c.y() - height / 2, c.x() + width / 2,
                        c.y() + height / 2, dashed, Color.BLACK, null));
            }
            if (c.marked()) {
                marked++;
                plot.addAnnotation(new XYBoxAnnotation(c.x() - width / 2, c.y() - height / 2, c.x() + width / 2,
                        c.y() + height / 2, new BasicStroke(1.5f), new Color(0xC00000), null));
            }
            if (Double.isNaN(c.value())) {
                failed++;
            }
        }
        double largestError = cells.stream().filter(c -> Double.isFinite(c.value()) && Double.isFinite(c.error()))
                .mapToDouble(Cell::error).max().orElse(Double.NaN);
        if (largestError == 0) {
            notes.add(0, "Error estimates: 0 to rounding (closed forms).");
        } else if (Double.isFinite(largestError)) {
            double share = largestError / (scale.upper() - scale.lower());
            notes.add(0, "Error estimates ≤ " + Ticks.number(largestError, 2) + (share >= LineFigure.VISIBLE_ERROR
                    ? ", " + Ticks.number(100 * share, 2) + " % of the colour range: colours closer than that are not"
                    + " distinguished by the computation (values ± error in results.csv)."
                    : " (below one colour step)."));
        }
        if (marked > 0) {
            notes.add(0, "Red outline: " + marked + " point" + (marked == 1 ? "" : "s") + " not converged.");
        }
        if (failed > 0) {
            notes.add(0, "Grey: " + failed + " failed point" + (failed == 1 ? "" : "s") + " (reasons in results.csv).");
        }
        if (singular > 0 && singular < cells.size()) {
            boolean outside = slo < scale.lower() || shi > scale.upper();
            notes.add(0, "Dashed outline: " + singular + " cell" + (singular == 1 ? "" : "s")
                    + " where the steady state is not unique (decoherence-free mode or conserved quantity; reached from"
                    + " the initial state), values " + Ticks.number(slo, 3) + " to " + Ticks.number(shi, 3)
                    + (outside ? ", left out of the colour range and drawn in its end colours." : "; not used to set"
                    + " the colour range."));
        }
        NumberAxis bar = Figures.axis(valueLabel, Figures.Scale.LINEAR);
        bar.setRange(scale.lower(), scale.upper());
        Figures.roundTicks(bar, 8);
        PaintScaleLegend legend = new PaintScaleLegend(scale, bar);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.TOP_OR_RIGHT);
        legend.setStripWidth(16);
        legend.setSubdivisionCount(256);
        legend.setMargin(new RectangleInsets(30, 10, 30, 4));
        legend.setStripOutlineVisible(true);
        notes.add(Quantities.UNITS + ".");
        JFreeChart chart = Figures.chart(title, plot, false, notes);
        chart.addSubtitle(legend);
        return chart;
    }
}
