package io.coherent.bench;

import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.dynamics.Method;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.master.MasterEquationOptions;
import io.coherent.core.master.MasterEquations;
import io.coherent.core.master.MasterSteadyState;
import io.coherent.core.open.Channel;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import io.coherent.core.open.Subsystem;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Direct steady state of a qubit and a truncated oscillator (the model of IterativeSteadyStateTest and of
 * bench/qutip/steady_qutip.py), non-secular Redfield with real rates: the matrix-free GMRES solver against the dense
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

    /** H = 0.55 sz + a^+a + 0.05 sx (a + a^+); Ohmic baths (lambda 0.01, Omega 5) on sx (T = 1) and a + a^+ (T = 0.3). */
    static OpenSystem qubitOscillator(int cutoff) {
        HilbertSpace space = HilbertSpace.of(Subsystem.qubit("q"), Subsystem.oscillator("a", cutoff));
        ComplexMatrix a = Operators.embed(space, "a", Operators.annihilation(cutoff));
        ComplexMatrix sx = Operators.embed(space, "q", Operators.sigmaX());
        ComplexMatrix x = a.plus(a.conjugateTranspose());
        ComplexMatrix h = Operators.embed(space, "q", Operators.sigmaZ()).scale(0.55)
                .plus(a.conjugateTranspose().times(a)).plus(sx.times(x).scale(0.05));
        OhmicFamily j = new OhmicFamily(0.01, 1, 5);
        List<Reservoir> baths = List.of(
                new Reservoir("qubit", ThermalOccupation.bose(1.0), List.of(new Channel(Channel.Kind.HERMITIAN, sx, j))),
                new Reservoir("cavity", ThermalOccupation.bose(0.3), List.of(new Channel(Channel.Kind.HERMITIAN, x, j))));
        ComplexMatrix rho0 = Operators.projector(Operators.productKet(space, 1, 0));
        return new OpenSystem(space, h, baths, rho0, List.of(), List.of(), null);
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int[] cutoffs = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {14, 29, 49};
        for (int cutoff : cutoffs) {
            OpenSystem s = qubitOscillator(cutoff);
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
