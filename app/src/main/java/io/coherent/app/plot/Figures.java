package io.coherent.app.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.svg.SVGGraphics2D;

/**
 * The look shared by every figure (fonts, colours, axes) and writing figures as PNG and SVG, alone or as a grid
 * of panels. Figures are drawn with JFreeChart (see docs/architecture.md for why), the SVG with JFreeSVG.
 */
public final class Figures {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font NOTE = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Color GRID = new Color(0xDDDDDD);
    /** Okabe and Ito's colour-blind-safe palette (black last). */
    static final List<Color> PALETTE = List.of(new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x7F7F7F), Color.BLACK);
    /** Solid, dashed, dotted, dash-dotted: curves on top of each other stay visible. */
    static final List<BasicStroke> STROKES = List.of(new BasicStroke(3f),
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 5f}, 0f),
            new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {0.5f, 5f}, 0f),
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {10f, 4f, 2f, 4f}, 0f));

    private Figures() {
    }

    /** How an axis maps its values. */
    public enum Scale {
        /** values as they are, 1-2-5 ticks */
        LINEAR,
        /** the axis shows log10 of the values, decade ticks labelled with the values */
        LOG,
        /** radians, ticks at multiples of π */
        ANGLE,
        /** whole numbers (counts), ticks 1, 2, 5, ... */
        INTEGER
    }

    /** An axis with its label, ticks and fonts. Data on a {@link Scale#LOG} axis must be given as log10. */
    public static NumberAxis axis(String label, Scale scale) {
        NumberAxis axis = new ScaledAxis(label, scale);
        axis.setStandardTickUnits(switch (scale) {
            case LINEAR -> Ticks.decimal();
            case LOG -> Ticks.decades();
            case ANGLE -> Ticks.angles();
            case INTEGER -> Ticks.integers();
        });
        axis.setAutoRangeIncludesZero(false);
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICK);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
        axis.setAxisLinePaint(Color.BLACK);
        axis.setTickMarkPaint(Color.BLACK);
        axis.setTickMarkInsideLength(4f);
        axis.setTickMarkOutsideLength(0f);
        return axis;
    }

    /**
     * Chooses the tick step for the axis's present range: the smallest of its steps that gives at most {@code max}
     * ticks (JFreeChart would otherwise pick the densest step whose labels do not overlap); on a log axis spanning
     * more than a decade and a half, whole decades.
     */
    static void roundTicks(NumberAxis axis, int max) {
        double span = axis.getRange().getLength();
        if (!(span > 0)) {
            return;
        }
        org.jfree.chart.axis.TickUnit unit = axis.getStandardTickUnits().getCeilingTickUnit(span / max);
        if (axis instanceof ScaledAxis a && a.scale == Scale.LOG && span >= 1.5 && unit.getSize() < 1) {
            unit = axis.getStandardTickUnits().getCeilingTickUnit(1.0);
        }
        axis.setTickUnit((org.jfree.chart.axis.NumberTickUnit) unit, false, true);
    }

    /** An axis that remembers its scale, for {@link #roundTicks}. */
    private static final class ScaledAxis extends NumberAxis {
        private final Scale scale;

        ScaledAxis(String label, Scale scale) {
            super(label);
            this.scale = scale;
        }
    }

    /** A chart with the common look: white, the title, and notes under it in small type. */
    static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, boolean legend, List<String> notes) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 24));
        if (legend) {
            chart.getLegend().setItemFont(LABEL);
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
            chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        }
        for (String note : notes) {
            TextTitle t = new TextTitle(note, NOTE);
            t.setPosition(RectangleEdge.BOTTOM);
            t.setHorizontalAlignment(HorizontalAlignment.LEFT);
            t.setPaint(new Color(0x333333));
            t.setMaximumLinesToDisplay(3);
            chart.addSubtitle(t);
        }
        return chart;
    }

    /** Writes {@code stem.png} and {@code stem.svg}; returns both paths. */
    public static List<Path> save(JFreeChart chart, Path stem, int width, int height) {
        return saveGrid(List.of(chart), 1, width, height, stem);
    }

    /**
     * Writes the charts as panels of one figure, {@code columns} a row, each {@code width x height}, to
     * {@code stem.png} and {@code stem.svg}.
     */
    public static List<Path> saveGrid(List<JFreeChart> charts, int columns, int width, int height, Path stem) {
        int cols = Math.max(1, Math.min(columns, charts.size()));
        int rows = (charts.size() + cols - 1) / cols;
        Path png = Path.of(stem + ".png");
        Path svg = Path.of(stem + ".svg");
        try {
            Path parent = png.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            BufferedImage image = new BufferedImage(cols * width, rows * height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            draw(g, charts, cols, width, height);
            g.dispose();
            if (!ImageIO.write(image, "png", png.toFile())) {
                throw new IOException("no PNG writer");
            }
            SVGGraphics2D s = new SVGGraphics2D(cols * width, rows * height);
            draw(s, charts, cols, width, height);
            Files.writeString(svg, s.getSVGDocument(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png + " and .svg: " + e.getMessage(), e);
        }
        return List.of(png, svg);
    }

    private static void draw(Graphics2D g, List<JFreeChart> charts, int cols, int width, int height) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, cols * width, ((charts.size() + cols - 1) / cols) * height);
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).draw(g, new Rectangle2D.Double((i % cols) * width, (i / cols) * height, width, height));
        }
    }
}
