import io.coherent.config.*;
import io.coherent.core.dynamics.Method;
import io.coherent.core.heom.*;
import io.coherent.core.methods.*;
import io.coherent.core.open.OpenSystem;
import java.nio.file.Path;
import java.lang.management.*;
import java.util.*;
import java.util.function.Supplier;

/**
 * Steady-state cases of the HEOM benchmark for a before/after comparison of two builds in one session: the same file
 * runs against any benchmarks.jar (public API only) with the JDK's source launcher, e.g.
 *
 * <pre>
 * java -Xmx6g -cp OLD/benchmarks.jar bench/heom/HeomSteadyAB.java bench/heom/two-qubits-dl.yaml 5 before
 * java -Xmx6g -cp bench/target/benchmarks.jar bench/heom/HeomSteadyAB.java bench/heom/two-qubits-dl.yaml 5 after
 * </pre>
 *
 * Cases: one hierarchy (Pade, 2 poles, no terminator: QuTiP's unit of work) at depth 5, 6, 7; one hierarchy with the
 * product's defaults (Pade, terminator) at depth 6 with 6 and 7 poles (the final levels of the automatic point); the
 * automatic point at heom_tolerance 1e-6 and 1e-5. Per case: the first call, and the median wall and thread CPU time
 * of the next rounds (CPU is the fairer number on a loaded machine).
 */
public class HeomSteadyAB {
    static ThreadMXBean tm = ManagementFactory.getThreadMXBean();
    public static void main(String[] a) {
        Path yaml = Path.of(a[0]); int rounds = Integer.parseInt(a[1]); String tag = a[2];
        List<String> fixed = List.of("heom_expansion=pade", "heom_terminator=false");
        OpenSystem system = (OpenSystem) ScenarioLoader.loadFile(yaml, fixed).model();
        HeomOptions options = ScenarioLoader.loadFile(yaml, fixed).run().engineOptions().heom();
        for (int depth : new int[] {5, 6, 7}) {
            time(tag, "single-level-d" + depth, rounds, () -> Heom.singleLevel(system, depth, 2, options, CorrelationSource.BATH_CORRELATIONS).observables().values().get("energy_current.2").value());
        }
        HeomOptions dflt = ScenarioLoader.loadFile(yaml, List.of()).run().engineOptions().heom();
        for (int[] de : new int[][] {{6, 6}, {6, 7}}) {
            time(tag, "single-level-default-d" + de[0] + "x" + de[1], Math.max(1, rounds / 2), () -> Heom.singleLevel(system, de[0], de[1], dflt, CorrelationSource.BATH_CORRELATIONS).iterations());
        }
        for (String tol : new String[] {"1e-6", "1e-5"}) {
            Scenario auto = ScenarioLoader.loadFile(yaml, List.of("heom_tolerance=" + tol));
            time(tag, "auto-" + tol, rounds, () -> { SteadyStateReport r = Engines.steadyState(auto.model(), Method.HEOM, auto.run().engineOptions());
                return r.hierarchy().depth() + "x" + r.hierarchy().exponents() + " ados " + r.hierarchy().ados() + " conv " + r.converged() + " J2 " + r.observables().values().get("energy_current.2"); });
        }
    }
    static void time(String tag, String name, int rounds, Supplier<Object> call) {
        long w0 = System.nanoTime(), c0 = tm.getCurrentThreadCpuTime();
        Object r = call.get();
        double first = (System.nanoTime() - w0) / 1e9;
        double[] w = new double[rounds], c = new double[rounds];
        for (int i = 0; i < rounds; i++) { long w1 = System.nanoTime(), c1 = tm.getCurrentThreadCpuTime(); call.get(); w[i] = (System.nanoTime() - w1) / 1e9; c[i] = (tm.getCurrentThreadCpuTime() - c1) / 1e9; }
        Arrays.sort(w); Arrays.sort(c);
        System.out.printf(Locale.ROOT, "%s %s first %.3f s, warm median wall %.3f s cpu %.3f s (min wall %.3f) load %s | %s%n", tag, name, first, w[rounds/2], c[rounds/2], w[0], load(), r);
    }
    static String load() { try { return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0]; } catch (Exception e) { return "?"; } }
}
