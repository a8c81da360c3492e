package io.coherent.core.quadrature;

import java.util.List;
import java.util.PriorityQueue;

/**
 * Globally adaptive Gauss-Kronrod (7, 15) quadrature of vector integrands over a list of panels
 * (finite, folded principal-value and semi-infinite pieces). The panel with the largest error is
 * bisected until the summed error estimate meets max(absoluteTolerance, relativeTolerance * |I|)
 * in every component, or the evaluation budget is spent (then {@code converged} is false and the
 * error estimate says how far off the result may be).
 *
 * <p>An instance owns its work arrays; it is not thread-safe.
 */
public final class GaussKronrod {
    private static final double[] XGK = {
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.000000000000000000000000000000000};
    private static final double[] WGK = {
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    private static final double[] WG = {
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

    private final VectorIntegrand f;
    private final int dim;
    private final double[] fPlus;
    private final double[] fMinus;
    private final double[] fTmp;
    private final double[] gauss;
    private final double[] fFold;

    public GaussKronrod(VectorIntegrand f) {
        this.f = f;
        this.dim = f.dimension();
        this.fPlus = new double[dim];
        this.fMinus = new double[dim];
        this.fTmp = new double[dim];
        this.gauss = new double[dim];
        this.fFold = new double[dim];
    }

    private record Piece(Panel panel, double[] value, double[] error, double norm) {
    }

    public QuadratureResult integrate(List<Panel> panels, double absoluteTolerance, double relativeTolerance, int maxEvaluations) {
        PriorityQueue<Piece> queue = new PriorityQueue<>((x, y) -> Double.compare(y.norm, x.norm));
        double[] total = new double[dim];
        double[] totalErr = new double[dim];
        int evaluations = 0;
        for (Panel p : panels) {
            Piece piece = rule(p);
            evaluations += costOf(p);
            queue.add(piece);
            accumulate(total, totalErr, piece, 1);
        }
        while (!withinTolerance(total, totalErr, absoluteTolerance, relativeTolerance) && evaluations < maxEvaluations) {
            Piece worst = queue.poll();
            if (worst == null) {
                break;
            }
            Panel p = worst.panel;
            double mid = 0.5 * (p.lo() + p.hi());
            if (!(mid > p.lo() && mid < p.hi())) {
                queue.add(worst);
                break; // cannot bisect further in double precision
            }
            Piece left = rule(p.withBounds(p.lo(), mid));
            Piece right = rule(p.withBounds(mid, p.hi()));
            evaluations += 2 * costOf(p);
            accumulate(total, totalErr, worst, -1);
            accumulate(total, totalErr, left, 1);
            accumulate(total, totalErr, right, 1);
            queue.add(left);
            queue.add(right);
        }
        // Re-sum to avoid drift from the running subtractions.
        java.util.Arrays.fill(total, 0);
        java.util.Arrays.fill(totalErr, 0);
        for (Piece piece : queue) {
            accumulate(total, totalErr, piece, 1);
        }
        boolean ok = withinTolerance(total, totalErr, absoluteTolerance, relativeTolerance);
        return new QuadratureResult(total, totalErr, evaluations, ok);
    }

    private static int costOf(Panel p) {
        return p.kind() == Panel.Kind.FOLDED ? 30 : 15;
    }

    private static void accumulate(double[] total, double[] totalErr, Piece piece, int sign) {
        for (int i = 0; i < total.length; i++) {
            total[i] += sign * piece.value[i];
            totalErr[i] += sign * piece.error[i];
        }
    }

    private static boolean withinTolerance(double[] total, double[] err, double abs, double rel) {
        double scale = 0;
        double worst = 0;
        for (int i = 0; i < total.length; i++) {
            scale = Math.max(scale, Math.abs(total[i]));
            worst = Math.max(worst, Math.abs(err[i]));
        }
        return worst <= Math.max(abs, rel * scale);
    }

    private Piece rule(Panel p) {
        double half = 0.5 * (p.hi() - p.lo());
        double centre = 0.5 * (p.hi() + p.lo());
        double[] kron = new double[dim];
        java.util.Arrays.fill(gauss, 0);
        mapped(p, centre, fTmp);
        for (int i = 0; i < dim; i++) {
            kron[i] = WGK[7] * fTmp[i];
            gauss[i] = WG[3] * fTmp[i];
        }
        for (int j = 0; j < 7; j++) {
            double dx = half * XGK[j];
            mapped(p, centre - dx, fMinus);
            mapped(p, centre + dx, fPlus);
            for (int i = 0; i < dim; i++) {
                double s = fMinus[i] + fPlus[i];
                kron[i] += WGK[j] * s;
                if (j % 2 == 1) {
                    gauss[i] += WG[j / 2] * s;
                }
            }
        }
        double[] err = new double[dim];
        double norm = 0;
        for (int i = 0; i < dim; i++) {
            kron[i] *= half;
            err[i] = Math.abs(kron[i] - gauss[i] * half);
            norm = Math.max(norm, err[i]);
        }
        return new Piece(p, kron, err, norm);
    }

    /** Integrand in the panel's own variable u, including the Jacobian of the map u -> w. */
    private void mapped(Panel p, double u, double[] out) {
        switch (p.kind()) {
            case FINITE -> f.evaluate(u, out);
            case FOLDED -> {
                double x = u;
                double jac = 1;
                if (p.power() != 1) { // graded: u = end * x^power
                    double xp = Math.pow(u, p.power() - 1);
                    x = p.end() * xp * u;
                    jac = p.end() * p.power() * xp;
                }
                f.evaluate(p.anchor() + x, out);
                f.evaluate(p.anchor() - x, fFold);
                for (int i = 0; i < dim; i++) {
                    out[i] = (out[i] + fFold[i]) * jac;
                }
            }
            case UPPER_TAIL, LOWER_TAIL -> {
                double om = 1.0 - u;
                double jac = 1.0 / (om * om);
                double w = p.kind() == Panel.Kind.UPPER_TAIL ? p.anchor() + u / om : p.anchor() - u / om;
                f.evaluate(w, out);
                for (int i = 0; i < dim; i++) {
                    out[i] *= jac;
                }
            }
            case GRADED -> {
                double span = p.end() - p.anchor();
                double up = Math.pow(u, p.power() - 1);
                double jac = Math.abs(span) * p.power() * up;
                f.evaluate(p.anchor() + span * up * u, out);
                for (int i = 0; i < dim; i++) {
                    out[i] *= jac;
                }
            }
        }
    }
}
