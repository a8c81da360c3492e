package io.coherent.bench;

import io.coherent.core.dynamics.Generator;
import io.coherent.core.dynamics.Method;
import io.coherent.core.master.MasterEquationOptions;
import io.coherent.core.master.MasterEquations;
import io.coherent.core.master.MasterSteadyState;
import io.coherent.core.open.OpenSystem;
import io.coherent.integrators.IntegratorSettings;
import io.coherent.integrators.OutputGrid;
import io.coherent.integrators.Propagator;
import io.coherent.integrators.RunOutcome;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Master-equation trajectories and steady states (docs/benchmarks.md, "Master equations"). Every timed call goes
 * from the model to the result: eigen-decomposition, spectra, rate-dressed operators (or the sparse secular tensor),
 * then propagation with the project's Propagator (Dormand-Prince 8(5,3)) and all observables at every output time.
 * bench/qutip/master_qutip.py times QuTiP brmesolve on the same models, tolerances and output grids.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MasterEquationBenchmark {
    private final OpenSystem twoQubits = MasterBenchModels.twoQubits();
    private final OpenSystem oscillators = MasterBenchModels.oscillators();

    private static RunOutcome run(Generator g, double until, int points, double rtol, double atol) {
        RunOutcome out = new Propagator(new IntegratorSettings("dormand-prince-853", atol, rtol, 0, 0))
                .run(g, OutputGrid.uniform(0, until, points), null, sample -> { });
        if (out.failed()) {
            throw new IllegalStateException(out.failure());
        }
        return out;
    }

    /** Two qubits, non-secular Redfield, t = 0 .. 50/gamma, 101 samples, rtol 1e-8, atol 1e-10. */
    @Benchmark
    public RunOutcome twoQubitRedfieldTrajectory() {
        Generator g = MasterEquations.generator(twoQubits, Method.REDFIELD, MasterEquationOptions.DEFAULT);
        return run(g, 50 / MasterBenchModels.GAMMA_QUBITS, 101, 1e-8, 1e-10);
    }

    /** d = 100, non-secular Redfield (matrix-product form), t = 0 .. 20, 21 samples, rtol 1e-6, atol 1e-8. */
    @Benchmark
    public RunOutcome oscillatorsRedfieldTrajectory() {
        Generator g = MasterEquations.generator(oscillators, Method.REDFIELD, MasterEquationOptions.DEFAULT);
        return run(g, 20, 21, 1e-6, 1e-8);
    }

    /** d = 100, secular (sparse Davies tensor), same grid and tolerances. */
    @Benchmark
    public RunOutcome oscillatorsSecularTrajectory() {
        Generator g = MasterEquations.generator(oscillators, Method.SECULAR, MasterEquationOptions.DEFAULT);
        return run(g, 20, 21, 1e-6, 1e-8);
    }

    /** Direct two-qubit steady state (null space of the 16 x 16 Hermitian-parameter Liouvillian), from the model. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public MasterSteadyState twoQubitSteadyState() {
        return MasterEquations.steadyState(twoQubits, Method.REDFIELD, MasterEquationOptions.DEFAULT);
    }
}
