package io.coherent.bench;

import io.coherent.core.bosonic.SteadyState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the Java side of the scipy comparison: the 401-point theta scan of Fig. 1(a) and the two single
 * points, one line each, tab separated:
 * {@code kind index theta Jx Jx_thermal Jx_error errorEstimate evaluations converged}.
 * Usage: {@code java -cp benchmarks.jar io.coherent.bench.ScanDump out.tsv [residues|quadrature]} (default: quadrature)
 */
public final class ScanDump {
    private ScanDump() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "java-scan.tsv");
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        io.coherent.core.bosonic.SteadyStateSolver solver = Fig1a.solver(args.length > 1 ? args[1] : "quadrature");
        double worst = 0;
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            w.println("kind\tindex\ttheta\tJx\tJx_thermal\tJx_error\terrorEstimate\tevaluations\tconverged");
            String[] points = {"pi/8", "pi/400"};
            for (int k = 0; k < points.length; k++) {
                double theta = Fig1a.parseTheta(points[k]);
                line(w, "point", k, theta, Fig1a.solve(solver, theta));
            }
            for (int i = 0; i <= Fig1a.SCAN_STEPS; i++) {
                double theta = Fig1a.scanTheta(i);
                SteadyState s = Fig1a.solve(solver, theta);
                worst = Math.max(worst, s.errorEstimate());
                line(w, "scan", i, theta, s);
            }
        }
        System.out.printf(Locale.ROOT, "wrote %s (2 points + %d scan points, max errorEstimate %.2e)%n",
                out, Fig1a.SCAN_STEPS + 1, worst);
    }

    private static void line(PrintWriter w, String kind, int index, double theta, SteadyState s) {
        w.printf(Locale.ROOT, "%s\t%d\t%.17g\t%.17g\t%.17g\t%.6e\t%.6e\t%d\t%s%n", kind, index, theta,
                s.observables().value("Jx"), s.observables().value("Jx_thermal"), s.observables().error("Jx"),
                s.errorEstimate(), s.evaluations(), s.converged());
    }
}
