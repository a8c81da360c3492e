package io.coherent.bench;

import io.coherent.core.bosonic.SteadyState;
import io.coherent.core.bosonic.SteadyStateSolver;
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
 * One steady-state point of Fig. 1(a): model construction, pseudomode embedding and the thermal frequency
 * integral, by residues (tolerance 1e-10) or by quadrature (tolerance 1e-9). theta = pi/8 is the paper's value;
 * theta = pi/400 is hard (a peak of width ~ Gamma sin^4(theta)/2 ~ 2e-9 at w = omega1 carrying O(1) weight).
 * {@link #check()} refuses to benchmark a point whose error estimate is not below 1e-8.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class SteadyStatePointBenchmark {

    @Param({"pi/8", "pi/400"})
    public String theta;

    /** residues: the closed form at the poles (the default since issue 13); quadrature: the adaptive integral. */
    @Param({"residues", "quadrature"})
    public String scheme;

    private double angle;
    private SteadyStateSolver solver;

    @Setup(Level.Trial)
    public void check() {
        angle = Fig1a.parseTheta(theta);
        solver = Fig1a.solver(scheme);
        SteadyState s = Fig1a.checked(Fig1a.solve(solver, angle), angle);
        System.out.printf("%n[setup] theta=%s scheme=%s (used %s) Jx=%.15g errorEstimate=%.2e evaluations=%d converged=%s%n",
                theta, scheme, s.scheme(), s.observables().value("Jx"), s.errorEstimate(), s.evaluations(), s.converged());
    }

    @Benchmark
    public SteadyState point() {
        return Fig1a.solve(solver, angle);
    }
}
