package io.coherent.app.cli;

import io.coherent.app.plot.Ticks;
import io.coherent.config.RunSettings;
import io.coherent.core.dynamics.Generator;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * How long a run lasts and how finely it is sampled when the user did not say: {@code until} a multiple of the
 * model's slowest relaxation time (5, so the slowest mode has decayed to e^-5 = 0.7 %, or 12 with
 * {@code --stop-on-steady}, whose criterion needs t >= 10 relaxation times), rounded up to 1, 2, 2.5 or 5 times a
 * power of ten; {@code points} enough for {@link #SAMPLES_PER_PERIOD} samples per period of the fastest motion
 * (the generator's spectral radius, by power iteration), between {@link RunSettings#DEFAULT_POINTS} and
 * {@link #MAX_POINTS}. What was chosen and why is {@link #how}.
 *
 * @param settings the run settings with the chosen length
 * @param how      one line for the user, e.g. {@code until = 500: 5 x the slowest relaxation time 81.86 ...}
 */
public record RunLength(RunSettings settings, String how) {
    static final double MULTIPLE = 5;
    static final double MULTIPLE_TO_STEADY = 12;
    static final int SAMPLES_PER_PERIOD = 16;
    static final int MAX_POINTS = 20001;

    /** The settings as given where given, fitted to {@code generator} where not. */
    public static RunLength fit(RunSettings run, Generator generator, boolean toSteadyState) {
        if (run.untilGiven() && run.pointsGiven()) {
            return new RunLength(run, "until = " + Ticks.number(run.until()) + ", points = " + run.points() + " (as set)");
        }
        double until = run.until();
        String why;
        if (run.untilGiven()) {
            why = "until = " + Ticks.number(until) + " (as set)";
        } else {
            OptionalDouble tau = generator.slowestRelaxationTime();
            if (tau.isPresent() && Double.isFinite(tau.getAsDouble()) && tau.getAsDouble() > 0) {
                double k = toSteadyState ? MULTIPLE_TO_STEADY : MULTIPLE;
                until = roundUp(k * tau.getAsDouble());
                why = "until = " + Ticks.number(until) + ": " + Ticks.number(k, 2) + " x the slowest relaxation time "
                        + Ticks.number(tau.getAsDouble()) + ", rounded up";
            } else {
                why = "until = " + Ticks.number(until) + " (the default: " + (tau.isPresent()
                        ? "part of the state never relaxes" : "the slowest relaxation time is not known for this model") + ")";
            }
        }
        int points = run.points();
        if (run.pointsGiven()) {
            why += ", points = " + points + " (as set)";
        } else if (!run.output().equals("list")) {
            double radius = spectralRadius(generator);
            double wanted = until * radius / (2 * Math.PI) * SAMPLES_PER_PERIOD + 1;
            points = (int) Math.min(MAX_POINTS, Math.max(RunSettings.DEFAULT_POINTS, Math.ceil(wanted)));
            why += ", points = " + points + (points == RunSettings.DEFAULT_POINTS ? " (the default; "
                    : points == MAX_POINTS ? " (the most chosen automatically; " : " (")
                    + SAMPLES_PER_PERIOD + " samples per period of the fastest motion need " + (long) Math.ceil(wanted) + ")";
        }
        return new RunLength(run.withLength(until, points), why + "; set until and points to change");
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least v. */
    static double roundUp(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * decade >= v * (1 - 1e-12)) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    /**
     * An estimate of the largest |eigenvalue| of the generator's Jacobian at t = 0: 40 steps of power iteration with
     * finite differences (exact for the linear equations of motion of every engine), the largest ratio |J v|/|v|
     * seen. Enough to choose a sampling interval, not a physics result.
     */
    static double spectralRadius(Generator g) {
        int n = g.stateDimension();
        double[] y0 = g.initialState();
        double[] f0 = new double[n];
        double[] f = new double[n];
        double[] y = new double[n];
        double[] v = new double[n];
        g.computeDerivatives(0, y0, f0);
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble(-1, 1);
        }
        double scale = 1e-6 * Math.max(1, norm(y0));
        double radius = 0;
        for (int iteration = 0; iteration < 40; iteration++) {
            double nv = norm(v);
            if (!(nv > 0)) {
                break;
            }
            for (int i = 0; i < n; i++) {
                y[i] = y0[i] + scale * v[i] / nv;
            }
            g.computeDerivatives(0, y, f);
            for (int i = 0; i < n; i++) {
                v[i] = (f[i] - f0[i]) / scale;
            }
            double ratio = norm(v);
            if (Double.isFinite(ratio)) {
                radius = Math.max(radius, ratio);
            }
        }
        return radius;
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double xi : x) {
            s += xi * xi;
        }
        return Math.sqrt(s);
    }
}
