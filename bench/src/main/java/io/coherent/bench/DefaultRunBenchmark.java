package io.coherent.bench;

import io.coherent.core.bosonic.BilinearModel;
import io.coherent.core.bosonic.ExactDynamics;
import io.coherent.core.bosonic.PartialCollectiveModel;
import io.coherent.core.dynamics.Generator;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.quadrature.QuadratureTolerance;
import java.util.concurrent.TimeUnit;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The physics of {@code coherent run}'s default scenario, warm, without the runtime around it: the exact engine
 * for Fig. 1(a) (or the quickstart's Lorentzian + Drude-Lorentz model), Dormand-Prince 8(5,3) at 1e-10 to t = 200
 * (100 for the quickstart), observables at 401 uniform times from the dense output. Includes building the engine
 * (eigendecomposition, the bath's Matsubara expansion). Time per whole run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(1)
public class DefaultRunBenchmark {

    @Param({"partial-collective", "quickstart"})
    public String model;

    static BilinearModel quickstart() {
        var h = io.coherent.core.linalg.ComplexMatrix.real(new double[][] {{1.0, 0.05}, {0.05, 1.2}});
        return new BilinearModel(h, java.util.List.of(
                new io.coherent.core.bosonic.Bath("hot", io.coherent.core.linalg.ComplexMatrix.real(new double[][] {{1, 0}}),
                        new io.coherent.core.bath.Lorentzian(1, 0.5, 0.4), 2),
                new io.coherent.core.bosonic.Bath("cold", io.coherent.core.linalg.ComplexMatrix.real(new double[][] {{0, 1}}),
                        new io.coherent.core.bath.DrudeLorentz(0.05, 2), 0.2)),
                io.coherent.core.linalg.ComplexMatrix.real(new double[][] {{1, 0}, {0, 0}}),
                io.coherent.core.bath.FrequencySupport.WHOLE_LINE);
    }

    @Benchmark
    public double run() {
        boolean quick = model.equals("quickstart");
        BilinearModel m = quick ? quickstart() : PartialCollectiveModel.FIG_1A.toModel();
        double until = quick ? 100 : 200;
        Generator g = new ExactDynamics(m, QuadratureTolerance.TRAJECTORY);
        double[] yDot = new double[g.stateDimension()];
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return g.stateDimension();
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                g.computeDerivatives(t, y, yDot);
                return yDot;
            }
        };
        var integrator = new DormandPrince853Integrator(1e-12 * until, until, 1e-10, 1e-10);
        int samples = 401;
        int[] next = {1};
        double[] worst = {0};
        integrator.addStepHandler(interpolator -> {
            double t1 = interpolator.getCurrentState().getTime();
            while (next[0] < samples && until * next[0] / (samples - 1) <= t1 * (1 + 1e-14)) {
                double t = until * next[0]++ / (samples - 1);
                ObservableSet o = g.observe(t, interpolator.getInterpolatedState(Math.min(t, t1)).getPrimaryState());
                worst[0] = Math.max(worst[0], o.error("Jx"));
            }
        });
        integrator.integrate(ode, new ODEState(0, g.initialState()), until);
        if (next[0] != samples || !(worst[0] <= 1e-8)) {
            throw new IllegalStateException("run sampled " + next[0] + " times, largest Jx error " + worst[0]);
        }
        return worst[0];
    }
}
