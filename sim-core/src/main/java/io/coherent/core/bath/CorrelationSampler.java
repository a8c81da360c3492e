package io.coherent.core.bath;

import io.coherent.core.quadrature.GaussKronrod;
import io.coherent.core.quadrature.Panel;
import io.coherent.core.quadrature.QuadratureResult;
import io.coherent.core.quadrature.VectorIntegrand;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;

/**
 * Samples of a correlation function C(t) = int_0^inf [a(w) cos(wt) - i b(w) sin(wt)] dw by adaptive Gauss-Kronrod
 * quadrature, all samples of a uniform grid t_m = m dt in one vector integral (the cosines and sines follow
 * from one rotation per node). The panels resolve the spectral scale, a w^(s-1) end-point singularity at
 * w = 0 (geometric breakpoints down to 2^-30 of the scale) and, for bosons, the principal value at w = mu
 * (a folded panel). Half line only: the densities without a pole expansion (the Ohmic family) vanish at w &lt;= 0,
 * and their exponential cut-off keeps the tail panel free of slow oscillations.
 */
final class CorrelationSampler implements CorrelationFit.Samples {
    private static final double TOLERANCE = 1e-9;
    private static final int MAX_EVALUATIONS = 60_000;

    private final DoubleUnaryOperator a;
    private final DoubleUnaryOperator b;
    private final List<Panel> panels;

    /**
     * @param a          the weight of cos(wt) (real part)
     * @param b          the weight of -i sin(wt)
     * @param pv         the point of a principal value (Bose factor at w = mu &gt; 0), or NaN
     * @param scale      the spectral scale (cut-off, peak position plus width)
     * @param breakpoints further points to split at (temperature, mu)
     */
    CorrelationSampler(DoubleUnaryOperator a, DoubleUnaryOperator b, double pv, double scale,
                       double... breakpoints) {
        this.a = a;
        this.b = b;
        TreeSet<Double> cuts = new TreeSet<>();
        cuts.add(0.0);
        for (int j = -30; j <= 7; j++) {
            cuts.add(scale * Math.pow(2, j));
        }
        for (double p : breakpoints) {
            if (Double.isFinite(p) && p > 0) {
                cuts.add(p);
                cuts.add(2 * p);
                cuts.add(p / 2);
            }
        }
        boolean folded = pv > 0;
        double c = folded ? pv : 0;
        double h = 0;
        if (folded) {
            // the folded half-width: up to the nearest other breakpoint on either side (and to 0 on the half line)
            h = Math.min(scale / 8, pv / 2);
            double ch = h;
            cuts.removeIf(x -> Math.abs(x - c) < ch);
            cuts.add(c - h);
            cuts.add(c + h);
        }
        List<Double> sorted = new ArrayList<>(cuts);
        List<Panel> p = new ArrayList<>();
        for (int i = 0; i + 1 < sorted.size(); i++) {
            double lo = sorted.get(i);
            double hi = sorted.get(i + 1);
            if (folded && Math.abs(lo - (c - h)) < 1e-300 + 1e-15 * Math.abs(c) && Math.abs(hi - (c + h)) < 1e-300 + 1e-15 * Math.abs(c)) {
                p.add(Panel.folded(c, h));
            } else {
                p.add(Panel.finite(lo, hi));
            }
        }
        p.add(Panel.upperTail(sorted.get(sorted.size() - 1)));
        this.panels = List.copyOf(p);
    }

    /** {Re C(t0 + m dt), Im C(t0 + m dt)} for m = 0 .. count-1, interleaved, with the quadrature's error estimate appended. */
    @Override
    public double[] uniform(double t0, double dt, int count) {
        VectorIntegrand f = new VectorIntegrand() {
            @Override
            public int dimension() {
                return 2 * count;
            }

            @Override
            public void evaluate(double w, double[] out) {
                double av = a.applyAsDouble(w);
                double bv = b.applyAsDouble(w);
                double c1 = Math.cos(w * dt);
                double s1 = Math.sin(w * dt);
                double c = Math.cos(w * t0);
                double s = Math.sin(w * t0);
                for (int m = 0; m < count; m++) {
                    out[2 * m] = av * c;
                    out[2 * m + 1] = -bv * s;
                    double cn = c * c1 - s * s1;
                    s = s * c1 + c * s1;
                    c = cn;
                    if ((m & 63) == 63) {
                        // re-anchor the rotation against accumulated rounding
                        c = Math.cos(w * (t0 + dt * (m + 1)));
                        s = Math.sin(w * (t0 + dt * (m + 1)));
                    }
                }
            }
        };
        QuadratureResult r = new GaussKronrod(f).integrate(panels, TOLERANCE, TOLERANCE, MAX_EVALUATIONS);
        double[] out = java.util.Arrays.copyOf(r.values(), 2 * count + 1);
        out[2 * count] = r.maxError();
        return out;
    }
}
