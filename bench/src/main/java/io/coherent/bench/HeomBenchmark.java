package io.coherent.bench;

import io.coherent.core.bath.DrudeLorentz;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.heom.CorrelationSource;
import io.coherent.core.heom.Heom;
import io.coherent.core.heom.HeomGenerator;
import io.coherent.core.heom.HeomOptions;
import io.coherent.core.heom.HeomSteadyState;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.open.Channel;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import io.coherent.core.open.Subsystem;
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
 * The hierarchical equations of motion on issue 12's two-qubit model (docs/benchmarks.md, "HEOM"): H_S = (1/2)(sz1 +
 * sz2) + 0.1 (s1+ s2- + s1- s2+), each qubit sigma_x-coupled to a Drude-Lorentz bath (lambda = 0.1, gamma = 2) at
 * T1 = 1 and T2 = 2, Pade with 2 poles per bath (QuTiP's Nk = 2; 3 exponents per bath), the model of the heomcheck
 * QuTiP fixtures. Timed: one right-hand side; one hierarchy's steady state from the model (what QuTiP's
 * HEOMSolver.steady_state does at the same depth and Nk); the product's steady state at fixed depth with its error
 * estimate (two more, smaller solves); and the automatic convergence.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HeomBenchmark {
    @Param({"5", "6", "7"})
    public int depth;

    private OpenSystem system;
    private HeomGenerator generator;
    private double[] y;
    private double[] yDot;

    /** The two-qubit, two-bath model of issue 12 and the heomcheck fixtures. */
    public static OpenSystem twoQubits() {
        HilbertSpace space = HilbertSpace.of(Subsystem.qubit("a"), Subsystem.qubit("b"));
        ComplexMatrix sz1 = Operators.embed(space, "a", Operators.sigmaZ());
        ComplexMatrix sz2 = Operators.embed(space, "b", Operators.sigmaZ());
        ComplexMatrix sp1 = Operators.embed(space, "a", Operators.sigmaPlus());
        ComplexMatrix sp2 = Operators.embed(space, "b", Operators.sigmaPlus());
        ComplexMatrix h = sz1.plus(sz2).scale(0.5).plus(sp1.times(sp2.conjugateTranspose())
                .plus(sp1.conjugateTranspose().times(sp2)).scale(0.1));
        Reservoir b1 = new Reservoir("b1", ThermalOccupation.bose(1), List.of(new Channel(Channel.Kind.HERMITIAN,
                Operators.embed(space, "a", Operators.sigmaX()), new DrudeLorentz(0.1, 2))));
        Reservoir b2 = new Reservoir("b2", ThermalOccupation.bose(2), List.of(new Channel(Channel.Kind.HERMITIAN,
                Operators.embed(space, "b", Operators.sigmaX()), new DrudeLorentz(0.1, 2))));
        ComplexMatrix rho0 = Operators.projector(Operators.productKet(space, 0, 0));
        return new OpenSystem(space, h, List.of(b1, b2), rho0, List.of(), List.of(), null);
    }

    private static HeomOptions fixed(int depth) {
        return new HeomOptions(depth, 2, null, false, HeomOptions.DEFAULT_TOLERANCE, HeomOptions.DEFAULT_MAX_MEMORY);
    }

    @Setup(Level.Trial)
    public void setUp() {
        system = twoQubits();
        generator = Heom.generator(system, depth, 2, fixed(depth), CorrelationSource.BATH_CORRELATIONS);
        y = generator.initialState();
        yDot = new double[y.length];
    }

    /** One evaluation of the right-hand side (all ADOs). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double[] rightHandSide() {
        generator.computeDerivatives(0, y, yDot);
        return yDot;
    }

    /** One hierarchy's steady state, from the model (QuTiP's HEOMSolver.steady_state at max_depth = depth, Nk = 2). */
    @Benchmark
    public HeomSteadyState steadyStateOneHierarchy() {
        return Heom.singleLevel(system, depth, 2, fixed(depth), CorrelationSource.BATH_CORRELATIONS);
    }

    /** The product's steady state at fixed depth and Nk = 2 with its error estimate (depth - 1 and Nk = 1 solved too). */
    @Benchmark
    public HeomSteadyState steadyStateWithErrorEstimate() {
        return Heom.steadyState(system, fixed(depth), CorrelationSource.BATH_CORRELATIONS);
    }

    /** Automatic depth and exponents to heom_tolerance = 1e-5 (depth does not apply: measured once). */
    @Benchmark
    public HeomSteadyState steadyStateAutomatic() {
        return Heom.steadyState(system, new HeomOptions(null, null, null, true, 1e-5, HeomOptions.DEFAULT_MAX_MEMORY),
                CorrelationSource.BATH_CORRELATIONS);
    }
}
