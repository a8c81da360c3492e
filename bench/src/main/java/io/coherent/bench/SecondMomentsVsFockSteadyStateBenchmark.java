package io.coherent.bench;

import io.coherent.core.bosonic.FockSpaceModel;
import io.coherent.core.bosonic.SecondMomentMasterEquation;
import io.coherent.core.dynamics.Method;
import io.coherent.core.master.MasterEquationOptions;
import io.coherent.core.master.MasterEquations;
import io.coherent.core.observables.ObservableSet;
import io.coherent.core.quadrature.QuadratureTolerance;
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
 * Direct steady state of {@link SecondMomentsVsFockBenchmark}'s model, Redfield with Lamb shift, everything
 * from the model to the observables: the second-moment Lyapunov solve (including the principal values and
 * the error propagation, which solves twice) against the finite-system engine's null space of the Fock-space
 * Liouvillian at cut-off 4 (d = 25, a 625 x 625 SVD; its dense limit is d = 30), including the conversion.
 * {@link #check()} requires the two to agree on n1 to 1e-6.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SecondMomentsVsFockSteadyStateBenchmark {
    private static final MasterEquationOptions OPTIONS =
            new MasterEquationOptions(true, QuadratureTolerance.STEADY_STATE, 1e-9);

    @Param({"moments", "fock-4"})
    public String form;

    @Setup(Level.Trial)
    public void check() {
        double a = SecondMomentMasterEquation.steadyState(SecondMomentsVsFockBenchmark.model(), Method.REDFIELD, OPTIONS)
                .observables().value("n1");
        double b = MasterEquations.steadyState(FockSpaceModel.of(SecondMomentsVsFockBenchmark.model(), 4).system(),
                Method.REDFIELD, OPTIONS).observables().value("n1");
        if (Math.abs(a - b) > 1e-6) {
            throw new IllegalStateException("second moments n1 = " + a + ", Fock space n1 = " + b);
        }
        System.out.printf("%n[setup] steady n1: moments %.10f, fock-4 %.10f%n", a, b);
    }

    @Benchmark
    public ObservableSet steadyState() {
        if (form.equals("moments")) {
            return SecondMomentMasterEquation.steadyState(SecondMomentsVsFockBenchmark.model(), Method.REDFIELD, OPTIONS)
                    .observables();
        }
        return MasterEquations.steadyState(FockSpaceModel.of(SecondMomentsVsFockBenchmark.model(), 4).system(),
                Method.REDFIELD, OPTIONS).observables();
    }
}
