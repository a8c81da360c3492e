package io.coherent.bench;

import io.coherent.config.Scenario;
import io.coherent.config.ScenarioLoader;
import io.coherent.core.dynamics.Generator;
import io.coherent.core.dynamics.Method;
import io.coherent.core.heom.Heom;
import io.coherent.core.heom.HeomOptions;
import io.coherent.core.heom.CorrelationSource;
import io.coherent.core.heom.EmbeddedHierarchy;
import io.coherent.core.heom.HeomSteadyState;
import io.coherent.core.methods.Engines;
import io.coherent.core.methods.SteadyStateReport;
import io.coherent.core.open.OpenSystem;
import io.coherent.integrators.OutputGrid;
import io.coherent.integrators.Propagator;
import io.coherent.integrators.RunOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Java side of the HEOM benchmark (bench/run-heom-benchmark.sh, docs/benchmarks.md): issue 12's two-qubit model
 * (bench/heom/two-qubits-dl.yaml), Pade with 2 Bose poles per bath and no terminator, as bench/heom/qutip_heom.py.
 * Each case: the first call in this JVM ("cold" within the JVM: class loading and JIT included, JVM start not) and
 * the median of the following rounds ("warm"). Prints one JSON line per case.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.coherent.bench.HeomSideBySide bench/heom/two-qubits-dl.yaml [rounds]</pre>
 */
public final class HeomSideBySide {

    private HeomSideBySide() {
    }

    public static void main(String[] args) {
        Path yaml = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> fixed = List.of("heom_expansion=pade", "heom_terminator=false");
        OpenSystem system = (OpenSystem) ScenarioLoader.loadFile(yaml, fixed).model();
        HeomOptions options = ScenarioLoader.loadFile(yaml, fixed).run().engineOptions().heom();

        for (int depth : new int[] {5, 6, 7}) {
            HeomSteadyState[] last = new HeomSteadyState[1];
            time("steady-single-level", depth, rounds,
                    () -> last[0] = Heom.singleLevel(system, depth, 2, options, CorrelationSource.BATH_CORRELATIONS),
                    () -> String.format(Locale.ROOT, "\"ados\": %d, \"iterations\": %d, \"residual\": %.2g, \"current_2\": %.12g,"
                                    + " \"bytes_per_ado\": %d", last[0].hierarchy().ados(), last[0].iterations(), last[0].residual(),
                            last[0].observables().values().get("energy_current.2").value(), last[0].hierarchy().bytesPerAdo()));
        }
        for (int depth : new int[] {5, 6, 7}) {
            HeomOptions o = options.withLevel(depth, 2);
            time("steady-fixed-with-estimates", depth, Math.max(1, rounds / 2), () -> Heom.steadyState(system, o,
                    CorrelationSource.BATH_CORRELATIONS), () -> "\"note\": \"the level plus depth - 1 and exponents - 1 for the error estimates\"");
        }
        // the converged steady point: automatic depth and exponents, the product's defaults (Pade, terminator on, 1e-6)
        Scenario auto = ScenarioLoader.loadFile(yaml, List.of());
        SteadyStateReport[] report = new SteadyStateReport[1];
        time("steady-auto", 0, rounds, () -> report[0] = Engines.steadyState(auto.model(), Method.HEOM, auto.run().engineOptions()),
                () -> String.format(Locale.ROOT, "\"converged\": %s, \"converged_depth\": %d, \"exponents\": %d, \"ados\": %d,"
                                + " \"current_2\": %.12g, \"current_2_error\": %.2g", report[0].converged(),
                        report[0].hierarchy().depth(), report[0].hierarchy().exponents(), report[0].hierarchy().ados(),
                        report[0].observables().values().get("energy_current.2").value(),
                        report[0].observables().values().get("energy_current.2").error()));
        // trajectory to t = 300 at depth 5 (301 samples), at QuTiP's default tolerances and at the product's
        for (String[] tol : new String[][] {{"1e-8", "1e-6"}, {"1e-10", "1e-10"}}) {
            List<String> sets = new ArrayList<>(fixed);
            sets.addAll(List.of("heom_depth=5", "heom_exponents=2", "atol=" + tol[0], "rtol=" + tol[1]));
            Scenario s = ScenarioLoader.loadFile(yaml, sets);
            Propagator propagator = new Propagator(s.run().integratorSettings());
            OutputGrid grid = OutputGrid.uniform(0, 300, 301);
            Generator bare = Heom.generator(system, 5, 2, s.run().engineOptions().heom(), CorrelationSource.BATH_CORRELATIONS);
            RunOutcome[] out = new RunOutcome[1];
            String tols = "\"atol\": " + tol[0] + ", \"rtol\": " + tol[1];
            time("run-bare-depth5", 5, Math.max(1, rounds / 2), () -> out[0] = propagator.run(bare, grid, null, x -> { }),
                    () -> tols + ", \"steps\": " + out[0].statistics());
            Generator product = Engines.generator(s.model(), Method.HEOM, s.run().engineOptions());
            time("run-product-depth5-with-depth4-companion", 5, Math.max(1, rounds / 2),
                    () -> out[0] = propagator.run(product, grid, null, x -> { }), () -> tols);
        }
        EmbeddedHierarchy trajectory = Heom.trajectory(system, options.withLevel(5, 2), CorrelationSource.BATH_CORRELATIONS);
        System.out.printf(Locale.ROOT, "{\"case\": \"memory\", \"trajectory_bytes_per_ado\": %d, \"trajectory_bytes_depth5_with_companion\": %d}%n",
                trajectory.hierarchy().bytesPerAdo(), trajectory.hierarchy().bytes());
    }

    private static void time(String name, int depth, int rounds, Supplier<?> call, Supplier<String> extra) {
        long t0 = System.nanoTime();
        call.get();
        double cold = (System.nanoTime() - t0) / 1e9;
        double[] warm = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long w0 = System.nanoTime();
            call.get();
            warm[i] = (System.nanoTime() - w0) / 1e9;
        }
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "{\"case\": \"%s\", \"depth\": %d, \"first_s\": %.4f, \"warm_median_s\": %.4f, \"rounds\": %d,"
                        + " \"load\": \"%s\", %s}%n", name, depth, cold, warm[rounds / 2], rounds, load(), extra.get());
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
