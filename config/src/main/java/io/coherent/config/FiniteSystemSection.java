package io.coherent.config;

import io.coherent.config.ScenarioLoader.Fields;
import io.coherent.config.ScenarioLoader.Setting;
import io.coherent.config.YamlTree.ListNode;
import io.coherent.config.YamlTree.MapNode;
import io.coherent.config.YamlTree.Node;
import io.coherent.core.bath.InvalidModelException;
import io.coherent.core.bath.SpectralDensity;
import io.coherent.core.bath.ThermalOccupation;
import io.coherent.core.dynamics.Method;
import io.coherent.core.linalg.ComplexMatrix;
import io.coherent.core.methods.Engines;
import io.coherent.core.open.Channel;
import io.coherent.core.open.HilbertSpace;
import io.coherent.core.open.NamedOperator;
import io.coherent.core.open.OpenSystem;
import io.coherent.core.open.Operators;
import io.coherent.core.open.Reservoir;
import io.coherent.core.open.Subsystem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code model: finite} form of a scenario file: any finite open system written with named
 * subsystems and operator expressions ({@link OperatorExpression}). See docs/scenarios.md.
 *
 * <pre>
 * model: finite
 * subsystems: [{name: a, type: qubit}, {name: c, type: oscillator, cutoff: 10}, {name: s, type: spin, j: 1}]
 * hamiltonian: 0.5*sz(a) + 1.2*n(c) + 0.05*(sp(a)*a(c) + sm(a)*ad(c))
 * baths:
 *   - {name: hot, statistics: bose, temperature: 2, coupling: hermitian, operators: [sx(a)],
 *      spectral_density: {type: ohmic, lambda: 0.01, s: 1, Omega: 10}}
 * initial_state: ground          # ground | maximally-mixed | {gibbs: T} | {product: [e, 0]}
 * observables: {sz_a: sz(a)}     # extra named expectation values
 * method: redfield
 * </pre>
 */
final class FiniteSystemSection {

    static final List<String> KEYS = ScenarioLoader.concat(List.of("model", "name", "description", "subsystems",
            "hamiltonian", "baths", "initial_state", "observables", "particle_number", "run"), ScenarioLoader.GENERIC_KEYS);
    static final List<String> SUBSYSTEM_TYPES = List.of("qubit", "spin", "oscillator");
    static final List<String> COUPLINGS = List.of("hermitian", "exchange");
    static final List<String> STATISTICS = List.of("bose", "fermi");
    static final List<String> INITIAL_STATES = List.of("ground", "maximally-mixed");
    private static final List<String> BATH_KEYS = List.of("name", "statistics", "temperature", "chemical_potential",
            "coupling", "operators", "spectral_density");

    private FiniteSystemSection() {
    }

    static Scenario read(String name, String fileName, MapNode root, List<Setting> sets, ModelLimits limits) {
        Origin fileOrigin = Origin.file(fileName, 0);
        Map<String, Value> settings = ScenarioLoader.collectSettings(root);
        for (Setting s : sets) {
            if (ScenarioLoader.GENERIC_KEYS.contains(s.key())) {
                settings.put(s.key(), s.value());
            } else if (s.key().startsWith("baths.")) {
                ScenarioLoader.overrideBath(root, s);
            } else {
                throw Origin.SET.error(s.key(), "unknown key '" + s.key() + "'; allowed keys: "
                        + String.join(", ", ScenarioLoader.GENERIC_KEYS) + ", baths.<name>.temperature, "
                        + "baths.<name>.chemical_potential, baths.<name>.spectral_density.<parameter>");
            }
        }
        String method = ScenarioLoader.method(settings, Method.REDFIELD);
        RunSettings run = ScenarioLoader.runSettings(settings, null, method);
        HilbertSpace space = space(ScenarioLoader.required(root, "subsystems", "",
                "a list like [{name: a, type: qubit}, {name: c, type: oscillator, cutoff: 10}]"), limits);
        Resolver resolver = new Resolver(space);
        Node hamiltonian = ScenarioLoader.required(root, "hamiltonian", "",
                "an operator expression such as 0.5*sz(a) + 0.5*sz(b)");
        ComplexMatrix h = operator("hamiltonian", hamiltonian, resolver);
        double defect = h.hermiticityDefect();
        if (h.isFinite() && defect > OpenSystem.TOLERANCE * Math.max(1, h.maxAbs())) {
            throw hamiltonian.origin().error("hamiltonian", "hamiltonian must be Hermitian (H_ij = conj(H_ji)); largest "
                    + "defect " + String.format(java.util.Locale.ROOT, "%.3g", defect) + ": write both halves of each "
                    + "pair, e.g. sp(a)*sm(b) + sm(a)*sp(b)");
        }
        List<Reservoir> reservoirs = new ArrayList<>();
        Node bathsNode = root.fields().get("baths");
        if (bathsNode != null) {
            if (!(bathsNode instanceof ListNode list)) {
                throw bathsNode.origin().error("baths", "baths must be a list of baths, got " + bathsNode.kind());
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < list.items().size(); i++) {
                reservoirs.add(reservoir(list.items().get(i), i + 1, names, resolver));
            }
        }
        List<NamedOperator> observables = new ArrayList<>();
        Node obs = root.fields().get("observables");
        if (obs != null) {
            MapNode om = ScenarioLoader.requireMap("observables", obs, "name: operator, e.g. {sz_a: sz(a)}");
            for (Map.Entry<String, Node> e : om.fields().entrySet()) {
                observables.add(new NamedOperator(e.getKey(), operator("observables." + e.getKey(), e.getValue(), resolver)));
            }
        }
        Node pn = root.fields().get("particle_number");
        ComplexMatrix particleNumber = pn == null ? null : operator("particle_number", pn, resolver);
        ComplexMatrix rho = initialState(root.fields().get("initial_state"), space, h, fileOrigin);
        Fields fields = new Fields(fileOrigin);
        ScenarioLoader.registerSupport(fields, settings);
        OpenSystem system;
        try {
            system = new OpenSystem(space, h, reservoirs, rho, observables, List.of(), particleNumber);
            Engines.check(system, Method.of(method), run.engineOptions());
        } catch (InvalidModelException e) {
            throw fields.wrap(e);
        }
        return new Scenario(name, fileName, method, system, run, Map.of(), Map.of());
    }

    private static HilbertSpace space(Node node, ModelLimits limits) {
        if (!(node instanceof ListNode list) || list.items().isEmpty()) {
            throw node.origin().error("subsystems", "subsystems must be a non-empty list like "
                    + "[{name: a, type: qubit}], got " + node.kind());
        }
        List<Subsystem> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            String key = "subsystems[" + (i + 1) + "]";
            MapNode m = ScenarioLoader.requireMap(key, list.items().get(i), "{name: a, type: qubit}");
            String n = ScenarioLoader.scalar(key + ".name", ScenarioLoader.required(m, "name", key, "a name")).text().strip();
            String type = ScenarioLoader.choice(key + ".type", ScenarioLoader.scalar(key + ".type",
                    ScenarioLoader.required(m, "type", key, "one of " + String.join(", ", SUBSYSTEM_TYPES))), SUBSYSTEM_TYPES);
            try {
                switch (type) {
                    case "qubit" -> {
                        ScenarioLoader.checkKeys(m, key, List.of("name", "type"));
                        out.add(Subsystem.qubit(n));
                    }
                    case "spin" -> {
                        ScenarioLoader.checkKeys(m, key, List.of("name", "type", "j"));
                        Value j = ScenarioLoader.scalar(key + ".j", ScenarioLoader.required(m, "j", key, "1/2, 1, 3/2, ..."));
                        out.add(Subsystem.spin(n, ScenarioLoader.number(key + ".j", j, x -> x > 0 && 2 * x == Math.rint(2 * x),
                                "a positive half-integer (0.5, 1, 1.5, ...)")));
                    }
                    default -> {
                        ScenarioLoader.checkKeys(m, key, List.of("name", "type", "cutoff"));
                        Value c = ScenarioLoader.scalar(key + ".cutoff", ScenarioLoader.required(m, "cutoff", key,
                                "the highest Fock state kept, e.g. 10"));
                        out.add(Subsystem.oscillator(n, (int) ScenarioLoader.number(key + ".cutoff", c,
                                x -> x >= 1 && x <= 1000 && x == Math.rint(x), "a whole number from 1 to 1000")));
                    }
                }
            } catch (InvalidModelException e) {
                throw m.origin().error(key, e.getMessage());
            }
        }
        // in double: 42 qubits overflow an int, and no operator may be built before the size is known to fit
        double dimension = out.stream().mapToDouble(Subsystem::dimension).reduce(1, (a, b) -> a * b);
        String tooLarge = limits.refusal(dimension, out.size() + " subsystems");
        if (tooLarge != null) {
            throw node.origin().error("subsystems", "subsystems: " + tooLarge);
        }
        try {
            return new HilbertSpace(out);
        } catch (InvalidModelException e) {
            throw node.origin().error("subsystems", e.getMessage());
        }
    }

    private static Reservoir reservoir(Node node, int index, Set<String> names, Resolver resolver) {
        String where = "baths[" + index + "]";
        MapNode m = ScenarioLoader.requireMap(where, node, "each bath needs name, statistics, temperature, coupling, "
                + "operators, spectral_density");
        String name = ScenarioLoader.scalar(where + ".name", ScenarioLoader.required(m, "name", where, "a name"))
                .text().strip();
        if (name.isEmpty() || !names.add(name)) {
            throw m.origin().error(where + ".name", "bath names must be non-empty and unique, got '" + name + "'");
        }
        String key = "baths." + name;
        ScenarioLoader.checkKeys(m, key, BATH_KEYS);
        String statistics = m.fields().containsKey("statistics")
                ? ScenarioLoader.choice(key + ".statistics", ScenarioLoader.scalar(key + ".statistics",
                m.fields().get("statistics")), STATISTICS) : "bose";
        double temperature = ScenarioLoader.number(key + ".temperature", ScenarioLoader.scalar(key + ".temperature",
                ScenarioLoader.required(m, "temperature", key, "a finite number >= 0")), x -> x >= 0, "a finite number >= 0");
        double mu = m.fields().containsKey("chemical_potential")
                ? ScenarioLoader.number(key + ".chemical_potential", ScenarioLoader.scalar(key + ".chemical_potential",
                m.fields().get("chemical_potential"))) : 0;
        String coupling = ScenarioLoader.choice(key + ".coupling", ScenarioLoader.scalar(key + ".coupling",
                ScenarioLoader.required(m, "coupling", key, "hermitian (A (x) (b + b^+)) or exchange (L b^+ + h.c.)")),
                COUPLINGS);
        SpectralDensity j = ScenarioLoader.spectralDensity(key + ".spectral_density", ScenarioLoader.required(m,
                "spectral_density", key, "e.g. {type: ohmic, lambda: 0.01, s: 1, Omega: 10}"));
        Node opsNode = ScenarioLoader.required(m, "operators", key, "a list of operator expressions, e.g. [sx(a)]");
        List<Node> ops = opsNode instanceof ListNode l ? l.items() : List.of(opsNode);
        List<Channel> channels = new ArrayList<>();
        Channel.Kind kind = coupling.equals("hermitian") ? Channel.Kind.HERMITIAN : Channel.Kind.EXCHANGE;
        for (int i = 0; i < ops.size(); i++) {
            channels.add(new Channel(kind, operator(key + ".operators[" + (i + 1) + "]", ops.get(i), resolver), j));
        }
        try {
            return new Reservoir(name, new ThermalOccupation(statistics.equals("bose")
                    ? ThermalOccupation.Statistics.BOSE : ThermalOccupation.Statistics.FERMI, temperature, mu), channels);
        } catch (InvalidModelException e) {
            throw m.origin().error(e.field(), e.getMessage());
        }
    }

    private static ComplexMatrix operator(String key, Node node, Resolver resolver) {
        Value v = ScenarioLoader.scalar(key, node);
        try {
            return OperatorExpression.evaluate(v.text(), resolver);
        } catch (IllegalArgumentException e) {
            throw v.origin().error(key, key + " = " + v.text() + " is not an operator: " + e.getMessage());
        }
    }

    private static ComplexMatrix initialState(Node node, HilbertSpace space, ComplexMatrix h, Origin fileOrigin) {
        if (node == null) {
            return Operators.gibbs(h, 0);  // the ground state (uniform over a degenerate ground manifold)
        }
        if (node instanceof MapNode m) {
            ScenarioLoader.checkKeys(m, "initial_state", List.of("gibbs", "product"));
            if (m.fields().containsKey("gibbs")) {
                double t = ScenarioLoader.number("initial_state.gibbs", ScenarioLoader.scalar("initial_state.gibbs",
                        m.fields().get("gibbs")), x -> x > 0, "a temperature > 0");
                return Operators.gibbs(h, t);
            }
            Node p = ScenarioLoader.required(m, "product", "initial_state", "one level per subsystem, e.g. [e, g, 0]");
            if (!(p instanceof ListNode list) || list.items().size() != space.subsystems().size()) {
                throw p.origin().error("initial_state.product", "initial_state.product needs one level per subsystem ("
                        + space.subsystems().size() + "), e.g. [e, g] for two qubits");
            }
            int[] levels = new int[list.items().size()];
            for (int i = 0; i < levels.length; i++) {
                Subsystem sub = space.subsystems().get(i);
                Value lv = ScenarioLoader.scalar("initial_state.product", list.items().get(i));
                String t = lv.text().strip();
                if (sub.kind() == Subsystem.Kind.QUBIT && (t.equals("e") || t.equals("g"))) {
                    levels[i] = t.equals("e") ? 0 : 1;  // Operators: |e> is index 0, as in QuTiP
                } else {
                    levels[i] = (int) ScenarioLoader.number("initial_state.product", lv,
                            x -> x >= 0 && x < sub.dimension() && x == Math.rint(x),
                            "e or g for a qubit, or a level index from 0 to " + (sub.dimension() - 1) + " for " + sub.name());
                }
            }
            return Operators.projector(Operators.productKet(space, levels));
        }
        Value v = ScenarioLoader.scalar("initial_state", node);
        String kind = ScenarioLoader.choice("initial_state", v, INITIAL_STATES);
        if (kind.equals("ground")) {
            return Operators.gibbs(h, 0);  // the ground state (uniform over a degenerate ground manifold)
        }
        return ComplexMatrix.identity(space.dimension()).scale(1.0 / space.dimension());
    }

    /** Operator names per subsystem kind, resolved on the full space. */
    private record Resolver(HilbertSpace space) implements OperatorExpression.Resolver {

        @Override
        public ComplexMatrix resolve(String operator, String subsystem) {
            int index;
            try {
                index = space.indexOf(subsystem);
            } catch (InvalidModelException e) {
                throw new IllegalArgumentException("no subsystem '" + subsystem + "'; subsystems are "
                        + space.subsystems().stream().map(Subsystem::name).toList());
            }
            Subsystem s = space.subsystems().get(index);
            double j = (s.dimension() - 1) / 2.0;
            ComplexMatrix local = switch (s.kind()) {
                case QUBIT -> switch (operator) {
                    case "sx" -> Operators.sigmaX();
                    case "sy" -> Operators.sigmaY();
                    case "sz" -> Operators.sigmaZ();
                    case "sp" -> Operators.sigmaPlus();
                    case "sm" -> Operators.sigmaMinus();
                    case "id" -> Operators.identity(2);
                    default -> throw unknown(operator, s, "sx, sy, sz, sp, sm, id");
                };
                case SPIN -> switch (operator) {
                    case "jx" -> Operators.jX(j);
                    case "jy" -> Operators.jY(j);
                    case "jz" -> Operators.jZ(j);
                    case "jp" -> Operators.jPlus(j);
                    case "jm" -> Operators.jMinus(j);
                    case "id" -> Operators.identity(s.dimension());
                    default -> throw unknown(operator, s, "jx, jy, jz, jp, jm, id");
                };
                case OSCILLATOR -> switch (operator) {
                    case "a" -> Operators.annihilation(s.dimension() - 1);
                    case "ad" -> Operators.annihilation(s.dimension() - 1).conjugateTranspose();
                    case "n" -> Operators.number(s.dimension() - 1);
                    case "id" -> Operators.identity(s.dimension());
                    default -> throw unknown(operator, s, "a, ad, n, id");
                };
            };
            return Operators.embed(space, subsystem, local);
        }

        @Override
        public int dimension() {
            return space.dimension();
        }

        private static IllegalArgumentException unknown(String operator, Subsystem s, String allowed) {
            return new IllegalArgumentException("no operator '" + operator + "' on " + s.kind().name().toLowerCase()
                    + " " + s.name() + "; allowed: " + allowed);
        }
    }
}
