package io.coherent.bench;

import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.bosonic.Bath;
import io.coherent.core.bosonic.BilinearModel;
import io.coherent.core.bosonic.PseudoModeEmbedding;
import io.coherent.core.bosonic.SteadyState;
import io.coherent.core.bosonic.SteadyStateSolver;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.quadrature.QuadratureTolerance;
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
 * One steady-state point of a two-mode bilinear model with an Ohmic bath (issue 13): the exact engine's frequency
 * formula with the true J and the exact self-energy (principal value by quadrature at every node), tolerance 1e-10.
 * The kernel fit that places the panels is built once in the setup (its time is printed there, not measured here).
 * Peer in the same run: bench/scipy/ohmic_steady_scipy.py, scipy quad of the same integral with the self-energy in
 * closed form (scipy.special.expi, dawsn). The model is OhmicExactTest's: H = [[1, 0.3], [0.3, 1.5]], v = (1, 0.5),
 * lambda = 0.05, Omega = 2, T = 0.5.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OhmicSteadyBenchmark {

    @Param({"0.5", "1", "2"})
    public double s;

    private PseudoModeEmbedding embedding;
    private SteadyStateSolver solver;

    static BilinearModel model(double s) {
        Bath bath = new Bath("hot", ComplexMatrix.real(new double[][] {{1.0, 0.5}}), new OhmicFamily(0.05, s, 2), 0.5);
        return new BilinearModel(ComplexMatrix.real(new double[][] {{1.0, 0.3}, {0.3, 1.5}}), List.of(bath),
                ComplexMatrix.real(new double[][] {{1, 0}, {0, 0}}), FrequencySupport.WHOLE_LINE);
    }

    @Setup(Level.Trial)
    public void setup() {
        long t0 = System.nanoTime();
        embedding = new PseudoModeEmbedding(model(s));
        long t1 = System.nanoTime();
        solver = new SteadyStateSolver(QuadratureTolerance.STEADY_STATE);
        SteadyState ss = solver.solve(embedding);
        System.out.printf("%n[setup] s=%s fit+embedding %.0f ms; n1=%.15g n2=%.15g Jx=%.15g errorEstimate=%.2e evaluations=%d "
                + "converged=%s%n", s, (t1 - t0) / 1e6, ss.observables().value("n1"), ss.observables().value("n2"),
                ss.observables().value("Jx"), ss.errorEstimate(), ss.evaluations(), ss.converged());
        if (!ss.converged()) {
            throw new IllegalStateException("not converged: " + ss.notes());
        }
    }

    @Benchmark
    public SteadyState point() {
        return solver.solve(embedding);
    }
}
