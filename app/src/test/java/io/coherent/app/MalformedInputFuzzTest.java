package io.coherent.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.coherent.config.ModelLimits;
import io.coherent.config.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random malformed input, with a fixed seed (issue 15): mutated scenario texts (as files and server bodies are read),
 * random {@code --set} overrides, random command lines. Whatever the input, the answer is a scenario or one line
 * of bad input (IllegalArgumentException: exit code 2, HTTP 400), never another exception ("internal error", exit
 * code 1, HTTP 500). The server's side of the same texts is in ServerApiTest and ServerLimitsTest; these cases are
 * in-process and take a few seconds.
 */
public class MalformedInputFuzzTest {
    private static final long SEED = 15;

    @TempDir
    Path tmp;

    public static final List<String> SEEDS = List.of(
            "preset: two-atoms\nparameters: {xi: 3, Ta: 10}\nmethod: secular\nuntil: 20\npoints: 201\n",
            "preset: partial-collective\nparameters: {theta: pi/8, T: 1}\nmethod: redfield\nrun: {until: 100, points: 21}\n",
            "preset: coupled-qubits\nparameters: {lambda: 6}\n",
            MainTest.TWO_MODES,
            """
            model: finite
            subsystems:
              - {name: a, type: qubit}
              - {name: c, type: oscillator, cutoff: 3}
              - {name: s, type: spin, j: 1}
            hamiltonian: 0.5*sz(a) + 1.1*n(c) + 0.05*(sp(a)*a(c) + sm(a)*ad(c)) + 0.2*sz(s)
            baths:
              - name: hot
                statistics: bose
                temperature: 2
                coupling: hermitian
                operators: [sx(a)]
                spectral_density: {type: ohmic, lambda: 0.01, s: 1, Omega: 10}
              - name: cold
                temperature: 0.5
                coupling: exchange
                operators: [a(c)]
                spectral_density: {type: flat, level: 0.01}
            initial_state: {product: [e, 0, 1]}
            observables: {sz_a: sz(a)}
            method: redfield
            until: 5
            """);

    private static final String ALPHABET = ":{}[]-,\n #'\"&*!|>%@`()+/e.0123456789abcxyzpi_ ";
    private static final List<String> JUNK = List.of("1e400", "-1e400", "NaN", "nan", "Infinity", "-0", "0", "-1",
            "1e-400", "99999999999999999999", "pi/0", "0/0", "-".repeat(50) + "1", "(".repeat(200), "[".repeat(100),
            "{", "}", "---\n", "~", "null", "true", "\"\"", "''", "[]", "{}", "1.5.5", "e", "2**3", "1/3", "sz(a)",
            "\u00e9\u03c0", "\t", "!!binary AAAA", "&a", "*a", "<<: *a", "? x", "| \n x", "> \n x");

    /** One random change to a valid text: a cut, an insertion, junk for a value, a duplicated or dropped line. */
    public static String mutate(String text, Random random) {
        String t = text;
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = t.isEmpty() ? 0 : random.nextInt(t.length());
            switch (random.nextInt(6)) {
                case 0 -> t = t.substring(0, at) + t.substring(Math.min(t.length(), at + 1 + random.nextInt(8)));
                case 1 -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = random.nextInt(1, 6); i > 0; i--) {
                        b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    }
                    t = t.substring(0, at) + b + t.substring(at);
                }
                case 2, 3 -> {
                    // replace a value (after ": " or in a list) by junk
                    int colon = t.indexOf(": ", at);
                    if (colon < 0) {
                        colon = t.indexOf(": ");
                    }
                    if (colon >= 0) {
                        int end = colon + 2;
                        while (end < t.length() && ",}\n]".indexOf(t.charAt(end)) < 0) {
                            end++;
                        }
                        t = t.substring(0, colon + 2) + JUNK.get(random.nextInt(JUNK.size())) + t.substring(end);
                    }
                }
                case 4 -> {
                    String[] lines = t.split("\n", -1);
                    int i = random.nextInt(lines.length);
                    List<String> l = new ArrayList<>(List.of(lines));
                    if (random.nextBoolean()) {
                        l.add(i, lines[i]);
                    } else {
                        l.remove(i);
                    }
                    t = String.join("\n", l);
                }
                default -> t = t.substring(0, at) + JUNK.get(random.nextInt(JUNK.size())) + t.substring(at);
            }
        }
        return t;
    }

    /** Loading succeeds or fails with one line of bad input; anything else fails the test. */
    private static void loadsOrOneLine(String what, Runnable load) {
        try {
            load.run();
        } catch (IllegalArgumentException bad) {
            String m = bad.getMessage();
            assertTrue(m != null && !m.isBlank(), "a message for " + what);
            assertFalse(Main.oneLine(m).contains("internal error"), m);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError other) {
            fail(what + " gave " + other, other);
        }
    }

    @Test
    void mutatedScenarioTextsLoadOrGiveOneLine() {
        Random random = new Random(SEED);
        ModelLimits limits = new ModelLimits(64, "--max-dimension");
        for (int i = 0; i < 2500; i++) {
            String text = mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
            loadsOrOneLine("case " + i + ":\n" + text, () -> ScenarioLoader.loadText(text, "scenario", limits));
        }
    }

    @Test
    void randomOverridesLoadOrGiveOneLine() {
        Random random = new Random(SEED + 1);
        List<String> keys = List.of("theta", "T", "gamma", "Gamma", "omega0", "kappa", "xi", "Ta", "Tb", "Omega", "case",
                "lambda", "J1", "mu1", "method", "until", "points", "integrator", "atol", "rtol", "quadrature_tolerance",
                "frequency_support", "frequency_cutoff", "initial_step", "max_step", "lamb_shift", "output", "times",
                "baths.hot.temperature", "baths.x.y", "", "=", "theta.x");
        List<String> presets = ScenarioLoader.PRESETS;
        for (int i = 0; i < 1500; i++) {
            String preset = presets.get(random.nextInt(presets.size()));
            List<String> sets = new ArrayList<>();
            for (int k = random.nextInt(1, 4); k > 0; k--) {
                String value = random.nextBoolean() ? JUNK.get(random.nextInt(JUNK.size()))
                        : mutate(Double.toString(random.nextGaussian() * 10), random);
                sets.add(keys.get(random.nextInt(keys.size())) + (random.nextInt(10) == 0 ? "" : "=") + value);
            }
            loadsOrOneLine(preset + " " + sets, () -> ScenarioLoader.load(preset, sets));
        }
    }

    @Test
    void randomCommandLinesAreExitCode2WithOneLine() {
        Random random = new Random(SEED + 2);
        List<String> commands = List.of("run", "steady", "compare", "sweep", "worker", "serve", "subscribe", "presets");
        List<String> options = List.of("--set", "--until", "--points", "--out", "--json", "--param", "--steady", "--run",
                "--threads", "--point-timeout", "--cluster", "--cluster-port", "--cluster-host", "--members", "--bus-port",
                "--host", "--port", "--max-runs", "--max-points", "--max-body", "--kept-runs", "--history-mb",
                "--max-dimension", "--methods", "--plot", "--lines", "--resume", "--config", "--timeout", "--bogus", "-x");
        int cases = 0;
        for (int i = 0; i < 400; i++) {
            List<String> args = new ArrayList<>();
            args.add(commands.get(random.nextInt(commands.size())));
            for (int k = random.nextInt(1, 5); k > 0; k--) {
                args.add(options.get(random.nextInt(options.size())));
                if (random.nextInt(4) > 0) {
                    args.add(random.nextBoolean() ? JUNK.get(random.nextInt(JUNK.size()))
                            : mutate("theta=0.1:1.5:3", random));
                }
            }
            // always bad somewhere, so that nothing starts a computation or a server: an unknown preset, last
            args.add("--set");
            args.add("no_such_key_" + i + "=1");
            args.add("--out");
            args.add(tmp.resolve("o" + i).toString());
            MainTest.Result r = MainTest.coherent(args.toArray(String[]::new));
            String err = r.err().strip();
            if (r.code() == 0 && args.get(0).equals("presets")) {
                continue; // presets ignores what it does not need? then it must have printed them
            }
            assertEquals(Main.BAD_INPUT, r.code(), args + " -> " + r.code() + ": " + err);
            assertEquals(1, err.lines().count(), args + ": " + err);
            assertTrue(err.startsWith("coherent: ") && !err.contains("internal error"), args + ": " + err);
            cases++;
        }
        assertTrue(cases > 300, cases + " command lines checked");
    }
}
