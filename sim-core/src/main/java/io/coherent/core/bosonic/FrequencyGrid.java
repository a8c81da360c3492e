package io.coherent.core.bosonic;

import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.linalg.ComplexEigenvalues.Eigenvalue;
import io.coherent.core.quadrature.Panel;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The initial panels of the thermal frequency integrals. A pole of Ghat(-iw) at w_p = c - i h puts a
 * peak of width h into the integrand; a quadrature that does not know about it steps over it and
 * returns a smooth, wrong value (the "rapid oscillations" of the partial-collective paper's theta
 * scans). So every pole contributes breakpoints at c and at c +- h 4^j up to the model's scale:
 * panels grow geometrically away from each peak and the adaptive rule starts resolved.
 * The Bose factor adds breakpoints on the temperature scale and, on the whole line, a principal-value
 * panel folded about w = 0.
 */
public final class FrequencyGrid {
    private static final int MAX_LEVELS = 80;

    private FrequencyGrid() {
    }

    public static List<Panel> panels(List<Eigenvalue> poles, BilinearModel model) {
        double scale = 1;
        for (Eigenvalue e : poles) {
            scale = Math.max(scale, Math.abs(e.im()) + Math.abs(e.re()));
        }
        double poleScale = scale;
        boolean thermal = false;
        for (Bath b : model.baths()) {
            if (b.temperature() > 0) {
                thermal = true;
                scale = Math.max(scale, b.temperature());
            }
        }
        TreeSet<Double> points = new TreeSet<>();
        for (Eigenvalue e : poles) {
            double c = -e.im() + 0.0; // + 0.0 turns -0.0 into 0.0
            double h = -e.re();
            points.add(c);
            double x = Math.max(h, 1e-300);
            for (int level = 0; level < MAX_LEVELS && x <= 4 * scale; level++, x *= 4) {
                points.add(c - x);
                points.add(c + x);
            }
        }
        FrequencySupport support = model.support();
        boolean wholeLine = support.kind() == FrequencySupport.Kind.WHOLE_LINE;
        if (thermal) {
            for (Bath b : model.baths()) {
                double t = b.temperature();
                if (t > 0) {
                    for (int j = -3; j <= 3; j++) {
                        points.add(t * Math.pow(4, j));
                        if (wholeLine) {
                            points.add(-t * Math.pow(4, j));
                        }
                    }
                }
            }
            if (wholeLine) {
                points.add(0.0);
            }
        }
        if (!wholeLine) {
            double lower = support.cutoff();
            points.removeIf(p -> p <= lower);
            points.add(lower);
        }
        // merge only points closer than rounding of the model's own scale or of the point itself: a temperature far
        // above that scale (T = 1e30) must not merge the breakpoints around the poles (it gave Jx = 1.8e-31 +- 1.8e-31)
        List<Double> sorted = dedupe(points, 1e-13 * poleScale);
        List<Panel> panels = new ArrayList<>();
        if (wholeLine) {
            panels.add(Panel.lowerTail(sorted.get(0)));
        }
        int zero = wholeLine && thermal ? sorted.indexOf(0.0) : -1;
        for (int i = 0; i + 1 < sorted.size(); i++) {
            double a = sorted.get(i);
            double b = sorted.get(i + 1);
            if (zero >= 1 && zero + 1 < sorted.size() && (i == zero - 1 || i == zero)) {
                if (i == zero - 1) {
                    double left = -a;
                    double right = sorted.get(zero + 1);
                    double half = Math.min(left, right);
                    // an Ohmic density at T > 0 makes J n ~ w^(s-1) at w = 0+: graded so that the estimate is reliable
                    panels.add(Panel.foldedGraded(0.0, half, endPointExponent(model)));
                    if (left > half) {
                        panels.add(Panel.finite(a, -half));
                    }
                    if (right > half) {
                        panels.add(Panel.finite(half, right));
                    }
                }
                continue;
            }
            panels.add(Panel.finite(a, b));
        }
        panels.add(Panel.upperTail(sorted.get(sorted.size() - 1)));
        return panels;
    }

    /** The smallest exponent s of an Ohmic bath at T &gt; 0 (J n ~ w^(s-1) at 0), capped at 1 (no grading). */
    private static double endPointExponent(BilinearModel model) {
        double q = 1;
        for (Bath b : model.baths()) {
            if (b.temperature() > 0 && b.spectralDensity() instanceof io.coherent.core.bath.OhmicFamily o) {
                q = Math.min(q, o.exponent());
            }
        }
        return q;
    }

    private static List<Double> dedupe(TreeSet<Double> points, double minGap) {
        List<Double> out = new ArrayList<>();
        for (double p : points) {
            if (out.isEmpty() || p - out.get(out.size() - 1) > Math.max(minGap, 1e-13 * Math.abs(p))) {
                out.add(p);
            } else if (p == 0.0) {
                out.set(out.size() - 1, 0.0); // keep the principal-value point exactly at zero
            }
        }
        return out;
    }
}
