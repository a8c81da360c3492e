package io.coherent.app.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import io.coherent.observers.TrajectoryCsvWriter;
import org.jfree.chart.JFreeChart;

/**
 * The figure of one run, drawn from its {@code trajectory.csv} ({@code t, NAME, NAME_error, ...}): one panel per
 * group of observables (coherences, populations, currents, others), each with its own labelled axis, on the time
 * axis of the run. Observables that are 0 within their error estimate at every sample are left out and named; the
 * vacuum and thermal parts of a bilinear model's coherences are drawn dashed and dotted in their total's colour.
 */
public final class TrajectoryFigure {
    private static final int WIDTH = 900;
    private static final int PANEL_HEIGHT = 380;
    /** Values below error estimate + ZERO count as 0. */
    private static final double ZERO = 1e-9;

    private TrajectoryFigure() {
    }

    /** Reads {@code csv} and writes {@code stem.png} and {@code stem.svg}; returns them (none if nothing to draw). */
    public static List<Path> write(Path csv, String title, Path stem) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        if (lines.size() < 3) {
            return List.of();
        }
        String[] all = lines.get(0).split(",");
        // the last column says whether each sample met its tolerance (true/false), the others are numbers
        int flag = java.util.Arrays.asList(all).indexOf(TrajectoryCsvWriter.CONVERGED);
        String[] header = flag < 0 ? all : java.util.Arrays.copyOf(all, flag);
        int rows = lines.size() - 1;
        double[][] columns = new double[header.length][rows];
        List<Double> notConverged = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int c = 0; c < header.length && c < cells.length; c++) {
                columns[c][i] = Double.parseDouble(cells[c]);
            }
            if (flag >= 0 && flag < cells.length && cells[flag].equals("false")) {
                notConverged.add(columns[0][i]);
            }
        }
        Map<Quantities.Group, List<Integer>> groups = new EnumMap<>(Quantities.Group.class);
        List<String> flat = new ArrayList<>();
        for (int c = 1; c + 1 < header.length; c += 2) {
            if (!header[c + 1].equals(header[c] + "_error")) {
                throw new IllegalArgumentException(csv + ": column " + (c + 2) + " should be " + header[c] + "_error");
            }
            boolean nonzero = false;
            for (int i = 0; i < rows; i++) {
                nonzero |= Math.abs(columns[c][i]) > columns[c + 1][i] + ZERO;
            }
            if (nonzero) {
                groups.computeIfAbsent(Quantities.group(header[c]), g -> new ArrayList<>()).add(c);
            } else {
                flat.add(Quantities.observableLabel(header[c]));
            }
        }
        List<JFreeChart> panels = new ArrayList<>();
        for (Map.Entry<Quantities.Group, List<Integer>> g : groups.entrySet()) {
            List<Integer> cs = g.getValue();
            long totalsInGroup = cs.stream().filter(c -> !header[c].matches(".*_(vacuum|thermal)")).count();
            String axisLabel = cs.size() == 1 ? Quantities.observableLabel(header[cs.get(0)])
                    : totalsInGroup > 2 ? g.getKey().title() : g.getKey().title() + ": " + cs.stream().map(c -> header[c]).filter(n -> !n.matches(".*_(vacuum|thermal)"))
                    .map(Quantities::observableSymbol).collect(java.util.stream.Collectors.joining(", "));
            LineFigure figure = new LineFigure(title + ": " + g.getKey().title(), Figures.axis("time t",
                    Figures.Scale.LINEAR), Figures.axis(axisLabel, Figures.Scale.LINEAR), true);
            List<String> totals = new ArrayList<>();
            for (int c : cs) {
                String name = header[c];
                String whole = name.replaceAll("_(vacuum|thermal)$", "");
                if (!totals.contains(whole)) {
                    totals.add(whole);
                }
                boolean parts = cs.stream().anyMatch(k -> header[k].matches(".*_(vacuum|thermal)"));
                int dash = name.endsWith("_vacuum") ? 1 : name.endsWith("_thermal") ? 2 : parts ? 0 : totals.indexOf(whole);
                figure.curve(new LineFigure.Curve(cs.size() == 1 ? Quantities.observableSymbol(name)
                        : Quantities.observableLabel(name), columns[0], columns[c], columns[c + 1],
                        parts ? 3 * totals.indexOf(whole) + dash : totals.indexOf(whole), dash));
            }
            figure.xRange(columns[0][0], columns[0][rows - 1]);
            if (panels.isEmpty()) {
                String note = flat.isEmpty() ? ""
                        : "Not drawn, 0 within the error estimates at every sample: " + String.join(", ", flat) + ".";
                if (!notConverged.isEmpty()) {
                    note = (note + String.format(java.util.Locale.ROOT, " NOT CONVERGED: %d of %d samples (t from %s to %s)"
                            + " exceed the tolerance asked (trajectory.csv, column converged).", notConverged.size(), rows,
                            Ticks.number(notConverged.get(0)), Ticks.number(notConverged.get(notConverged.size() - 1)))).strip();
                }
                if (!note.isEmpty()) {
                    figure.note(note);
                }
            }
            panels.add(figure.chart());
        }
        if (panels.isEmpty()) {
            return List.of();
        }
        return Figures.saveGrid(panels, 1, WIDTH, PANEL_HEIGHT + 40, stem);
    }
}
