package io.coherent.app.compare;

import io.coherent.integrators.Sample;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The trajectories of the methods overlaid, one figure per observable ({@code DIR/<observable>.png} and
 * {@code .svg}), and an overview with one panel per observable in a single PNG. The first method (the reference)
 * is drawn solid, the others dashed, dotted and dash-dotted.
 */
public final class ComparePlots {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;
    private static final int PANEL_WIDTH = 560;
    private static final int PANEL_HEIGHT = 340;
    private static final int COLUMNS = 2;
    /** Solid for the reference, then dashed and dotted, so that curves on top of each other stay visible. */
    private static final List<BasicStroke> LINES = List.of(SeriesLines.SOLID, SeriesLines.DASH_DASH,
            SeriesLines.DOT_DOT, SeriesLines.DASH_DOT);

    private ComparePlots() {
    }

    /** Writes DIR/NAME.png and DIR/NAME.svg for each observable; returns the files in order. */
    public static List<Path> figures(Path dir, String title, List<MethodRun> runs, List<String> names) {
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            XYChart chart = chart(title + ": " + name, runs, name, WIDTH, HEIGHT);
            Path base = dir.resolve(fileName(name));
            try {
                Files.createDirectories(dir);
                BitmapEncoder.saveBitmap(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG);
                VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + base + ".png/.svg: " + e.getMessage(), e);
            }
            files.add(dir.resolve(fileName(name) + ".png"));
            files.add(dir.resolve(fileName(name) + ".svg"));
        }
        return files;
    }

    /** Writes one PNG with a panel per observable, two panels a row. */
    public static void overview(Path file, String title, List<MethodRun> runs, List<String> names) {
        int columns = Math.min(COLUMNS, names.size());
        int rows = (names.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(columns * PANEL_WIDTH, rows * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int i = 0; i < names.size(); i++) {
                XYChart chart = chart(title + ": " + names.get(i), runs, names.get(i), PANEL_WIDTH, PANEL_HEIGHT);
                g.drawImage(BitmapEncoder.getBufferedImage(chart), (i % columns) * PANEL_WIDTH, (i / columns) * PANEL_HEIGHT,
                        null);
            }
        } finally {
            g.dispose();
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file name of an observable's figure (without extension): characters outside [A-Za-z0-9._-] become _. */
    public static String fileName(String observable) {
        return observable.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static XYChart chart(String title, List<MethodRun> runs, String name, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle("t").yAxisTitle(name)
                .build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        for (int r = 0; r < runs.size(); r++) {
            List<Sample> samples = runs.get(r).samples();
            double[] t = new double[samples.size()];
            double[] y = new double[samples.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = samples.get(i).t();
                y[i] = samples.get(i).observables().value(name);
            }
            XYSeries series = chart.addSeries(runs.get(r).method(), t, y);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineStyle(LINES.get(r % LINES.size()));
        }
        return chart;
    }
}
