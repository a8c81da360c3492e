package io.coherent.config;

import io.coherent.core.heom.HeomOptions;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.bath.Lorentzian;
import io.coherent.core.bosonic.BilinearModel;
import io.coherent.core.bosonic.PartialCollectiveModel;
import io.coherent.integrators.IntegratorSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

    @TempDir
    Path dir;

    private Path yaml(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** Loading must fail with a one-line message containing every fragment. */
    private static ScenarioException fails(String scenario, List<String> sets, String... fragments) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(scenario, sets));
        String m = e.getMessage();
        assertFalse(m.contains("\n") || m.contains("\r"), "one line: " + m);
        for (String f : fragments) {
            assertTrue(m.contains(f), "message '" + m + "' should contain '" + f + "'");
        }
        return e;
    }

    private static ScenarioException failsSet(String set, String... fragments) {
        return fails(null, List.of(set), fragments);
    }

    // ------------------------------------------------------------------ preset

    @Test
    void presetDefaultsAreThePapersFigure1a() {
        Scenario s = ScenarioLoader.load(null, List.of());
        assertEquals("partial-collective", s.name());
        assertEquals("exact", s.method());
        PartialCollectiveModel d = PartialCollectiveModel.FIG_1A;
        assertEquals(List.of("omega1", "omega2", "omega0", "Gamma", "gamma", "theta", "T", "kappa"),
                List.copyOf(s.parameters().keySet()));
        assertEquals(d.theta(), s.parameters().get("theta"));
        assertEquals(d.kappa(), s.parameters().get("kappa"));
        assertEquals(0.1, s.parameters().get("gamma"));
        assertEquals(d.toModel(), s.model());
        RunSettings r = s.run();
        assertEquals(200, r.until());
        assertEquals(401, r.points());
        assertEquals("dormand-prince-853", r.integrator());
        assertEquals(1e-10, r.atol());
        assertEquals(1e-10, r.rtol());
        assertEquals(1e-8, r.quadratureTolerance());
        assertEquals(1e-10, r.steadyQuadratureTolerance());
        assertEquals(FrequencySupport.WHOLE_LINE, s.bilinearModel().support());
        assertEquals(s, ScenarioLoader.load("partial-collective", List.of()));
    }

    @Test
    void overridesChangeParametersAndRunSettings() {
        Scenario s = ScenarioLoader.load("partial-collective", List.of("theta=0.3", "Gamma=2", "gamma=0.2", "T=0.5",
                "until=5", "points=11", "integrator=dormand-prince-54", "atol=1e-8", "rtol = 0",
                "quadrature_tolerance=1e-6", "frequency_support=positive", "frequency_cutoff=0.01"));
        assertEquals(new PartialCollectiveModel(1, 1, 1, 2, 0.2, 0.3, 0.5, -Math.PI / 4)
                .toModel(FrequencySupport.positive(0.01)), s.model());
        assertEquals(new RunSettings(5, 11, "dormand-prince-54", 1e-8, 0, 1e-6, 1e-6, 0, 0, "uniform", List.of(), 4, null, HeomOptions.DEFAULT, true, true), s.run());
        assertEquals(0.3, s.parameters().get("theta"));
        assertEquals(new Lorentzian(1, 0.2, 2), s.bilinearModel().baths().get(0).spectralDensity());
    }

    @Test
    void outputTimesAndStepControl() {
        RunSettings log = ScenarioLoader.load(null, List.of("output=logarithmic", "until=100", "points=6", "decades=4",
                "integrator=adams-moulton", "initial_step=0.01", "max_step=0.5")).run();
        assertArrayEquals(new double[] {0, 0.01, 0.1, 1, 10, 100}, log.outputGrid().times(), 1e-12);
        assertEquals(new IntegratorSettings("adams-moulton", 1e-10, 1e-10, 0.01, 0.5), log.integratorSettings());
        RunSettings list = ScenarioLoader.load(null, List.of("output=list", "times=[0.5, 2, pi]")).run();
        assertArrayEquals(new double[] {0, 0.5, 2, Math.PI}, list.outputGrid().times());
        assertEquals(Math.PI, list.until());
        assertEquals(IntegratorSettings.NAMES.size(), 5);
        ScenarioLoader.load(null, List.of("integrator=gragg-bulirsch-stoer"));

        failsSet("output=random", "output = random is not allowed: expected one of uniform, logarithmic, list");
        fails(null, List.of("output=list"), "times is missing: output = list needs the output times");
        fails(null, List.of("output=list", "times=1,1"), "times = 1,1 is not allowed: expected a comma-separated list");
        fails(null, List.of("output=list", "times=1,-2"), "times = -2 is not allowed");
        fails(null, List.of("output=list", "times=1", "until=3"), "until does not apply with output = list");
        failsSet("times=1,2", "times only applies with output = list (output is uniform)");
        failsSet("decades=3", "decades only applies with output = logarithmic");
        fails(null, List.of("output=logarithmic", "decades=0"), "decades = 0 is not allowed: expected a number > 0");
        fails(null, List.of("output=logarithmic", "points=2"), "points = 2 is not allowed with output = logarithmic");
        failsSet("max_step=-1", "max_step = -1 is not allowed: expected a finite number >= 0");
        fails(null, List.of("initial_step=2", "max_step=1"), "initial_step = 2.0 is larger than max_step = 1.0");
    }

    @Test
    void laterOverridesWin() {
        assertEquals(0.2, ScenarioLoader.load(null, List.of("theta=0.1", "theta=0.2")).parameters().get("theta"));
    }

    @Test
    void piExpressions() {
        Scenario s = ScenarioLoader.load(null, List.of("theta=pi/8", "kappa=-pi/4", "omega1=2*pi", "omega2=0.5*pi"));
        assertEquals(Math.PI / 8, s.parameters().get("theta"));
        assertEquals(-Math.PI / 4, s.parameters().get("kappa"));
        assertEquals(2 * Math.PI, s.parameters().get("omega1"));
        assertEquals(0.5 * Math.PI, s.parameters().get("omega2"));
        assertEquals(PartialCollectiveModel.FIG_1A.toModel(), ScenarioLoader.load(null, List.of("theta=pi/8")).model());
    }

    // ------------------------------------------------------------------ bad overrides

    @Test
    void nonFiniteValues() {
        failsSet("theta=nan", "--set: theta = nan is not allowed: expected a finite number");
        failsSet("T=inf", "T = inf is not allowed");
        failsSet("omega1=1/0", "omega1 = 1/0 is not allowed");
        failsSet("kappa=", "kappa = (empty) is not allowed");
        failsSet("theta=abc", "theta = abc is not allowed", "pi/8");
    }

    @Test
    void outOfRangeParametersUseThePapersNames() {
        failsSet("gamma=0", "--set: gamma = 0 is not allowed: expected a finite number > 0");
        failsSet("gamma=-0.1", "gamma = -0.1 is not allowed");
        failsSet("Gamma=-1", "--set: Gamma = -1 is not allowed: expected a finite number >= 0");
        failsSet("T=-1", "--set: T = -1 is not allowed: expected a finite number >= 0");
    }

    @Test
    void unknownKeysListTheAllowedOnes() {
        ScenarioException e = failsSet("bogus=1", "--set: unknown key 'bogus'", "omega1, omega2, omega0, Gamma, gamma, "
                + "theta, T, kappa, method, until, points, integrator, atol, rtol, quadrature_tolerance, "
                + "frequency_support, frequency_cutoff");
        assertEquals("bogus", e.key());
        failsSet("GAMMA=1", "unknown key 'GAMMA'");
        failsSet("theta", "--set expects key=value, got 'theta'");
        failsSet("=3", "--set expects key=value");
    }

    @Test
    void badRunSettings() {
        failsSet("method=markov", "method = markov is not allowed: expected one of exact, redfield, secular, local-lindblad");
        failsSet("integrator=rk4", "integrator = rk4 is not allowed: expected one of dormand-prince-853, dormand-prince-54");
        failsSet("frequency_support=half", "frequency_support = half is not allowed: expected one of whole-line, positive");
        failsSet("frequency_cutoff=0.1", "frequency_cutoff only applies with frequency_support = positive");
        fails(null, List.of("frequency_support=positive", "frequency_cutoff=-1"), "frequency_cutoff = -1 is not allowed");
        failsSet("until=0", "until = 0 is not allowed: expected a finite number > 0");
        failsSet("points=1", "points = 1 is not allowed: expected a whole number >= 2");
        failsSet("points=10.5", "points = 10.5 is not allowed");
        failsSet("atol=0", "atol = 0 is not allowed: expected a finite number > 0");
        failsSet("rtol=-1", "rtol = -1 is not allowed");
        failsSet("quadrature_tolerance=0", "quadrature_tolerance = 0 is not allowed");
    }

    @Test
    void positiveSupportWithoutCutoffAtFiniteTemperatureIsRefusedBySimCore() {
        failsSet("frequency_support=positive", "--set: frequency_support: positive frequencies diverge");
        // at T = 0 nothing diverges
        assertEquals(FrequencySupport.positive(0),
                ScenarioLoader.load(null, List.of("frequency_support=positive", "T=0")).bilinearModel().support());
    }

    @Test
    void unknownPresetOrMissingFile() {
        fails("no-such-preset", List.of(), "no preset or scenario file named 'no-such-preset'", "partial-collective");
        fails(dir.toString(), List.of(), "is a directory");
    }

    // ------------------------------------------------------------------ YAML files

    static final String TWO_MODES = """
            model: bilinear
            hamiltonian: [[1.0, 0.05], [0.05, 1.2]]
            baths:
              - name: hot
                coupling: [1, 0]
                temperature: 2
                spectral_density: {type: lorentzian, center: 1, width: 0.5, strength: 0.4}
              - name: cold
                coupling: {re: [0, 1], im: [0, 0]}
                temperature: 0.5
                spectral_density:
                  type: lorentzian-sum
                  peaks:
                    - {center: 1, width: 0.3, strength: 0.2}
                    - {center: 1.5, width: 0.2, strength: 0.1}
              - name: slow
                coupling: [0.1, 0.1]
                temperature: 0
                spectral_density: {type: drude-lorentz, lambda: 0.05, gamma: 2}
            initial_occupation: [[1, 0], [0, 0]]
            frequency_support: whole-line
            run: {until: 100, points: 201}
            """;

    @Test
    void generalBilinearFile() throws IOException {
        Path f = yaml("two-modes.yaml", TWO_MODES);
        Scenario s = ScenarioLoader.load(f.toString(), List.of());
        assertEquals("two-modes", s.name());
        assertEquals(f.toString(), s.source());
        BilinearModel m = s.bilinearModel();
        assertEquals(2, m.modes());
        assertEquals(3, m.baths().size());
        assertEquals("cold", m.baths().get(1).name());
        assertEquals(0.5, m.baths().get(1).temperature());
        assertEquals(1.2, m.hamiltonian().re(1, 1));
        assertEquals(100, s.run().until());
        assertEquals(201, s.run().points());
        assertTrue(s.parameters().isEmpty());

        Scenario o = ScenarioLoader.load(f.toString(), List.of("until=7", "baths.hot.temperature=3",
                "baths.hot.spectral_density.width=0.25"));
        assertEquals(7, o.run().until());
        assertEquals(3, o.bilinearModel().baths().get(0).temperature());
        assertEquals(new Lorentzian(1, 0.25, 0.4), o.bilinearModel().baths().get(0).spectralDensity());
    }

    @Test
    void complexHamiltonianAndDefaults() throws IOException {
        Path f = yaml("complex.yml", """
                model: bilinear
                name: hermitian-complex
                hamiltonian: {re: [[1, 0.1], [0.1, 1]], im: [[0, 0.2], [-0.2, 0]]}
                baths:
                  - {name: b, coupling: [1, 1], temperature: 0, spectral_density: {type: lorentzian, center: 1, width: 1, strength: 1}}
                """);
        Scenario s = ScenarioLoader.load(f.toString(), List.of());
        assertEquals("hermitian-complex", s.name());
        assertEquals(0.2, s.bilinearModel().hamiltonian().im(0, 1));
        assertEquals(0, s.bilinearModel().initialOccupation().maxAbs());
        assertEquals(200, s.run().until());
    }

    @Test
    void presetFile() throws IOException {
        Path f = yaml("pc.yaml", """
                preset: partial-collective
                parameters: {theta: 0.3, kappa: -pi/4, until: 50}
                run:
                  points: 101
                """);
        Scenario s = ScenarioLoader.load(f.toString(), List.of("T=0.5"));
        assertEquals("pc", s.name());
        assertEquals(0.3, s.parameters().get("theta"));
        assertEquals(0.5, s.parameters().get("T"));
        assertEquals(50, s.run().until());
        assertEquals(101, s.run().points());
    }

    @Test
    void presetFileErrorsPointAtTheLine() throws IOException {
        Path f = yaml("pc-bad.yaml", "preset: partial-collective\nparameters:\n  theta: 0.3\n  gamma: 0\n");
        fails(f.toString(), List.of(), f + ", line 4: gamma = 0 is not allowed: expected a finite number > 0");
        Path g = yaml("pc-unknown.yaml", "preset: partial-collective\nparameters:\n  theta: 0.3\n  beta: 1\n");
        fails(g.toString(), List.of(), g + ", line 4: unknown key 'beta' in parameters; allowed keys: omega1");
        Path h = yaml("pc-twice.yaml", "preset: partial-collective\nuntil: 3\nrun: {until: 4}\n");
        fails(h.toString(), List.of(), h + ", line 3: until is given twice (also at " + h + ", line 2)");
        Path k = yaml("pc-nopreset.yaml", "preset: other\n");
        fails(k.toString(), List.of(), k + ", line 1: preset = other is not allowed: expected one of partial-collective, two-atoms");
    }

    @Test
    void nonHermitianHamiltonian() throws IOException {
        Path f = yaml("nonherm.yaml", TWO_MODES.replace("[[1.0, 0.05], [0.05, 1.2]]", "[[1.0, 0.05], [0.5, 1.2]]"));
        ScenarioException e = fails(f.toString(), List.of(), f + ", line 2: hamiltonian: must be Hermitian");
        assertEquals("hamiltonian", e.key());
    }

    @Test
    void couplingOfTheWrongLength() throws IOException {
        Path f = yaml("coupling.yaml", TWO_MODES.replace("coupling: [1, 0]", "coupling: [1, 0, 0]"));
        ScenarioException e = fails(f.toString(), List.of(),
                f + ", line 5: baths.hot.coupling: has 3 entries, expected 2 (one per mode)");
        assertEquals("baths.hot.coupling", e.key());
    }

    @Test
    void badBathValuesNameTheKeyAndLine() throws IOException {
        fails(yaml("w.yaml", TWO_MODES.replace("width: 0.5", "width: -0.5")).toString(), List.of(),
                "w.yaml, line 7: baths.hot.spectral_density.width = -0.5 is not allowed: expected a finite number > 0");
        fails(yaml("t.yaml", TWO_MODES.replace("temperature: 2", "temperature: -2")).toString(), List.of(),
                "t.yaml, line 6: baths.hot.temperature = -2 is not allowed: expected a finite number >= 0");
        fails(yaml("n.yaml", TWO_MODES.replace("temperature: 2", "temperature: .nan")).toString(), List.of(),
                "n.yaml, line 6: baths.hot.temperature = .nan is not allowed: expected a finite number");
        fails(yaml("p.yaml", TWO_MODES.replace("width: 0.2", "width: 0")).toString(), List.of(),
                "p.yaml, line 15: baths.cold.spectral_density.peaks[2].width = 0 is not allowed");
        fails(yaml("d.yaml", TWO_MODES.replace("gamma: 2", "gamma: 0")).toString(), List.of(),
                "d.yaml, line 19: baths.slow.spectral_density.gamma = 0 is not allowed: expected a finite number > 0");
        fails(yaml("type.yaml", TWO_MODES.replace("type: lorentzian,", "type: gaussian,")).toString(), List.of(),
                "type.yaml, line 7: baths.hot.spectral_density.type = gaussian is not allowed: expected one of "
                        + "lorentzian, lorentzian-sum, drude-lorentz");
        fails(yaml("key.yaml", TWO_MODES.replace("    temperature: 2\n", "    temperature: 2\n    temprature: 2\n"))
                .toString(), List.of(), "key.yaml, line 7: unknown key 'temprature' in baths.hot; allowed keys: name, "
                + "coupling, temperature, spectral_density");
        fails(yaml("dup.yaml", TWO_MODES.replace("name: cold", "name: hot")).toString(), List.of(),
                "dup.yaml, line 8: two baths are named 'hot'");
        fails(yaml("occ.yaml", TWO_MODES.replace("[[1, 0], [0, 0]]", "[[-1, 0], [0, 0]]")).toString(), List.of(),
                "occ.yaml, line 20: initial_occupation: diagonal entry 1 is a population and must be >= 0");
    }

    @Test
    void badFileStructure() throws IOException {
        fails(yaml("top.yaml", TWO_MODES + "colour: blue\n").toString(), List.of(),
                "top.yaml, line 23: unknown key 'colour'; allowed keys: model, name, description, hamiltonian, baths");
        fails(yaml("ragged.yaml", TWO_MODES.replace("[[1.0, 0.05], [0.05, 1.2]]", "[[1.0, 0.05], [0.05]]"))
                .toString(), List.of(), "ragged.yaml, line 2: hamiltonian row 2 has 1 entries, expected 2");
        fails(yaml("square.yaml", TWO_MODES.replace("[[1.0, 0.05], [0.05, 1.2]]", "[[1.0, 0.05]]"))
                .toString(), List.of(), "square.yaml, line 2: hamiltonian: must be a non-empty square matrix");
        fails(yaml("nan.yaml", TWO_MODES.replace("[[1.0, 0.05]", "[[.nan, 0.05]")).toString(), List.of(),
                "nan.yaml, line 2: hamiltonian entry (1, 1) = .nan is not allowed");
        fails(yaml("nomodel.yaml", "hamiltonian: [[1]]\n").toString(), List.of(),
                "needs either 'preset: partial-collective|two-atoms|coupled-qubits");
        fails(yaml("broken.yaml", "model: bilinear\nhamiltonian: [[1, 2]\nbaths: []\n").toString(), List.of(),
                "broken.yaml, line ", "not valid YAML");
        fails(yaml("empty.yaml", "").toString(), List.of(), "empty.yaml: the scenario file is empty");
        fails(yaml("list.yaml", "- 1\n- 2\n").toString(), List.of(), "must be a mapping");
        fails(yaml("method.yaml", TWO_MODES + "method: markov\n").toString(), List.of(),
                "method.yaml, line 23: method = markov is not allowed: expected one of exact, redfield, secular, local-lindblad");
    }

    @Test
    void badOverridesOfAFile() throws IOException {
        Path f = yaml("two.yaml", TWO_MODES);
        fails(f.toString(), List.of("theta=1"), "--set: unknown key 'theta'; allowed keys: method, until",
                "baths.<name>.temperature");
        fails(f.toString(), List.of("baths.warm.temperature=1"), "no such bath; baths are hot, cold, slow");
        fails(f.toString(), List.of("baths.hot.temperature=-1"), "--set: baths.hot.temperature = -1 is not allowed");
        fails(f.toString(), List.of("baths.hot.spectral_density.height=1"),
                "--set: unknown key 'height' in baths.hot.spectral_density");
    }

    @Test
    void keysAreReported() {
        assertEquals("gamma", assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(null, List.of("gamma=0"))).key());
        assertEquals("Gamma", assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(null, List.of("Gamma=-1"))).key());
        assertEquals("T", assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(null, List.of("T=-1"))).key());
    }
}
