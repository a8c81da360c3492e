package io.coherent.core.bosonic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.dynamics.GeneratorOde;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exact engine with an Ohmic bath (issue 13) against references that share nothing with it: the steady state
 * against the frequency formula with the Ohmic self-energy in closed form (exponential integral for s = 1, 2;
 * Dawson's function for s = 1/2) integrated here by fixed Gauss-Legendre panels; trajectories against the Volterra
 * equation of the Green's function with the closed-form kernel f(t) = lambda Omega^2 Gamma(s+1) (1 + i Omega t)^-(s+1),
 * solved by the trapezoidal product rule with Richardson extrapolation. The reported error estimates (the kernel fit's
 * bound) must cover the real differences.
 */
class OhmicExactTest {
    private static final double LAMBDA = 0.05;
    private static final double OMEGA = 2;
    private static final double[][] H = {{1.0, 0.3}, {0.3, 1.5}};
    private static final double[] V = {1.0, 0.5};

    private static BilinearModel model(double s, double temperature, double lambda) {
        Bath bath = new Bath("hot", ComplexMatrix.real(new double[][] {V}), new OhmicFamily(lambda, s, OMEGA), temperature);
        return new BilinearModel(ComplexMatrix.real(H), List.of(bath), ComplexMatrix.real(new double[][] {{1, 0}, {0, 0}}),
                FrequencySupport.WHOLE_LINE);
    }

    // ---- the Ohmic self-energy in closed form -------------------------------------------------------------------

    /** Ei(x), x &gt; 0, by its series gamma + ln x + sum x^k / (k k!) (all terms positive: no cancellation). */
    private static double ei(double x) {
        double sum = 0;
        double term = 1;
        for (int k = 1; k < 400; k++) {
            term *= x / k;
            double add = term / k;
            sum += add;
            if (add < 1e-17 * sum) {
                break;
            }
        }
        return 0.5772156649015329 + Math.log(x) + sum;
    }

    /** Dawson's function e^{-x^2} int_0^x e^{t^2} dt by 16 Gauss-Legendre panels (integrand in (0, 1]). */
    private static double dawson(double x) {
        double[] nodes = {-0.9602898564975363, -0.7966664774136267, -0.5255324099163290, -0.1834346424956498,
            0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363};
        double[] weights = {0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.3626837833783620,
            0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};
        int panels = 16;
        double h = x / panels;
        double sum = 0;
        for (int p = 0; p < panels; p++) {
            double mid = (p + 0.5) * h;
            for (int q = 0; q < nodes.length; q++) {
                double t = mid + 0.5 * h * nodes[q];
                sum += 0.5 * h * weights[q] * Math.exp(t * t - x * x);
            }
        }
        return sum;
    }

    /** P int_0^inf u^s e^{-u} / (u - y) du for y &gt; 0 in closed form. */
    private static double principalValue(double s, double y) {
        if (s == 1) {
            return 1 - y * Math.exp(-y) * ei(y);
        }
        if (s == 2) {
            return 1 + y - y * y * Math.exp(-y) * ei(y);
        }
        // s = 1/2: u = x^2 turns it into sqrt(pi) (1 - 2 sqrt(y) D(sqrt(y)))
        return Math.sqrt(Math.PI) * (1 - 2 * Math.sqrt(y) * dawson(Math.sqrt(y)));
    }

    /** X(w) = [-iH + iw - Sigma(w) conj(v) v^T]^{-1} i conj(v) (2 complex entries: re0, im0, re1, im1). */
    private static double[] response(double s, double w) {
        double j = LAMBDA * Math.pow(w, s) * Math.pow(OMEGA, 1 - s) * Math.exp(-w / OMEGA);
        double sr = Math.PI * j;
        double si = -LAMBDA * OMEGA * principalValue(s, w / OMEGA);
        // M = a + i b
        double[][] a = new double[2][2];
        double[][] b = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 2; k++) {
                double p = V[i] * V[k];
                a[i][k] = -sr * p;
                b[i][k] = -H[i][k] + (i == k ? w : 0) - si * p;
            }
        }
        // 2x2 complex inverse applied to (0 + i v0, 0 + i v1)
        double dr = a[0][0] * a[1][1] - b[0][0] * b[1][1] - (a[0][1] * a[1][0] - b[0][1] * b[1][0]);
        double di = a[0][0] * b[1][1] + b[0][0] * a[1][1] - (a[0][1] * b[1][0] + b[0][1] * a[1][0]);
        double d2 = dr * dr + di * di;
        double[] out = new double[4];
        // inverse = adj / det; adj = [[m11, -m01], [-m10, m00]]
        double[][] ar = {{a[1][1], -a[0][1]}, {-a[1][0], a[0][0]}};
        double[][] ai = {{b[1][1], -b[0][1]}, {-b[1][0], b[0][0]}};
        for (int i = 0; i < 2; i++) {
            double xr = 0;
            double xi = 0;
            for (int k = 0; k < 2; k++) {
                // (ar + i ai) * (i v_k) = -ai v_k + i ar v_k
                xr += -ai[i][k] * V[k];
                xi += ar[i][k] * V[k];
            }
            out[2 * i] = (xr * dr + xi * di) / d2;
            out[2 * i + 1] = (xi * dr - xr * di) / d2;
        }
        return out;
    }

    /** {n1, n2, Jx, Jy} of the steady state: int J n conj(X) X^T dw with w = x^2, Gauss-Legendre panels in x. */
    private static double[] steadyReference(double s, double temperature) {
        double[] nodes = {-0.9739065285171717, -0.8650633666889845, -0.6794095682990244, -0.4333953941292472,
            -0.1488743389816312, 0.1488743389816312, 0.4333953941292472, 0.6794095682990244, 0.8650633666889845,
            0.9739065285171717};
        double[] weights = {0.0666713443086881, 0.1494513491505806, 0.2190863625659820, 0.2692667193099963,
            0.2955242247147529, 0.2955242247147529, 0.2692667193099963, 0.2190863625659820, 0.1494513491505806,
            0.0666713443086881};
        double h = 0.004;
        int panels = (int) Math.ceil(Math.sqrt(60) / h);
        double n1 = 0;
        double n2 = 0;
        double cr = 0;
        double ci = 0;
        for (int p = 0; p < panels; p++) {
            double mid = (p + 0.5) * h;
            for (int q = 0; q < nodes.length; q++) {
                double x = mid + 0.5 * h * nodes[q];
                double w = x * x;
                double jn = LAMBDA * Math.pow(w, s) * Math.pow(OMEGA, 1 - s) * Math.exp(-w / OMEGA) / Math.expm1(w / temperature);
                double f = 0.5 * h * weights[q] * jn * 2 * x;
                double[] y = response(s, w);
                n1 += f * (y[0] * y[0] + y[1] * y[1]);
                n2 += f * (y[2] * y[2] + y[3] * y[3]);
                // conj(X_0) X_1
                cr += f * (y[0] * y[2] + y[1] * y[3]);
                ci += f * (y[0] * y[3] - y[1] * y[2]);
            }
        }
        return new double[] {n1, n2, 2 * cr, -2 * ci};
    }

    /**
     * One model per exponent (the kernel fit is the costly part): T = 0.5, the steady state against the closed-form
     * self-energy, the vacuum part of the trajectory (which is the T = 0 dynamics) against the Volterra equation, and
     * the thermal part at t = 2 against the Volterra reference's frequency integral.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1, 2})
    void ohmicModelAgainstIndependentReferences(double s) {
        double temperature = 0.5;
        ExactDynamics dynamics = new ExactDynamics(model(s, temperature, LAMBDA), QuadratureTolerance.TRAJECTORY);
        steadyStateMatchesTheClosedFormSelfEnergy(s, temperature, dynamics.embedding());
        vacuumPartMatchesTheVolterraEquation(s, dynamics);
        thermalPartMatchesTheVolterraReference(s, temperature, dynamics);
    }

    private static void steadyStateMatchesTheClosedFormSelfEnergy(double s, double temperature, PseudoModeEmbedding embedding) {
        SteadyState ss = new SteadyStateSolver(QuadratureTolerance.STEADY_STATE).solve(embedding);
        double[] ref = steadyReference(s, temperature);
        String[] names = {"n1", "n2", "Jx", "Jy"};
        for (int i = 0; i < names.length; i++) {
            double value = ss.observables().value(names[i]);
            double err = ss.observables().error(names[i]);
            assertEquals(ref[i], value, err + 1e-10, names[i] + " at s = " + s + " (estimate " + err + ")");
        }
        assertTrue(ss.converged(), "converged: " + ss.notes());
        assertTrue(ref[0] > 1e-2, "a thermal occupation is compared: " + ref[0]);
        // one bath: in the steady state no energy flows
        assertEquals(0, ss.observables().value("energy_current.hot"), ss.observables().error("energy_current.hot") + 1e-10);
    }

    /** lambda Omega Gamma(s) = 4 pulls a mode below w = 0, where the Ohmic bath has no modes: a bound state, refused. */
    @Test
    void boundStateBelowTheBandIsRefusedNamingLambda() {
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> new PseudoModeEmbedding(model(1, 0.5, 2)));
        assertTrue(e.getMessage().contains("baths.hot.spectral_density.lambda"), e.getMessage());
        assertTrue(e.getMessage().contains("binds a state"), e.getMessage());
        // the range it names is right: just below it the model is accepted (no bound state), just above refused
        double limit = Double.parseDouble(e.getMessage().replaceAll(".*allowed: lambda below ([0-9.eE+-]+).*", "$1"));
        assertThrows(InvalidModelException.class, () -> PseudoModeEmbedding.refuseBoundState(model(1, 0.5, 1.001 * limit)));
        PseudoModeEmbedding.refuseBoundState(model(1, 0.5, 0.999 * limit));
    }

    @Test
    void exponentOutsideTheFitsRangeIsRefusedNamingTheKey() {
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> new PseudoModeEmbedding(model(0.1, 0, LAMBDA)));
        assertTrue(e.getMessage().contains("baths.hot.spectral_density.s"), e.getMessage());
        assertTrue(e.getMessage().contains("[0.25, 10.0]"), e.getMessage());
    }

    // ---- trajectories against the Volterra equation --------------------------------------------------------------

    /** G(t_j) (2 x 2 complex, [re00, im00, re01, im01, re10, im10, re11, im11]) by the trapezoidal product rule. */
    private static double[][] volterra(double s, double step, int steps) {
        double c = LAMBDA * OMEGA * OMEGA * Gamma.gamma(s + 1);
        double[] kr = new double[steps + 1];
        double[] ki = new double[steps + 1];
        for (int j = 0; j <= steps; j++) {
            double t = j * step;
            double mag = c * Math.pow(1 + OMEGA * OMEGA * t * t, -(s + 1) / 2);
            double ph = -(s + 1) * Math.atan(OMEGA * t);
            kr[j] = mag * Math.cos(ph);
            ki[j] = mag * Math.sin(ph);
        }
        double[][] g = new double[steps + 1][];
        double[][] pg = new double[steps + 1][]; // P G_l, P = v v^T (real)
        double[][] f = new double[steps + 1][];
        g[0] = new double[] {1, 0, 0, 0, 0, 0, 1, 0};
        pg[0] = timesP(g[0]);
        f[0] = minusIH(g[0]);
        // A = I + (h/2) iH + (h^2/4) K(0) P
        double[] a = new double[8];
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 2; k++) {
                int at = 4 * i + 2 * k;
                double p = V[i] * V[k];
                a[at] = (i == k ? 1 : 0) + step * step / 4 * kr[0] * p;
                a[at + 1] = step / 2 * H[i][k] + step * step / 4 * ki[0] * p;
            }
        }
        double[] inv = inverse(a);
        for (int j = 0; j < steps; j++) {
            // S_{j+1} = h [K_{j+1} P G_0 / 2 + sum_{l=1}^{j} K_{j+1-l} P G_l]
            double[] sum = new double[8];
            addScaled(sum, pg[0], kr[j + 1] / 2, ki[j + 1] / 2);
            for (int l = 1; l <= j; l++) {
                addScaled(sum, pg[l], kr[j + 1 - l], ki[j + 1 - l]);
            }
            for (int q = 0; q < 8; q++) {
                sum[q] *= step;
            }
            double[] rhs = new double[8];
            for (int q = 0; q < 8; q++) {
                rhs[q] = g[j][q] + step / 2 * (f[j][q] - sum[q]);
            }
            g[j + 1] = times(inv, rhs);
            pg[j + 1] = timesP(g[j + 1]);
            double[] next = minusIH(g[j + 1]);
            double[] m0 = new double[8];
            addScaled(m0, pg[j + 1], kr[0] * step / 2, ki[0] * step / 2);
            for (int q = 0; q < 8; q++) {
                next[q] -= sum[q] + m0[q];
            }
            f[j + 1] = next;
        }
        return g;
    }

    private static double[] timesP(double[] g) {
        double[] out = new double[8];
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 2; k++) {
                for (int m = 0; m < 2; m++) {
                    double p = V[i] * V[m];
                    out[4 * i + 2 * k] += p * g[4 * m + 2 * k];
                    out[4 * i + 2 * k + 1] += p * g[4 * m + 2 * k + 1];
                }
            }
        }
        return out;
    }

    /** -i H G. */
    private static double[] minusIH(double[] g) {
        double[] out = new double[8];
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 2; k++) {
                for (int m = 0; m < 2; m++) {
                    out[4 * i + 2 * k] += H[i][m] * g[4 * m + 2 * k + 1];
                    out[4 * i + 2 * k + 1] -= H[i][m] * g[4 * m + 2 * k];
                }
            }
        }
        return out;
    }

    private static void addScaled(double[] acc, double[] x, double cr, double ci) {
        for (int q = 0; q < 8; q += 2) {
            acc[q] += cr * x[q] - ci * x[q + 1];
            acc[q + 1] += cr * x[q + 1] + ci * x[q];
        }
    }

    private static double[] times(double[] a, double[] b) {
        double[] out = new double[8];
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 2; k++) {
                for (int m = 0; m < 2; m++) {
                    double ar = a[4 * i + 2 * m];
                    double ai = a[4 * i + 2 * m + 1];
                    double br = b[4 * m + 2 * k];
                    double bi = b[4 * m + 2 * k + 1];
                    out[4 * i + 2 * k] += ar * br - ai * bi;
                    out[4 * i + 2 * k + 1] += ar * bi + ai * br;
                }
            }
        }
        return out;
    }

    private static double[] inverse(double[] a) {
        double dr = a[0] * a[6] - a[1] * a[7] - (a[2] * a[4] - a[3] * a[5]);
        double di = a[0] * a[7] + a[1] * a[6] - (a[2] * a[5] + a[3] * a[4]);
        double d2 = dr * dr + di * di;
        double[] adj = {a[6], a[7], -a[2], -a[3], -a[4], -a[5], a[0], a[1]};
        double[] out = new double[8];
        for (int q = 0; q < 8; q += 2) {
            out[q] = (adj[q] * dr + adj[q + 1] * di) / d2;
            out[q + 1] = (adj[q + 1] * dr - adj[q] * di) / d2;
        }
        return out;
    }

    /** G on the grid of step h, Richardson-extrapolated from h and h/2 (error O(h^4)). */
    private static double[][] greensFunction(double s, double step, int steps) {
        double[][] coarse = volterra(s, step, steps);
        double[][] fine = volterra(s, step / 2, 2 * steps);
        double[][] out = new double[steps + 1][8];
        for (int j = 0; j <= steps; j++) {
            for (int q = 0; q < 8; q++) {
                out[j][q] = (4 * fine[2 * j][q] - coarse[j][q]) / 3;
            }
        }
        return out;
    }

    private static double[] propagate(ExactDynamics g, double until) {
        var integrator = new DormandPrince853Integrator(1e-9, until, 1e-12, 1e-12);
        OrdinaryDifferentialEquation ode = new GeneratorOde(g);
        return integrator.integrate(ode, new ODEState(0, g.initialState()), until).getPrimaryState();
    }

    @Test
    void zeroTemperatureTrajectoryMatchesTheVolterraEquationWithinItsBound() {
        double s = 1;
        ExactDynamics dynamics = new ExactDynamics(model(s, 0, LAMBDA), QuadratureTolerance.TRAJECTORY);
        observablesMatchTheVolterraEquation(s, dynamics, List.of("n1", "n2", "Jx", "Jy"));
        SteadyState ss = new SteadyStateSolver(QuadratureTolerance.STEADY_STATE).solve(dynamics.embedding());
        assertEquals(0, ss.observables().value("n1"), 0);
        assertEquals(0, ss.observables().value("Jx"), 0);
        assertTrue(ss.converged());
    }

    private static void vacuumPartMatchesTheVolterraEquation(double s, ExactDynamics dynamics) {
        observablesMatchTheVolterraEquation(s, dynamics, List.of("n1_vacuum", "n2_vacuum", "Jx_vacuum", "Jy_vacuum"));
    }

    /** Names ending in _vacuum compare the vacuum part (n_i's from the moments, with the whole n_i's estimate). */
    private static void observablesMatchTheVolterraEquation(double s, ExactDynamics dynamics, List<String> names) {
        double step = 0.004;
        double until = 6;
        int steps = (int) Math.round(until / step);
        double[][] g = greensFunction(s, step, steps);
        double worst = 0;
        for (double t : new double[] {1, 3, 6}) {
            double[] y = propagate(dynamics, t);
            ObservableSet o = dynamics.observe(t, y);
            SecondMoments m = dynamics.moments(t, y);
            double[] gt = g[(int) Math.round(t / step)];
            // N0 = diag(1, 0): N_ij = conj(G_i0) G_j0
            double n1 = gt[0] * gt[0] + gt[1] * gt[1];
            double n2 = gt[4] * gt[4] + gt[5] * gt[5];
            double cr = gt[0] * gt[4] + gt[1] * gt[5];
            double ci = gt[0] * gt[5] - gt[1] * gt[4];
            double[] ref = {n1, n2, 2 * cr, -2 * ci};
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                boolean occupation = name.startsWith("n") && name.endsWith("_vacuum");
                double value = occupation ? m.vacuum().re(i, i) : o.value(name);
                double err = o.error(occupation ? name.substring(0, 2) : name);
                double diff = Math.abs(value - ref[i]);
                assertTrue(diff <= err + 1e-8, name + " at t = " + t + ", s = " + s + ": |exact - fit| = " + diff
                        + " > estimate " + err);
                assertTrue(err < 0.05, "the bound says something: " + err);
                worst = Math.max(worst, diff);
            }
        }
        assertTrue(worst > 0, "the fit differs measurably from the true kernel");
    }

    /**
     * T &gt; 0 at t = 2: the thermal part int J n conj(Y) Y^T, Y(w) = -i int_0^t G(u) e^{iwu} du conj(v), with G from the
     * Volterra reference (Simpson in u, Gauss-Legendre in x = sqrt(w)).
     */
    private static void thermalPartMatchesTheVolterraReference(double s, double temperature, ExactDynamics dynamics) {
        double step = 0.004;
        double until = 2;
        int steps = (int) Math.round(until / step);
        double[][] g = greensFunction(s, step, steps);
        double[] nodes = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526};
        double[] weights = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538};
        double hx = 0.01;
        int panels = (int) Math.ceil(Math.sqrt(60) / hx);
        double n1 = 0;
        double n2 = 0;
        double cr = 0;
        double ci = 0;
        for (int p = 0; p < panels; p++) {
            for (int q = 0; q < nodes.length; q++) {
                double x = (p + 0.5) * hx + 0.5 * hx * nodes[q];
                double w = x * x;
                double jn = LAMBDA * Math.pow(w, s) * Math.pow(OMEGA, 1 - s) * Math.exp(-w / OMEGA) / Math.expm1(w / temperature);
                double f = 0.5 * hx * weights[q] * jn * 2 * x;
                // Y_i = -i sum_k int G_ik e^{iwu} du v_k, Simpson
                double[] y = new double[4];
                for (int j = 0; j <= steps; j++) {
                    double sw = (j == 0 || j == steps ? 1 : j % 2 == 1 ? 4 : 2) * step / 3;
                    double er = Math.cos(w * j * step);
                    double ei = Math.sin(w * j * step);
                    for (int i = 0; i < 2; i++) {
                        double ar = 0;
                        double ai = 0;
                        for (int k = 0; k < 2; k++) {
                            ar += g[j][4 * i + 2 * k] * V[k];
                            ai += g[j][4 * i + 2 * k + 1] * V[k];
                        }
                        // -i (ar + i ai)(er + i ei) = (ar ei + ai er) - i (ar er - ai ei)
                        y[2 * i] += sw * (ar * ei + ai * er);
                        y[2 * i + 1] -= sw * (ar * er - ai * ei);
                    }
                }
                n1 += f * (y[0] * y[0] + y[1] * y[1]);
                n2 += f * (y[2] * y[2] + y[3] * y[3]);
                cr += f * (y[0] * y[2] + y[1] * y[3]);
                ci += f * (y[0] * y[3] - y[1] * y[2]);
            }
        }
        ObservableSet o = dynamics.observe(until, propagate(dynamics, until));
        double[] ref = {n1, n2, 2 * cr, -2 * ci};
        String[] names = {"n1_thermal", "n2_thermal", "Jx_thermal", "Jy_thermal"};
        assertTrue(ref[0] > 1e-3, "a thermal occupation is compared: " + ref[0]);
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            double value = name.startsWith("n") ? thermalOccupation(dynamics, until, i) : o.value(name);
            double err = name.startsWith("n") ? o.error(name.substring(0, 2)) : o.error(name);
            assertTrue(Math.abs(value - ref[i]) <= err + 1e-7, name + " at s = " + s + ": |exact - fit| = "
                    + Math.abs(value - ref[i]) + " > estimate " + err);
        }
    }

    /** The thermal part of n_i (the observables report n_i whole): from the moments. */
    private static double thermalOccupation(ExactDynamics d, double t, int i) {
        SecondMoments m = d.moments(t, propagate(d, t));
        return m.thermal().re(i, i);
    }
}
