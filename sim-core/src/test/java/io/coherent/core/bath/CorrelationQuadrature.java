package io.coherent.core.bath;

import io.coherent.core.quadrature.GaussKronrod;
import io.coherent.core.quadrature.Panel;
import io.coherent.core.quadrature.QuadratureResult;
import io.coherent.core.quadrature.VectorIntegrand;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Independent reference values of bath correlation functions: adaptive Gauss-Kronrod quadrature of their
 * defining frequency integrals (no residues, no pole expansion). Integrals whose integrand decays only like
 * 1/w (Drude-Lorentz) are split into a part that decays exponentially and the one-sided vacuum integral
 * int_0^inf J(w) e^{-iwt} dw, which is taken along the rotated ray w = u e^{-i pi/4} (J continued analytically;
 * no pole of Drude-Lorentz lies between the ray and the positive axis), where the integrand decays like
 * e^{-ut/sqrt 2}.
 */
final class CorrelationQuadrature {
    private static final double TOL = 1e-10;

    private CorrelationQuadrature() {
    }

    /** {Re, Im, error estimate} of int over panels of g(w) e^{-i s w t} dw (s = +-1), g real. */
    static double[] fourier(DoubleUnaryOperator g, double t, int s, List<Panel> panels) {
        VectorIntegrand f = new VectorIntegrand() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void evaluate(double w, double[] out) {
                double v = g.applyAsDouble(w);
                out[0] = v * Math.cos(w * t);
                out[1] = -s * v * Math.sin(w * t);
            }
        };
        QuadratureResult r = new GaussKronrod(f).integrate(panels, TOL, TOL, 400_000);
        if (r.maxError() > 1e-6) {
            throw new AssertionError("reference quadrature did not converge: error " + r.maxError());
        }
        return new double[] {r.values()[0], r.values()[1], r.maxError()};
    }

    /** Panels on the whole line with breakpoints at the given points (a folded principal-value panel about pv if not NaN). */
    static List<Panel> line(double pv, double scale, double... points) {
        List<Double> cuts = new ArrayList<>();
        for (double p : points) {
            cuts.add(p);
        }
        for (int j = -6; j <= 6; j++) {
            double x = scale * Math.pow(2, j);
            cuts.add(x);
            cuts.add(-x);
        }
        cuts.add(0.0);
        double c = Double.isNaN(pv) ? 0 : pv;
        double h = Double.isNaN(pv) ? 0 : scale / 64;
        List<Double> sorted = cuts.stream().map(x -> x + c).filter(x -> Math.abs(x - c) >= h).sorted().distinct().toList();
        List<Panel> panels = new ArrayList<>();
        panels.add(Panel.lowerTail(sorted.get(0)));
        for (int i = 0; i + 1 < sorted.size(); i++) {
            double a = sorted.get(i);
            double b = sorted.get(i + 1);
            if (h > 0 && a < c && b > c) {
                panels.add(Panel.finite(a, c - h));
                panels.add(Panel.folded(c, h));
                panels.add(Panel.finite(c + h, b));
            } else {
                panels.add(Panel.finite(a, b));
            }
        }
        panels.add(Panel.upperTail(sorted.get(sorted.size() - 1)));
        return panels;
    }

    /** Panels on [0, infinity) with breakpoints on the scale. */
    static List<Panel> half(double scale) {
        List<Panel> panels = new ArrayList<>();
        double a = 0;
        for (int j = -6; j <= 6; j++) {
            double b = scale * Math.pow(2, j);
            panels.add(Panel.finite(a, b));
            a = b;
        }
        panels.add(Panel.upperTail(a));
        return panels;
    }

    /** {Re, Im} of int_0^inf J(w) e^{-iwt} dw for Drude-Lorentz, t > 0, along the ray w = u e^{-i pi/4}. */
    static double[] drudeVacuumHalfLine(DrudeLorentz j, double t) {
        double cr = Math.sqrt(0.5);
        double ci = -Math.sqrt(0.5);
        double k = 2 * j.reorganisation() * j.cutoff() / Math.PI;
        double g2 = j.cutoff() * j.cutoff();
        VectorIntegrand f = new VectorIntegrand() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void evaluate(double u, double[] out) {
                // w = u e^{-i pi/4}; J(w) dw = k w/(w^2 + g^2) e^{-i pi/4} du; e^{-iwt}
                double wr = u * cr;
                double wi = u * ci;
                double dr = wr * wr - wi * wi + g2;
                double di = 2 * wr * wi;
                double den = dr * dr + di * di;
                // w/(w^2+g^2)
                double qr = (wr * dr + wi * di) / den;
                double qi = (wi * dr - wr * di) / den;
                // times e^{-i pi/4}
                double pr = qr * cr - qi * ci;
                double pi = qr * ci + qi * cr;
                // e^{-iwt} = e^{wi t} e^{-i wr t}
                double mag = Math.exp(wi * t);
                double er = mag * Math.cos(wr * t);
                double ei = -mag * Math.sin(wr * t);
                out[0] = k * (pr * er - pi * ei);
                out[1] = k * (pr * ei + pi * er);
            }
        };
        QuadratureResult r = new GaussKronrod(f).integrate(half(Math.max(j.cutoff(), 1 / t)), TOL, TOL, 4_000_000);
        if (!r.converged()) {
            throw new AssertionError("rotated quadrature did not converge: error " + r.maxError());
        }
        return r.values();
    }

    static double coth(double x) {
        return 1 / Math.tanh(x);
    }

    /** Hermitian C(t) = int_0^inf J(w)[coth(w/2T) cos wt - i sin wt] dw for J given on w > 0; t > 0 needed for Drude-Lorentz. */
    static double[] hermitian(SpectralDensity j, DoubleUnaryOperator jPositive, double temperature, double t, double scale) {
        // 2 J n cos(wt) (exponentially decaying) + int_0^inf J e^{-iwt}
        double[] thermal = fourier(w -> w <= 0 ? 0 : 2 * jPositive.applyAsDouble(w) / Math.expm1(w / temperature), t, 1,
                half(Math.max(scale, temperature)));
        double[] thermalMinus = fourier(w -> w <= 0 ? 0 : 2 * jPositive.applyAsDouble(w) / Math.expm1(w / temperature), -t, 1,
                half(Math.max(scale, temperature)));
        double re = 0.5 * (thermal[0] + thermalMinus[0]); // cos part only
        double[] vacuum = j instanceof DrudeLorentz d ? drudeVacuumHalfLine(d, t)
                : fourier(w -> w <= 0 ? 0 : jPositive.applyAsDouble(w), t, 1, half(scale));
        return new double[] {re + vacuum[0], vacuum[1]};
    }
}
