package io.coherent.bench;

import io.coherent.core.dynamics.Method;
import io.coherent.core.master.MasterEquationOptions;
import io.coherent.core.master.MasterEquations;
import io.coherent.core.master.MasterSteadyState;
import io.coherent.core.models.QubitOscillator;
import io.coherent.core.open.OpenSystem;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Direct steady state of a qubit and a truncated oscillator ({@link QubitOscillator} at lambda = 0.01, T = 1 and 0.3,
 * as bench/qutip/steady_qutip.py builds it), non-secular Redfield with real rates: the matrix-free GMRES solver against the dense
 * SVD null space (where it runs) at d = 30, 60, 100. Whole call timed (generator, preconditioner, solve, error
 * estimate, observables), median over rounds after warm-up, wall and process CPU time. Prints one line per case
 * (JSON) with population.1 for the cross-check against QuTiP.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.coherent.bench.SteadyStateSideBySide [rounds] [cut-offs...]</pre>
 */
public final class SteadyStateSideBySide {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private SteadyStateSideBySide() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int[] cutoffs = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {14, 29, 49};
        for (int cutoff : cutoffs) {
            OpenSystem s = new QubitOscillator(cutoff, 0.01, 1.0, 0.3).toSystem();
            run("gmres", s, rounds, () -> MasterEquations.iterativeSteadyState(s, Method.REDFIELD, MasterEquationOptions.DEFAULT));
            if (s.dimension() <= 30) {
                run("dense-svd", s, Math.min(rounds, 3),
                        () -> MasterEquations.nullSpaceSteadyState(s, Method.REDFIELD, MasterEquationOptions.DEFAULT));
            }
        }
    }

    private static void run(String solver, OpenSystem s, int rounds, Supplier<MasterSteadyState> call) {
        MasterSteadyState warm = call.get();
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long c0 = OS.getProcessCpuTime();
            long w0 = System.nanoTime();
            call.get();
            wall[i] = (System.nanoTime() - w0) / 1e6;
            cpu[i] = (OS.getProcessCpuTime() - c0) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "{\"solver\": \"%s\", \"d\": %d, \"rounds\": %d, \"wall_ms\": %.1f, \"cpu_ms\": %.1f,"
                        + " \"iterations\": %d, \"population_1\": %.12g, \"error\": %.3g, \"load\": %.2f}%n", solver,
                s.dimension(), rounds, wall[rounds / 2], cpu[rounds / 2], warm.iterations(),
                warm.observables().value("population.1"), warm.observables().error("population.1"), OS.getSystemLoadAverage());
    }
}
