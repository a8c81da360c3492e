package io.coherent.bench;

import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.bosonic.Bath;
import io.coherent.core.bosonic.BilinearModel;
import io.coherent.core.bosonic.FockSpaceModel;
import io.coherent.core.bosonic.SecondMomentMasterEquation;
import io.coherent.core.dynamics.Generator;
import io.coherent.core.dynamics.Method;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.master.MasterEquationOptions;
import io.coherent.core.master.MasterEquations;
import io.coherent.core.quadrature.QuadratureTolerance;
import io.coherent.integrators.IntegratorSettings;
import io.coherent.integrators.OutputGrid;
import io.coherent.integrators.Propagator;
import io.coherent.integrators.RunOutcome;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One bilinear model, two forms: the second-moment Redfield equation (n = 2, 16 real state variables) and
 * the same model in Fock space run by the finite-system engine (two oscillators with cut-off c, d = (c + 1)^2,
 * 2 d^2 real state variables). Both are propagated to t = 50 by the production {@link Propagator}
 * (Dormand-Prince 8(5,3), rtol = atol = 1e-8) with 11 samples of all observables. The generators are built
 * in {@link #build()} (the Fock form's construction, Lamb shifts at every Bohr frequency, is not timed).
 * {@link #build()} also checks that the two forms give the same n1, n2, Jx at t = 50 (to 1e-5), so that
 * like is timed against like. The model is FockSpaceAgreementTest's: detuned modes with complex hopping,
 * two super-Ohmic baths at T = 0.3 and 0.2, Lamb shift on.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SecondMomentsVsFockBenchmark {
    private static final double UNTIL = 50;
    private static final MasterEquationOptions OPTIONS =
            new MasterEquationOptions(true, QuadratureTolerance.STEADY_STATE, 1e-9);
    private static final Propagator PROPAGATOR =
            new Propagator(new IntegratorSettings("dormand-prince-853", 1e-8, 1e-8, 0, 0));

    /** "moments" or the Fock cut-off per oscillator ("fock-4": d = 25, "fock-9": d = 100). */
    @Param({"moments", "fock-4", "fock-9"})
    public String form;

    private Generator generator;

    static BilinearModel model() {
        ComplexMatrix h = ComplexMatrix.fromParts(new double[][] {{1.0, 0.1}, {0.1, 1.3}},
                new double[][] {{0, 0.05}, {-0.05, 0}});
        List<Bath> baths = List.of(
                new Bath("hot", ComplexMatrix.real(new double[][] {{0.9, 0.2}}), new OhmicFamily(1.5e-2, 2, 3), 0.3),
                new Bath("cold", ComplexMatrix.real(new double[][] {{0.1, 0.8}}), new OhmicFamily(1.6e-2, 2, 2), 0.2));
        ComplexMatrix n0 = ComplexMatrix.fromParts(new double[][] {{0.025, 0.0075}, {0.0075, 0.015}},
                new double[][] {{0, 0.005}, {-0.005, 0}});
        return new BilinearModel(h, baths, n0, FrequencySupport.WHOLE_LINE);
    }

    static Generator generator(String form) {
        BilinearModel model = model();
        if (form.equals("moments")) {
            return SecondMomentMasterEquation.generator(model, Method.REDFIELD, OPTIONS);
        }
        int cutoff = Integer.parseInt(form.substring("fock-".length()));
        return MasterEquations.generator(FockSpaceModel.of(model, cutoff).system(), Method.REDFIELD, OPTIONS);
    }

    @Setup(Level.Trial)
    public void build() {
        generator = generator(form);
        RunOutcome here = run();
        RunOutcome reference = PROPAGATOR.run(generator("moments"), OutputGrid.uniform(0, UNTIL, 11), null, s -> { });
        for (String name : List.of("n1", "n2", "Jx")) {
            double a = here.last().observables().value(name);
            double b = reference.last().observables().value(name);
            if (Math.abs(a - b) > 1e-5) {
                throw new IllegalStateException(form + ": " + name + " = " + a + " differs from the second moments' " + b);
            }
        }
        System.out.printf("%n[setup] %s: state %d, n1(50) = %.10f, steps %d, evaluations %d%n", form,
                generator.stateDimension(), here.last().observables().value("n1"), here.statistics().steps(),
                here.statistics().evaluations());
    }

    @Benchmark
    public RunOutcome trajectory() {
        return run();
    }

    private RunOutcome run() {
        RunOutcome outcome = PROPAGATOR.run(generator, OutputGrid.uniform(0, UNTIL, 11), null, s -> { });
        if (outcome.failed()) {
            throw new IllegalStateException(outcome.failure());
        }
        return outcome;
    }
}
