package io.coherent.bench;

import io.coherent.core.bosonic.SteadyState;
import io.coherent.core.bosonic.SteadyStateSolver;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
 * The 401-point theta scan of Fig. 1(a), theta_i = (pi/2) i/400, i = 0..400, by residues (tolerance 1e-10)
 * or quadrature (1e-9): sequentially, and as a parallel IntStream (common fork-join pool; on 2 cores that is the caller
 * plus one worker) with a solver per point. Time per whole scan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class ThetaScanBenchmark {

    /** residues: the closed form at the poles (the default since issue 13); quadrature: the adaptive integral. */
    @Param({"residues", "quadrature"})
    public String scheme;

    @Setup(Level.Trial)
    public void check() {
        double worst = 0;
        int evaluations = 0;
        for (int i = 0; i <= Fig1a.SCAN_STEPS; i++) {
            double theta = Fig1a.scanTheta(i);
            SteadyState s = Fig1a.checked(Fig1a.solve(Fig1a.solver(scheme), theta), theta);
            worst = Math.max(worst, s.errorEstimate());
            evaluations += s.evaluations();
        }
        System.out.printf("%n[setup] scan: %d points, all converged, max errorEstimate=%.2e, %d integrand evaluations%n",
                Fig1a.SCAN_STEPS + 1, worst, evaluations);
        System.out.printf("[setup] available processors=%d, common pool parallelism=%d%n",
                Runtime.getRuntime().availableProcessors(), java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());
    }

    @Benchmark
    public double[] sequential() {
        SteadyStateSolver solver = Fig1a.solver(scheme);
        double[] jx = new double[Fig1a.SCAN_STEPS + 1];
        for (int i = 0; i <= Fig1a.SCAN_STEPS; i++) {
            jx[i] = Fig1a.solve(solver, Fig1a.scanTheta(i)).observables().value("Jx");
        }
        return jx;
    }

    @Benchmark
    public double[] parallel() {
        return IntStream.rangeClosed(0, Fig1a.SCAN_STEPS).parallel()
                .mapToDouble(i -> Fig1a.solve(Fig1a.solver(scheme), Fig1a.scanTheta(i))
                        .observables().value("Jx"))
                .toArray();
    }
}
