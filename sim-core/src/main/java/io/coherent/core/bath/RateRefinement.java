package io.coherent.core.bath;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Levenberg-Marquardt refinement of the rates of an exponential fit by variable projection (Golub and Pereyra,
 * SIAM J. Numer. Anal. 10, 413 (1973)): for given rates the amplitudes are the linear least-squares solution, so
 * only the rates are iterated, on the residual that remains. Rates stay closed under conjugation (a real rate is
 * one parameter ln Re gamma; a conjugate pair is ln Re gamma and Im gamma of its upper member) and decaying
 * (Re gamma = e^p > 0). Deterministic: a fixed number of iterations at most, forward-difference Jacobian.
 */
final class RateRefinement {
    private static final int MAX_ITERATIONS = 25;

    private RateRefinement() {
    }

    /**
     * @param rates    starting rates, closed under conjugation
     * @param residual the residual vector of the least-squares fit for given rates
     * @return refined rates (the starting ones if no step lowered the residual)
     */
    static Complex[] refine(Complex[] rates, Function<Complex[], double[]> residual) {
        List<Complex> upper = new ArrayList<>();
        List<Boolean> real = new ArrayList<>();
        for (Complex g : rates) {
            boolean isReal = Math.abs(g.getImaginary()) <= 1e-12 * g.norm();
            if (isReal) {
                upper.add(g);
                real.add(true);
            } else if (g.getImaginary() > 0) {
                upper.add(g);
                real.add(false);
            }
        }
        int pairs = (int) real.stream().filter(r -> !r).count();
        if (upper.size() + pairs != rates.length) {
            return rates; // not closed under conjugation: leave as it is
        }
        int np = upper.size() + pairs;
        double[] p = new double[np];
        int[] index = new int[upper.size()];
        int q = 0;
        for (int i = 0; i < upper.size(); i++) {
            index[i] = q;
            p[q++] = Math.log(upper.get(i).getReal());
            if (!real.get(i)) {
                p[q++] = upper.get(i).getImaginary();
            }
        }
        Function<double[], Complex[]> rateOf = params -> {
            Complex[] out = new Complex[rates.length];
            int o = 0;
            for (int i = 0; i < index.length; i++) {
                double re = Math.exp(params[index[i]]);
                if (real.get(i)) {
                    out[o++] = new Complex(re);
                } else {
                    double im = params[index[i] + 1];
                    out[o++] = new Complex(re, im);
                    out[o++] = new Complex(re, -im);
                }
            }
            return out;
        };
        double[] r = residual.apply(rateOf.apply(p));
        double cost = norm2(r);
        double lambda = 1e-3;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[][] jac = new double[r.length][np];
            for (int j = 0; j < np; j++) {
                double h = 1e-7 * Math.max(1, Math.abs(p[j]));
                double[] pj = p.clone();
                pj[j] += h;
                double[] rj = residual.apply(rateOf.apply(pj));
                for (int m = 0; m < r.length; m++) {
                    double d = (rj[m] - r[m]) / h;
                    jac[m][j] = Double.isFinite(d) ? d : 0; // a singular neighbour: no information in this direction
                }
            }
            RealMatrix jm = new Array2DRowRealMatrix(jac, false);
            RealMatrix jtj = jm.transposeMultiply(jm);
            double[] g = jm.transpose().operate(r);
            double floor = 0;
            for (int j = 0; j < np; j++) {
                floor = Math.max(floor, 1e-12 * jtj.getEntry(j, j));
            }
            if (floor == 0) {
                break; // the residual does not depend on the rates (it vanishes)
            }
            boolean improved = false;
            for (int attempt = 0; attempt < 8 && !improved; attempt++) {
                RealMatrix a = jtj.copy();
                for (int j = 0; j < np; j++) {
                    a.addToEntry(j, j, lambda * (jtj.getEntry(j, j) + floor));
                }
                LUDecomposition lu = new LUDecomposition(a, 1e-300);
                if (lu.getDeterminant() == 0 || !Double.isFinite(lu.getDeterminant())) {
                    lambda *= 8;
                    continue;
                }
                double[] step = lu.getSolver().solve(new ArrayRealVector(g, false)).toArray();
                double[] trial = p.clone();
                for (int j = 0; j < np; j++) {
                    trial[j] -= step[j];
                }
                double[] rt = residual.apply(rateOf.apply(trial));
                double ct = norm2(rt);
                if (ct < cost) { // (an infinite or NaN trial cost is never below)
                    improved = ct > cost * (1 - 1e-8) ? false : true;
                    p = trial;
                    r = rt;
                    cost = ct;
                    lambda = Math.max(lambda / 4, 1e-12);
                    if (!improved) {
                        return rateOf.apply(p); // converged: no relative progress
                    }
                } else {
                    lambda *= 8;
                }
            }
            if (!improved) {
                break;
            }
        }
        return rateOf.apply(p);
    }

    private static double norm2(double[] r) {
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return s;
    }
}
