package io.coherent.config;

import io.coherent.config.YamlTree.ListNode;
import io.coherent.config.YamlTree.MapNode;
import io.coherent.config.YamlTree.Node;
import io.coherent.config.YamlTree.ScalarNode;
import io.coherent.core.bath.DrudeLorentz;
import io.coherent.core.bath.Flat;
import io.coherent.core.bath.OhmicFamily;
import io.coherent.core.bath.FrequencySupport;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.Lorentzian;
import io.coherent.core.bath.LorentzianSum;
import io.coherent.core.bath.SpectralDensity;
import io.coherent.core.bosonic.Bath;
import io.coherent.core.bosonic.BilinearModel;
import io.coherent.core.bath.ExpansionScheme;
import io.coherent.core.dynamics.Method;
import io.coherent.core.heom.HeomOptions;
import io.coherent.core.dynamics.Model;
import io.coherent.core.methods.Engines;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.integrators.IntegratorSettings;
import io.coherent.integrators.OutputGrid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.function.Function;

/**
 * Turns a preset name or a YAML scenario file, plus {@code key=value} overrides ({@code --set}), into a
 * validated {@link Scenario}. Every problem is reported as a {@link ScenarioException} whose message is
 * one line naming the key, where it came from (file and line, or {@code --set}) and what is allowed.
 *
 * <p>Keys valid for every scenario ({@link #GENERIC_KEYS}): {@code method}, {@code until}, {@code points},
 * {@code integrator}, {@code atol}, {@code rtol}, {@code quadrature_tolerance}, {@code frequency_support},
 * {@code frequency_cutoff}, {@code initial_step}, {@code max_step}, {@code output}, {@code times},
 * {@code decades}, {@code lamb_shift}, and for method heom {@code heom_depth}, {@code heom_exponents},
 * {@code heom_expansion}, {@code heom_terminator}, {@code heom_tolerance}, {@code heom_max_memory}. In a file they may be written at the top level or grouped under {@code run:}.
 * Each preset ({@link Presets}) adds its paper's parameters.
 * Numbers may be written as expressions: {@code pi/8}, {@code -pi/4}, {@code 2*pi} (see {@link Expressions}).
 */
public final class ScenarioLoader {

    public static final String DEFAULT_PRESET = Presets.DEFAULT;
    public static final List<String> PRESETS = Presets.names();
    public static final List<String> METHODS = Method.ids();
    public static final List<String> FREQUENCY_SUPPORTS = List.of("whole-line", "positive");
    public static final List<String> GENERIC_KEYS = List.of("method", "until", "points", "integrator", "atol", "rtol",
            "quadrature_tolerance", "frequency_support", "frequency_cutoff", "initial_step", "max_step", "output", "times",
            "decades", "lamb_shift", "heom_depth", "heom_exponents", "heom_expansion", "heom_terminator", "heom_tolerance",
            "heom_max_memory");
    public static final List<String> HEOM_EXPANSIONS = List.of("pade", "matsubara", "fit");
    public static final List<String> SPECTRAL_DENSITY_TYPES = List.of("lorentzian", "lorentzian-sum", "drude-lorentz",
            "ohmic", "flat");
    public static final List<String> MODEL_TYPES = List.of("bilinear", "finite");

    public static final double DEFAULT_ATOL = 1e-10;
    public static final double DEFAULT_RTOL = 1e-10;
    public static final double DEFAULT_QUADRATURE_TOLERANCE = 1e-8;
    public static final double DEFAULT_STEADY_QUADRATURE_TOLERANCE = 1e-10;

    private static final List<String> BILINEAR_KEYS = concat(List.of("model", "name", "description", "hamiltonian",
            "baths", "initial_occupation", "run"), GENERIC_KEYS);
    private static final List<String> PRESET_FILE_KEYS = concat(List.of("preset", "name", "description", "parameters",
            "run"), GENERIC_KEYS);
    private static final List<String> BATH_KEYS = List.of("name", "coupling", "temperature", "spectral_density");
    private static final String NUMBER = "a finite number";
    private static final String NUMBER_HINT = " (numbers are written like 0.3, 1e-8, pi/8, -pi/4, 2*pi)";

    private ScenarioLoader() {
    }

    /**
     * Loads a preset (by name) or a scenario file (by path); null or blank means the default preset.
     *
     * @param overrides {@code key=value} strings, applied in order after the file
     */
    public static Scenario load(String presetOrFile, List<String> overrides) {
        if (presetOrFile == null || presetOrFile.isBlank()) {
            return loadPreset(DEFAULT_PRESET, overrides);
        }
        if (PRESETS.contains(presetOrFile)) {
            return loadPreset(presetOrFile, overrides);
        }
        Path file = Path.of(presetOrFile);
        if (Files.isRegularFile(file)) {
            return loadFile(file, overrides);
        }
        if (Files.isDirectory(file)) {
            throw new ScenarioException("scenario", presetOrFile + " is a directory, not a scenario file");
        }
        throw new ScenarioException("scenario", "no preset or scenario file named '" + presetOrFile
                + "': presets are " + String.join(", ", PRESETS) + "; a scenario file (.yaml) must exist"
                + Spelling.hint(presetOrFile, PRESETS));
    }

    public static Scenario loadPreset(String preset, List<String> overrides) {
        if (!PRESETS.contains(preset)) {
            throw new ScenarioException("preset", "preset = " + preset + " is not allowed: expected one of "
                    + String.join(", ", PRESETS) + Spelling.hint(preset, PRESETS));
        }
        return preset(Presets.find(preset), preset, "preset " + preset, new LinkedHashMap<>(), new LinkedHashMap<>(),
                parseOverrides(overrides), Origin.DEFAULT);
    }

    public static Scenario loadFile(Path file, List<String> overrides) {
        return loadTree(YamlTree.read(file), file.toString(), stem(file), parseOverrides(overrides),
                ModelLimits.fromEnvironment());
    }

    /**
     * Loads the text of a scenario file as {@link #loadFile} loads the file (same name, same messages), e.g. on
     * another machine, where the path itself means nothing.
     *
     * @param file the file the text was read from
     */
    public static Scenario loadFileText(String text, Path file, List<String> overrides) {
        return loadFileText(text, file, overrides, ModelLimits.fromEnvironment());
    }

    /** {@link #loadFileText(String, Path, List)} with a limit on the model's size (the server's own). */
    public static Scenario loadFileText(String text, Path file, List<String> overrides, ModelLimits limits) {
        return loadTree(YamlTree.parse(text, file.toString()), file.toString(), stem(file), parseOverrides(overrides),
                limits);
    }

    private static String stem(Path file) {
        return file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
    }

    /**
     * Loads a scenario written as text (YAML or JSON, the same schema as a file), e.g. sent to the server.
     *
     * @param source what to call the text in messages (where a file name would go), also its default name
     */
    public static Scenario loadText(String text, String source) {
        return loadText(text, source, ModelLimits.fromEnvironment());
    }

    /** {@link #loadText(String, String)} with a limit on the model's size (the server's own). */
    public static Scenario loadText(String text, String source, ModelLimits limits) {
        return loadTree(YamlTree.parse(text, source), source, source, List.of(), limits);
    }

    private static Scenario loadTree(Node root, String fileName, String stem, List<Setting> sets, ModelLimits limits) {
        if (!(root instanceof MapNode map)) {
            throw root.origin().error("scenario", "a scenario file must be a mapping of keys (preset: or model:), got "
                    + root.kind());
        }
        String name = map.fields().containsKey("name") ? scalar("name", map.fields().get("name")).text() : stem;
        if (map.fields().containsKey("preset")) {
            checkKeys(map, "", PRESET_FILE_KEYS);
            Value preset = scalar("preset", map.fields().get("preset"));
            Preset chosen = Presets.find(choice("preset", preset, PRESETS));
            List<String> paramNames = chosen.parameters().stream().map(PresetParameter::name).toList();
            Map<String, Value> settings = collectSettings(map);
            Map<String, Value> params = new LinkedHashMap<>();
            Node p = map.fields().get("parameters");
            if (p != null) {
                MapNode pm = requireMap("parameters", p, "e.g. parameters: {theta: 0.3, T: 0.5}");
                checkKeys(pm, "parameters", concat(paramNames, GENERIC_KEYS));
                for (Map.Entry<String, Node> e : pm.fields().entrySet()) {
                    Value v = scalar(e.getKey(), e.getValue());
                    if (GENERIC_KEYS.contains(e.getKey())) {
                        putOnce(settings, e.getKey(), v);
                    } else {
                        params.put(e.getKey(), v);
                    }
                }
            }
            return preset(chosen, name, fileName, params, settings, sets, Origin.file(fileName, 0));
        }
        if (map.fields().containsKey("model")) {
            if (choice("model", scalar("model", map.fields().get("model")), MODEL_TYPES).equals("finite")) {
                checkKeys(map, "", FiniteSystemSection.KEYS);
                return FiniteSystemSection.read(name, fileName, map, sets, limits);
            }
            checkKeys(map, "", BILINEAR_KEYS);
            return bilinear(name, fileName, map, sets, limits);
        }
        throw Origin.file(fileName, 0).error("scenario", "a scenario file needs either 'preset: "
                + String.join("|", PRESETS) + "' or 'model: bilinear|finite'");
    }

    // ---------------------------------------------------------------- presets

    private static Scenario preset(Preset preset, String name, String source, Map<String, Value> params,
                                   Map<String, Value> settings, List<Setting> sets, Origin fileOrigin) {
        List<String> paramNames = preset.parameters().stream().map(PresetParameter::name).toList();
        for (Setting s : sets) {
            if (paramNames.contains(s.key())) {
                params.put(s.key(), s.value());
            } else if (GENERIC_KEYS.contains(s.key())) {
                settings.put(s.key(), s.value());
            } else {
                throw Origin.SET.error(s.key(), "unknown key '" + s.key() + "' for " + preset.name() + "; allowed keys: "
                        + String.join(", ", concat(paramNames, GENERIC_KEYS)));
            }
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        Map<String, String> choices = new LinkedHashMap<>();
        Fields fields = new Fields(fileOrigin);
        for (PresetParameter p : preset.parameters()) {
            Value v = params.getOrDefault(p.name(), new Value(p.defaultValue(), Origin.DEFAULT));
            fields.put(p.name(), p.name(), v);
            if (p.isChoice()) {
                choices.put(p.name(), choice(p.name(), v, p.choices()));
            } else {
                numbers.put(p.name(), number(p.name(), v));
            }
        }
        for (Map.Entry<String, String> alias : preset.fieldAliases().entrySet()) {
            fields.put(alias.getKey(), alias.getValue(), params.getOrDefault(alias.getValue(),
                    new Value(preset.parameters().stream().filter(q -> q.name().equals(alias.getValue()))
                            .findFirst().orElseThrow().defaultValue(), Origin.DEFAULT)));
        }
        String method = method(settings, preset.defaultMethod());
        RunSettings run = runSettings(settings, preset.lambShiftDefault(), method);
        registerSupport(fields, settings);
        Model model;
        try {
            model = preset.build(new PresetValues(numbers, choices), support(settings));
            Engines.check(model, Method.of(method), run.engineOptions());
        } catch (InvalidModelException e) {
            throw fields.wrap(e);
        }
        return new Scenario(name, source, method, model, run, numbers, choices);
    }

    // ---------------------------------------------------------------- general bilinear model

    private static Scenario bilinear(String name, String fileName, MapNode root, List<Setting> sets,
                                     ModelLimits limits) {
        Origin fileOrigin = Origin.file(fileName, 0);
        Map<String, Value> settings = collectSettings(root);
        for (Setting s : sets) {
            if (GENERIC_KEYS.contains(s.key())) {
                settings.put(s.key(), s.value());
            } else if (s.key().startsWith("baths.")) {
                overrideBath(root, s);
            } else {
                throw Origin.SET.error(s.key(), "unknown key '" + s.key() + "'; allowed keys: "
                        + String.join(", ", GENERIC_KEYS)
                        + ", baths.<name>.temperature, baths.<name>.spectral_density.<parameter>");
            }
        }
        String method = method(settings, Method.EXACT);
        RunSettings run = runSettings(settings, null, method);
        Fields fields = new Fields(fileOrigin);
        registerSupport(fields, settings);

        Node hNode = root.fields().get("hamiltonian");
        if (hNode == null) {
            throw fileOrigin.error("hamiltonian", "hamiltonian is missing: give the n x n one-body matrix, "
                    + "e.g. hamiltonian: [[1.0, 0.05], [0.05, 1.2]]");
        }
        if (hNode instanceof ListNode rows) {
            String tooLarge = limits.refusal(rows.items().size(), rows.items().size() + " modes");
            if (tooLarge != null) {
                throw hNode.origin().error("hamiltonian", "hamiltonian: " + tooLarge);
            }
        }
        ComplexMatrix h = matrix("hamiltonian", hNode);
        fields.put("hamiltonian", "hamiltonian", hNode.origin(), null);

        List<Bath> baths = new ArrayList<>();
        Node bathsNode = root.fields().get("baths");
        if (bathsNode != null) {
            fields.put("baths", "baths", bathsNode.origin(), null);
            if (!(bathsNode instanceof ListNode list)) {
                throw bathsNode.origin().error("baths", "baths must be a list of baths (each with name, coupling, "
                        + "temperature, spectral_density), got " + bathsNode.kind());
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < list.items().size(); i++) {
                baths.add(bath(list.items().get(i), i + 1, names, fields));
            }
        }
        if (baths.isEmpty()) {
            // without a bath nothing relaxes, and the bath-frequency grid of every method would be empty
            throw (bathsNode == null ? fileOrigin : bathsNode.origin()).error("baths", "baths: a bilinear model needs "
                    + "at least one bath (name, coupling, temperature, spectral_density)");
        }

        ComplexMatrix occupation;
        Node nNode = root.fields().get("initial_occupation");
        if (nNode == null) {
            occupation = ComplexMatrix.zeros(h.rows(), h.cols());
            fields.put("initial_occupation", "initial_occupation", fileOrigin, null);
        } else {
            occupation = matrix("initial_occupation", nNode);
            fields.put("initial_occupation", "initial_occupation", nNode.origin(), null);
        }

        BilinearModel model;
        try {
            model = new BilinearModel(h, baths, occupation, support(settings));
            Engines.check(model, Method.of(method), run.engineOptions());
        } catch (InvalidModelException e) {
            throw fields.wrap(e);
        }
        return new Scenario(name, fileName, method, model, run, Map.of(), Map.of());
    }

    private static Bath bath(Node node, int index, Set<String> names, Fields fields) {
        String where = "baths[" + index + "]";
        MapNode m = requireMap(where, node, "each bath needs name, coupling, temperature, spectral_density");
        Node nameNode = m.fields().get("name");
        if (nameNode == null) {
            throw m.origin().error(where + ".name", where + ".name is missing: every bath needs a name");
        }
        Value nameValue = scalar(where + ".name", nameNode);
        String name = nameValue.text().strip();
        if (name.isEmpty()) {
            throw nameValue.origin().error(where + ".name", where + ".name must not be empty");
        }
        if (!names.add(name)) {
            throw nameValue.origin().error("baths." + name, "two baths are named '" + name + "'; bath names must be unique");
        }
        String prefix = "baths." + name;
        checkKeys(m, prefix, BATH_KEYS);
        ComplexMatrix coupling = row(prefix + ".coupling", required(m, "coupling", prefix,
                "the coupling vector, one entry per mode, e.g. coupling: [1, 0]"));
        fields.put(prefix + ".coupling", prefix + ".coupling", m.fields().get("coupling").origin(), null);
        Value t = scalar(prefix + ".temperature", required(m, "temperature", prefix, "a finite number >= 0"));
        double temperature = number(prefix + ".temperature", t);
        fields.put(prefix + ".temperature", prefix + ".temperature", t);
        SpectralDensity j = spectralDensity(prefix + ".spectral_density", required(m, "spectral_density", prefix,
                "e.g. {type: lorentzian, center: 1, width: 0.5, strength: 0.4}"));
        try {
            return new Bath(name, coupling, j, temperature);
        } catch (InvalidModelException e) {
            throw fields.wrap(e);
        }
    }

    static SpectralDensity spectralDensity(String key, Node node) {
        MapNode m = requireMap(key, node, "e.g. {type: lorentzian, center: 1, width: 0.5, strength: 0.4}");
        Value type = scalar(key + ".type", required(m, "type", key, "one of " + String.join(", ", SPECTRAL_DENSITY_TYPES)));
        switch (choice(key + ".type", type, SPECTRAL_DENSITY_TYPES)) {
            case "lorentzian" -> {
                checkKeys(m, key, List.of("type", "center", "width", "strength"));
                return lorentzian(key, m);
            }
            case "lorentzian-sum" -> {
                checkKeys(m, key, List.of("type", "peaks"));
                Node peaks = required(m, "peaks", key, "a list of {center, width, strength}");
                if (!(peaks instanceof ListNode list) || list.items().isEmpty()) {
                    throw peaks.origin().error(key + ".peaks", key + ".peaks must be a non-empty list of "
                            + "{center, width, strength}, got " + peaks.kind());
                }
                List<Lorentzian> ls = new ArrayList<>();
                for (int i = 0; i < list.items().size(); i++) {
                    String pk = key + ".peaks[" + (i + 1) + "]";
                    MapNode pm = requireMap(pk, list.items().get(i), "{center, width, strength}");
                    checkKeys(pm, pk, List.of("center", "width", "strength"));
                    ls.add(lorentzian(pk, pm));
                }
                return new LorentzianSum(ls);
            }
            case "ohmic" -> {
                checkKeys(m, key, List.of("type", "lambda", "s", "Omega"));
                return densityParameters(key, m, List.of(new DensityParameter("lambda", "the coupling strength, >= 0", null),
                        new DensityParameter("s", "the Ohmic exponent, > 0", "1"),
                        new DensityParameter("Omega", "the cut-off frequency, > 0", null)),
                        x -> new OhmicFamily(x[0], x[1], x[2]));
            }
            case "flat" -> {
                checkKeys(m, key, List.of("type", "level"));
                return densityParameters(key, m, List.of(new DensityParameter("level", "the constant J, >= 0", null)),
                        x -> new Flat(x[0]));
            }
            default -> {
                checkKeys(m, key, List.of("type", "lambda", "gamma"));
                return densityParameters(key, m, List.of(
                        new DensityParameter("lambda", "the reorganisation energy, >= 0", null),
                        new DensityParameter("gamma", "the cut-off frequency, > 0", null)),
                        x -> new DrudeLorentz(x[0], x[1]));
            }
        }
    }

    private static Lorentzian lorentzian(String key, MapNode m) {
        return densityParameters(key, m, List.of(new DensityParameter("center", "the peak frequency", null),
                new DensityParameter("width", "the half width, > 0", null),
                new DensityParameter("strength", "the coupling strength, >= 0", null)),
                x -> new Lorentzian(x[0], x[1], x[2]));
    }

    /** A numeric parameter of a spectral density: its key, what it is, and its default (null: required). */
    private record DensityParameter(String name, String hint, String defaultValue) {
    }

    /**
     * Reads a spectral density's numbers in order and builds it; a value the density refuses is reported
     * against the user's key ({@code baths.hot.spectral_density.width}) with the value as written.
     */
    private static <T> T densityParameters(String key, MapNode m, List<DensityParameter> parameters,
                                           Function<double[], T> build) {
        Fields f = new Fields(m.origin());
        double[] x = new double[parameters.size()];
        for (int i = 0; i < x.length; i++) {
            DensityParameter p = parameters.get(i);
            String k = key + "." + p.name();
            Value v = p.defaultValue() != null && !m.fields().containsKey(p.name())
                    ? new Value(p.defaultValue(), Origin.DEFAULT) : scalar(k, required(m, p.name(), key, p.hint()));
            f.put(p.name(), k, v);
            x[i] = number(k, v);
        }
        try {
            return build.apply(x);
        } catch (InvalidModelException e) {
            throw f.wrap(e);
        }
    }

    /** {@code --set baths.<name>.temperature=...} or {@code --set baths.<name>.spectral_density.<parameter>=...}. */
    static void overrideBath(MapNode root, Setting s) {
        String rest = s.key().substring("baths.".length());
        Node bathsNode = root.fields().get("baths");
        List<String> known = new ArrayList<>();
        if (bathsNode instanceof ListNode list) {
            for (Node b : list.items()) {
                if (!(b instanceof MapNode bm) || !(bm.fields().get("name") instanceof ScalarNode n) || n.text() == null) {
                    continue;
                }
                String name = n.text().strip();
                known.add(name);
                if (!rest.startsWith(name + ".")) {
                    continue;
                }
                String field = rest.substring(name.length() + 1);
                ScalarNode value = new ScalarNode(s.value().text(), Origin.SET);
                if (field.equals("temperature") || field.equals("chemical_potential")) {
                    bm.put(field, value, Origin.SET);
                    return;
                }
                if (field.startsWith("spectral_density.") && bm.fields().get("spectral_density") instanceof MapNode sd) {
                    sd.put(field.substring("spectral_density.".length()), value, Origin.SET);
                    return;
                }
                throw Origin.SET.error(s.key(), "unknown key '" + s.key() + "'; a bath's keys that --set can change are "
                        + "baths." + name + ".temperature, baths." + name + ".chemical_potential and baths." + name
                        + ".spectral_density.<parameter>");
            }
        }
        throw Origin.SET.error(s.key(), "unknown key '" + s.key() + "': no such bath; baths are "
                + (known.isEmpty() ? "(none)" : String.join(", ", known)));
    }

    // ---------------------------------------------------------------- generic keys

    static Map<String, Value> collectSettings(MapNode root) {
        Map<String, Value> settings = new LinkedHashMap<>();
        for (String key : GENERIC_KEYS) {
            Node n = root.fields().get(key);
            if (n != null) {
                settings.put(key, scalar(key, n));
            }
        }
        Node run = root.fields().get("run");
        if (run != null) {
            MapNode rm = requireMap("run", run, "e.g. run: {until: 100, points: 201}");
            checkKeys(rm, "run", GENERIC_KEYS);
            for (Map.Entry<String, Node> e : rm.fields().entrySet()) {
                putOnce(settings, e.getKey(), scalar(e.getKey(), e.getValue()));
            }
        }
        return settings;
    }

    static String method(Map<String, Value> settings, Method defaultMethod) {
        Value v = settings.get("method");
        return v == null ? defaultMethod.id() : choice("method", v, METHODS);
    }

    static RunSettings runSettings(Map<String, Value> s, Boolean lambShiftDefault, String method) {
        double until = s.containsKey("until")
                ? number("until", s.get("until"), x -> x > 0, "a finite number > 0") : RunSettings.DEFAULT_UNTIL;
        int points = RunSettings.DEFAULT_POINTS;
        if (s.containsKey("points")) {
            double p = number("points", s.get("points"), x -> x >= 2 && x <= 10_000_000 && x == Math.rint(x),
                    "a whole number >= 2 (and at most 10000000)");
            points = (int) p;
        }
        // the hierarchy is linear, time-independent and stiff (its deep ADOs decay at depth x the fastest rate):
        // the exponential propagator takes steps set by the dynamics, the Runge-Kutta ones by that stiffness
        boolean linear = method.equals(Method.HEOM.id());
        String integrator = s.containsKey("integrator")
                ? choice("integrator", s.get("integrator"), IntegratorSettings.NAMES)
                : linear ? IntegratorSettings.KRYLOV : IntegratorSettings.NAMES.get(0);
        if (integrator.equals(IntegratorSettings.KRYLOV) && !linear) {
            throw s.get("integrator").origin().error("integrator", "integrator = krylov needs a linear time-independent "
                    + "method: heom (method is " + method + "); use one of " + String.join(", ", IntegratorSettings.NAMES.stream()
                    .filter(n -> !n.equals(IntegratorSettings.KRYLOV)).toList()));
        }
        double atol = s.containsKey("atol") ? number("atol", s.get("atol"), x -> x > 0, "a finite number > 0") : DEFAULT_ATOL;
        double rtol = s.containsKey("rtol") ? number("rtol", s.get("rtol"), x -> x >= 0, "a finite number >= 0") : DEFAULT_RTOL;
        double qt = DEFAULT_QUADRATURE_TOLERANCE;
        double steadyQt = DEFAULT_STEADY_QUADRATURE_TOLERANCE;
        if (s.containsKey("quadrature_tolerance")) {
            qt = number("quadrature_tolerance", s.get("quadrature_tolerance"), x -> x > 0, "a finite number > 0");
            steadyQt = qt;
        }
        double initialStep = s.containsKey("initial_step")
                ? number("initial_step", s.get("initial_step"), x -> x >= 0, "a finite number >= 0 (0 = automatic)") : 0;
        double maxStep = s.containsKey("max_step")
                ? number("max_step", s.get("max_step"), x -> x >= 0, "a finite number >= 0 (0 = the whole run)") : 0;
        String output = s.containsKey("output") ? choice("output", s.get("output"), OutputGrid.KINDS) : OutputGrid.KINDS.get(0);
        List<Double> times = List.of();
        if (output.equals("list")) {
            if (!s.containsKey("times")) {
                throw new ScenarioException("times", "times is missing: output = list needs the output times, e.g. times=1,2,5");
            }
            if (s.containsKey("until")) {
                throw s.get("until").origin().error("until", "until does not apply with output = list: the run ends at the "
                        + "last of times");
            }
            times = times(s.get("times"));
            until = times.get(times.size() - 1);
        } else if (s.containsKey("times")) {
            throw s.get("times").origin().error("times", "times only applies with output = list (output is " + output + ")");
        }
        double decades = RunSettings.DEFAULT_DECADES;
        if (output.equals("logarithmic")) {
            if (s.containsKey("decades")) {
                decades = number("decades", s.get("decades"), x -> x > 0 && x <= 15, "a number > 0 and <= 15");
            }
            if (points < 3) {
                throw s.get("points").origin().error("points", "points = " + points + " is not allowed with output = "
                        + "logarithmic: expected a whole number >= 3");
            }
        } else if (s.containsKey("decades")) {
            throw s.get("decades").origin().error("decades", "decades only applies with output = logarithmic (output is "
                    + output + ")");
        }
        Boolean lambShift = s.containsKey("lamb_shift")
                ? Boolean.valueOf(choice("lamb_shift", s.get("lamb_shift"), List.of("true", "false"))) : lambShiftDefault;
        RunSettings run = new RunSettings(until, points, integrator, atol, rtol, qt, steadyQt, initialStep, maxStep,
                output, times, decades, lambShift, heomOptions(s), s.containsKey("until") || output.equals("list"),
                s.containsKey("points"));
        try {
            run.integratorSettings();
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("integrator", e.getMessage());
        }
        return run;
    }

    /** The hierarchy keys of method heom (docs/heom.md); absent depth and exponents mean automatic. */
    static HeomOptions heomOptions(Map<String, Value> s) {
        Integer depth = s.containsKey("heom_depth") ? (int) number("heom_depth", s.get("heom_depth"),
                x -> x >= 1 && x <= 1000 && x == Math.rint(x), "a whole number >= 1 (absent = automatic)") : null;
        Integer exponents = s.containsKey("heom_exponents") ? (int) number("heom_exponents", s.get("heom_exponents"),
                x -> x >= 0 && x <= 1000 && x == Math.rint(x), "a whole number >= 0 (absent = automatic)") : null;
        ExpansionScheme expansion = null;
        if (s.containsKey("heom_expansion")) {
            String e = choice("heom_expansion", s.get("heom_expansion"), HEOM_EXPANSIONS);
            expansion = switch (e) {
                case "matsubara" -> ExpansionScheme.MATSUBARA;
                case "fit" -> ExpansionScheme.FIT;
                default -> ExpansionScheme.PADE;
            };
        }
        boolean terminator = !s.containsKey("heom_terminator")
                || Boolean.parseBoolean(choice("heom_terminator", s.get("heom_terminator"), List.of("true", "false")));
        double tolerance = s.containsKey("heom_tolerance") ? number("heom_tolerance", s.get("heom_tolerance"), x -> x > 0,
                "a finite number > 0") : HeomOptions.DEFAULT_TOLERANCE;
        long memory = s.containsKey("heom_max_memory") ? bytes("heom_max_memory", s.get("heom_max_memory"))
                : HeomOptions.DEFAULT_MAX_MEMORY;
        return new HeomOptions(depth, exponents, expansion, terminator, tolerance, memory);
    }

    private static final java.util.regex.Pattern BYTES =
            java.util.regex.Pattern.compile("(?i)^\\s*([0-9.eE+]+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?\\s*$");

    /** A number of bytes, e.g. 2GiB, 512MiB, 1.5GB, 4e9 (binary and decimal suffixes, B optional). */
    static long bytes(String key, Value v) {
        String allowed = "a number of bytes > 0, e.g. 2GiB, 512MiB, 4GB or 4e9";
        java.util.regex.Matcher m = BYTES.matcher(v.text() == null ? "" : v.text());
        double x = Double.NaN;
        if (m.matches()) {
            try {
                x = Double.parseDouble(m.group(1));
            } catch (NumberFormatException e) {
                x = Double.NaN;
            }
            String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(java.util.Locale.ROOT);
            double scale = switch (unit) {
                case "k", "kib" -> 1024.0;
                case "kb" -> 1e3;
                case "m", "mib" -> 1024.0 * 1024;
                case "mb" -> 1e6;
                case "g", "gib" -> 1024.0 * 1024 * 1024;
                case "gb" -> 1e9;
                case "t", "tib" -> 1024.0 * 1024 * 1024 * 1024;
                case "tb" -> 1e12;
                default -> 1;
            };
            x *= scale;
        }
        if (!(x >= 1) || x > 9e18) {
            throw v.origin().error(key, key + " = " + (v.text() == null || v.text().isBlank() ? "(empty)" : v.text().strip())
                    + " is not allowed: expected " + allowed);
        }
        return (long) x;
    }

    /** "1, 2, 5" or "[1, 2, 5]": strictly increasing times > 0. */
    private static List<Double> times(Value v) {
        String text = v.text().strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        String allowed = "a comma-separated list of increasing times > 0, e.g. times=1,2,5";
        List<Double> out = new ArrayList<>();
        for (String part : text.split(",")) {
            double t = number("times", new Value(part.strip(), v.origin()), x -> x > 0, allowed);
            if (!out.isEmpty() && !(t > out.get(out.size() - 1))) {
                throw v.origin().error("times", "times = " + v.text() + " is not allowed: expected " + allowed);
            }
            out.add(t);
        }
        return List.copyOf(out);
    }

    static FrequencySupport support(Map<String, Value> s) {
        String kind = s.containsKey("frequency_support")
                ? choice("frequency_support", s.get("frequency_support"), FREQUENCY_SUPPORTS) : "whole-line";
        Value cutoff = s.get("frequency_cutoff");
        if (kind.equals("whole-line")) {
            if (cutoff != null) {
                number("frequency_cutoff", cutoff, x -> x >= 0, "a finite number >= 0");
                throw cutoff.origin().error("frequency_cutoff", "frequency_cutoff only applies with "
                        + "frequency_support = positive (frequency_support is whole-line)");
            }
            return FrequencySupport.WHOLE_LINE;
        }
        return FrequencySupport.positive(cutoff == null ? 0
                : number("frequency_cutoff", cutoff, x -> x >= 0, "a finite number >= 0"));
    }

    static void registerSupport(Fields fields, Map<String, Value> settings) {
        fields.put("frequency_support", "frequency_support",
                settings.getOrDefault("frequency_support", new Value("whole-line", Origin.DEFAULT)));
        fields.put("frequency_cutoff", "frequency_cutoff",
                settings.getOrDefault("frequency_cutoff", new Value("0", Origin.DEFAULT)));
    }

    // ---------------------------------------------------------------- values

    private static List<Setting> parseOverrides(List<String> overrides) {
        List<Setting> out = new ArrayList<>();
        if (overrides == null) {
            return out;
        }
        for (String o : overrides) {
            int eq = o == null ? -1 : o.indexOf('=');
            if (eq <= 0 || o.substring(0, eq).isBlank()) {
                throw new ScenarioException("--set", "--set expects key=value, got '" + o + "'");
            }
            out.add(new Setting(o.substring(0, eq).strip(), new Value(o.substring(eq + 1).strip(), Origin.SET)));
        }
        return out;
    }

    record Setting(String key, Value value) {
    }

    static double number(String key, Value v) {
        return number(key, v, x -> true, NUMBER);
    }

    static double number(String key, Value v, DoublePredicate ok, String allowed) {
        double x;
        try {
            x = Expressions.evaluate(v.text());
        } catch (IllegalArgumentException e) {
            throw v.origin().error(key, key + " = " + (v.text() == null || v.text().isBlank() ? "(empty)" : v.text())
                    + " is not allowed: expected " + allowed + NUMBER_HINT);
        }
        if (!ok.test(x)) {
            throw v.origin().error(key, key + " = " + v.text() + " is not allowed: expected " + allowed);
        }
        return x;
    }

    static String choice(String key, Value v, List<String> allowed) {
        String t = v.text() == null ? "" : v.text().strip();
        if (!allowed.contains(t)) {
            throw v.origin().error(key, key + " = " + (t.isEmpty() ? "(empty)" : t) + " is not allowed: expected "
                    + (allowed.size() == 1 ? allowed.get(0) : "one of " + String.join(", ", allowed)));
        }
        return t;
    }

    static Value scalar(String key, Node node) {
        if (!(node instanceof ScalarNode s)) {
            throw node.origin().error(key, key + " must be a single value, got " + node.kind());
        }
        if (s.text() == null) {
            throw node.origin().error(key, key + " has no value");
        }
        return s.value();
    }

    static MapNode requireMap(String key, Node node, String hint) {
        if (!(node instanceof MapNode m)) {
            throw node.origin().error(key, key + " must be a mapping (" + hint + "), got " + node.kind());
        }
        return m;
    }

    static Node required(MapNode m, String field, String prefix, String hint) {
        Node n = m.fields().get(field);
        if (n == null) {
            String key = prefix.isEmpty() ? field : prefix + "." + field;
            throw m.origin().error(key, key + " is missing: " + hint);
        }
        return n;
    }

    static void checkKeys(MapNode m, String context, List<String> allowed) {
        for (String k : m.fields().keySet()) {
            if (!allowed.contains(k)) {
                String key = context.isEmpty() ? k : context + "." + k;
                throw m.keyOrigin(k).error(key, "unknown key '" + k + "'" + (context.isEmpty() ? "" : " in " + context)
                        + "; allowed keys: " + String.join(", ", allowed));
            }
        }
    }

    private static void putOnce(Map<String, Value> settings, String key, Value v) {
        Value before = settings.get(key);
        if (before != null) {
            throw v.origin().error(key, key + " is given twice (also at " + before.origin().description() + ")");
        }
        settings.put(key, v);
    }

    /** A matrix: [[...], ...] (real) or {re: [[...]], im: [[...]]}. */
    private static ComplexMatrix matrix(String key, Node node) {
        if (node instanceof MapNode m) {
            checkKeys(m, key, List.of("re", "im"));
            double[][] re = realMatrix(key + ".re", required(m, "re", key, "the real part, a list of rows"));
            Node imNode = m.fields().get("im");
            if (imNode == null) {
                return ComplexMatrix.real(re);
            }
            double[][] im = realMatrix(key + ".im", imNode);
            if (im.length != re.length || im[0].length != re[0].length) {
                throw imNode.origin().error(key, key + ".im is " + im.length + " x " + im[0].length + " but " + key
                        + ".re is " + re.length + " x " + re[0].length + "; they must have the same shape");
            }
            return ComplexMatrix.fromParts(re, im);
        }
        return ComplexMatrix.real(realMatrix(key, node));
    }

    private static double[][] realMatrix(String key, Node node) {
        if (!(node instanceof ListNode rows) || rows.items().isEmpty()) {
            throw node.origin().error(key, key + " must be a non-empty list of rows, e.g. [[1.0, 0.05], [0.05, 1.2]]; got "
                    + node.kind());
        }
        double[][] out = new double[rows.items().size()][];
        for (int i = 0; i < out.length; i++) {
            Node r = rows.items().get(i);
            if (!(r instanceof ListNode row)) {
                throw r.origin().error(key, key + " row " + (i + 1) + " must be a list of numbers, got " + r.kind());
            }
            out[i] = numbers(key, row, " entry (" + (i + 1) + ", ");
            if (out[i].length != out[0].length) {
                throw r.origin().error(key, key + " row " + (i + 1) + " has " + out[i].length + " entries, expected "
                        + out[0].length + " like row 1");
            }
        }
        return out;
    }

    /** A row vector: [...] (real) or {re: [...], im: [...]}, as a 1 x n matrix. */
    private static ComplexMatrix row(String key, Node node) {
        if (node instanceof MapNode m) {
            checkKeys(m, key, List.of("re", "im"));
            Node reNode = required(m, "re", key, "the real parts, a list of numbers");
            double[] re = vector(key + ".re", reNode);
            Node imNode = m.fields().get("im");
            double[] im = imNode == null ? new double[re.length] : vector(key + ".im", imNode);
            if (im.length != re.length) {
                throw imNode.origin().error(key, key + ".im has " + im.length + " entries but " + key + ".re has "
                        + re.length + "; they must have the same length");
            }
            return ComplexMatrix.fromParts(new double[][] {re}, new double[][] {im});
        }
        return ComplexMatrix.real(new double[][] {vector(key, node)});
    }

    private static double[] vector(String key, Node node) {
        if (!(node instanceof ListNode list) || list.items().isEmpty()) {
            throw node.origin().error(key, key + " must be a non-empty list of numbers, e.g. [1, 0]; got " + node.kind());
        }
        return numbers(key, list, " entry (");
    }

    private static double[] numbers(String key, ListNode list, String label) {
        double[] out = new double[list.items().size()];
        for (int j = 0; j < out.length; j++) {
            Node e = list.items().get(j);
            if (!(e instanceof ScalarNode s) || s.text() == null) {
                throw e.origin().error(key, key + label + (j + 1) + ") must be a number, got " + e.kind());
            }
            Value v = s.value();
            try {
                out[j] = Expressions.evaluate(v.text());
            } catch (IllegalArgumentException ex) {
                throw v.origin().error(key, key + label + (j + 1) + ") = " + v.text() + " is not allowed: expected "
                        + NUMBER + NUMBER_HINT);
            }
        }
        return out;
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    /**
     * Maps sim-core's field names (InvalidModelException.field()) to the user's keys and origins, and
     * rewrites the message with the user's key and value as written.
     */
    static final class Fields {
        private record Entry(String key, Origin origin, String text) {
        }

        private final Map<String, Entry> entries = new HashMap<>();
        private final Origin fallback;

        Fields(Origin fallback) {
            this.fallback = fallback;
        }

        void put(String field, String key, Value value) {
            entries.put(field, new Entry(key, value.origin(), value.text()));
        }

        void put(String field, String key, Origin origin, String text) {
            entries.put(field, new Entry(key, origin, text));
        }

        ScenarioException wrap(InvalidModelException e) {
            String field = e.field();
            String message = e.getMessage();
            Entry entry = entries.get(field);
            if (entry == null) {
                return fallback.error(field, message);
            }
            String rest = message.startsWith(field) ? message.substring(field.length()) : ": " + message;
            int cut = rest.indexOf(" is not allowed");
            if (entry.text() != null && rest.startsWith(" = ") && cut > 0) {
                rest = " = " + entry.text() + rest.substring(cut);
            }
            return entry.origin().error(entry.key(), entry.key() + rest);
        }
    }
}
