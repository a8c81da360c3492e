package io.coherent.app.plot;

import io.coherent.config.Preset;
import io.coherent.config.PresetParameter;
import io.coherent.config.Presets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the axes and legends of a figure say: the physics symbol of an observable or parameter (|ρ₃₂|, ΔT, θ),
 * what it is, and its unit (ħ = k_B = 1: frequencies, temperatures and energies in the scenario's frequency unit,
 * times in its inverse, angles in units of π).
 *
 * @param parameters the meaning of each parameter: a preset's own words, or the {@code --set} expression that
 *                   uses a swept variable (e.g. {@code Tb = Ta + DT})
 */
public record Quantities(Map<String, String> parameters) {
    /** Said once under every figure. */
    public static final String UNITS = "ħ = k_B = 1: frequencies, energies and temperatures in the scenario's "
            + "frequency unit, times in its inverse";
    private static final Map<String, String> GREEK = Map.ofEntries(Map.entry("alpha", "α"), Map.entry("beta", "β"),
            Map.entry("gamma", "γ"), Map.entry("Gamma", "Γ"), Map.entry("delta", "δ"), Map.entry("Delta", "Δ"),
            Map.entry("epsilon", "ε"), Map.entry("eta", "η"), Map.entry("theta", "θ"), Map.entry("kappa", "κ"),
            Map.entry("lambda", "λ"), Map.entry("Lambda", "Λ"), Map.entry("mu", "μ"), Map.entry("nu", "ν"),
            Map.entry("xi", "ξ"), Map.entry("rho", "ρ"), Map.entry("sigma", "σ"), Map.entry("tau", "τ"),
            Map.entry("phi", "φ"), Map.entry("chi", "χ"), Map.entry("psi", "ψ"), Map.entry("omega", "ω"),
            Map.entry("Omega", "Ω"), Map.entry("DT", "ΔT"));
    private static final String SUBSCRIPT_FROM = "0123456789aeoxhklmnpst";
    private static final String SUBSCRIPT_TO = "₀₁₂₃₄₅₆₇₈₉ₐₑₒₓₕₖₗₘₙₚₛₜ";
    private static final Set<String> ANGLES = Set.of("theta", "kappa", "phi");
    private static final Pattern ELEMENT = Pattern.compile("(re_|im_)?rho_(\\d)(\\d)");

    /** Which figure panel an observable belongs to. */
    public enum Group {
        COHERENCES("coherences"), POPULATIONS("populations"), CURRENTS("currents"), OTHER("other observables");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public Quantities {
        parameters = Map.copyOf(parameters);
    }

    /** The parameters of the preset named {@code scenario} (none for a file) and the swept variables that {@code
     * overrides} ({@code key=expression}) use. */
    public static Quantities of(String scenario, List<String> overrides) {
        Map<String, String> meaning = new LinkedHashMap<>();
        for (Preset p : Presets.all()) {
            if (p.name().equals(scenario)) {
                for (PresetParameter q : p.parameters()) {
                    meaning.put(q.name(), q.meaning());
                }
            }
        }
        for (String o : overrides) {
            int eq = o.indexOf('=');
            if (eq > 0) {
                String key = o.substring(0, eq).strip();
                String expression = o.substring(eq + 1).strip();
                for (Matcher m = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*").matcher(expression); m.find(); ) {
                    String variable = m.group();
                    if (!variable.equals("pi") && !meaning.containsKey(variable)) {
                        meaning.put(variable, symbol(key) + " = " + symbolic(expression));
                    }
                }
            }
        }
        return new Quantities(meaning);
    }

    /** Quantities without parameter meanings (symbols only). */
    public static Quantities none() {
        return new Quantities(Map.of());
    }

    /** True if the parameter is an angle (axes in units of π). */
    public boolean isAngle(String parameter) {
        return ANGLES.contains(parameter) || parameters.getOrDefault(parameter, "").contains("angle");
    }

    /** An axis label for a parameter: {@code θ, mixing angle ... (units of π)} or {@code T, temperature ...}. */
    public String parameterLabel(String parameter) {
        String meaning = parameters.get(parameter);
        return symbol(parameter) + (meaning == null ? "" : "  (" + pretty(meaning) + ")");
    }

    /** A legend entry for one value of a parameter: {@code θ = π/8}, {@code T = 0.5}. */
    public String parameterValue(String parameter, double value) {
        return symbol(parameter) + " = " + (isAngle(parameter) ? Ticks.angle(value) : Ticks.number(value));
    }

    /** A parameter or variable name in symbols: {@code omega1} as ω₁, {@code Gamma} as Γ, {@code Ta} as Tₐ. */
    public static String symbol(String name) {
        if (GREEK.containsKey(name)) {
            return GREEK.get(name);
        }
        Matcher m = Pattern.compile("([A-Za-z]+)_([A-Za-z0-9]+)").matcher(name);
        if (!m.matches()) {
            m = Pattern.compile("([A-Za-z]+?)(\\d+)").matcher(name);
        }
        if (!m.matches()) {
            m = Pattern.compile("([A-Z])([aeoxhklmnpst])").matcher(name);
        }
        if (!m.matches()) {
            return name;
        }
        String base = GREEK.getOrDefault(m.group(1), m.group(1));
        StringBuilder sub = new StringBuilder();
        for (char c : m.group(2).toCharArray()) {
            int i = SUBSCRIPT_FROM.indexOf(c);
            if (i < 0) {
                return base + "_" + m.group(2);
            }
            sub.append(SUBSCRIPT_TO.charAt(i));
        }
        return base + sub;
    }

    /** An expression with its names in symbols: {@code Ta+DT} as {@code Tₐ + ΔT}. */
    static String symbolic(String expression) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*").matcher(expression);
        int last = 0;
        while (m.find()) {
            out.append(expression, last, m.start()).append(m.group().equals("pi") ? "π" : symbol(m.group()));
            last = m.end();
        }
        return out.append(expression.substring(last)).toString().replace("*", "").replace("+", " + ")
                .replace("-", " − ");
    }

    /** Powers as superscripts: {@code cos^2} as cos². */
    static String pretty(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("\\^(\\d+)").matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start()).append(Ticks.superscript(Integer.parseInt(m.group(1))));
            last = m.end();
        }
        return out.append(text.substring(last)).toString();
    }

    /** The short symbol of an observable, for legends: {@code |ρ₃₂|}, {@code Jx}, {@code n₁}, {@code ⟨σx⟩}. */
    public static String observableSymbol(String name) {
        return describe(name)[0];
    }

    /** An axis label for an observable: symbol, what it is. */
    public static String observableLabel(String name) {
        String[] d = describe(name);
        return d[1].isEmpty() ? d[0] : d[0] + "  (" + d[1] + ")";
    }

    /** The panel an observable belongs to. */
    public static Group group(String name) {
        if (name.contains("current")) {
            return Group.CURRENTS;
        }
        Matcher e = ELEMENT.matcher(name);
        if (e.matches()) {
            return e.group(2).equals(e.group(3)) ? Group.POPULATIONS : Group.COHERENCES;
        }
        if (name.matches("Jz.*|n\\d+|population.*|v3|sigma_z.*")) {
            return Group.POPULATIONS;
        }
        if (name.matches("J[xy].*|coherence.*|re_.*|im_.*|v[12]|sigma_[xy].*|concurrence")) {
            return Group.COHERENCES;
        }
        return Group.OTHER;
    }

    /** {symbol, meaning} of an observable. */
    private static String[] describe(String name) {
        for (String part : new String[] {"_vacuum", "_thermal"}) {
            if (name.endsWith(part)) {
                String[] whole = describe(name.substring(0, name.length() - part.length()));
                return new String[] {whole[0] + (part.equals("_vacuum") ? " (vacuum part)" : " (thermal part)"),
                        whole[1]};
            }
        }
        Matcher e = ELEMENT.matcher(name);
        if (e.matches()) {
            String ij = symbol("x" + e.group(2) + e.group(3)).substring(1);
            String element = "⟨" + e.group(2) + "|ρ|" + e.group(3) + "⟩";
            if (e.group(1) != null) {
                return new String[] {(e.group(1).equals("re_") ? "Re ρ" : "Im ρ") + ij, "element " + element};
            }
            return e.group(2).equals(e.group(3)) ? new String[] {"ρ" + ij, "population " + element}
                    : new String[] {"|ρ" + ij + "|", "modulus of the coherence " + element};
        }
        if (name.startsWith("energy_current.")) {
            return new String[] {"J_E(" + name.substring(15) + ")", "energy current from bath " + name.substring(15)
                    + " into the system"};
        }
        if (name.startsWith("particle_current.")) {
            return new String[] {"J_N(" + name.substring(17) + ")", "particle current from reservoir "
                    + name.substring(17) + " into the system"};
        }
        if (name.startsWith("population.")) {
            return new String[] {"p" + symbol("x" + name.substring(11)).substring(1), "population of eigenstate "
                    + name.substring(11) + " of H_S"};
        }
        if (name.matches("n\\d+")) {
            String k = symbol("x" + name.substring(1)).substring(1);
            return new String[] {"n" + k, "occupation ⟨c" + k + "†c" + k + "⟩"};
        }
        return switch (name) {
            case "Jx" -> new String[] {"Jx", "coherence ⟨c₁†c₂ + c₂†c₁⟩"};
            case "Jy" -> new String[] {"Jy", "coherence i⟨c₁†c₂ − c₂†c₁⟩"};
            case "Jz" -> new String[] {"Jz", "population difference ⟨c₂†c₂ − c₁†c₁⟩"};
            case "coherence_l1" -> new String[] {"C_l1", "l1 coherence in the H_S eigenbasis"};
            case "coherence_l1_bare" -> new String[] {"C_l1 (bare)", "l1 coherence in the bare basis"};
            case "population_difference" -> new String[] {"Δp", "population difference"};
            case "concurrence" -> new String[] {"C", "concurrence"};
            case "min_eigenvalue" -> new String[] {"λ_min(ρ)", "smallest eigenvalue of ρ; < 0 is unphysical"};
            case "J_12" -> new String[] {"J₁₂", "energy flux between the atoms"};
            case "w" -> new String[] {"|w|", "modulus of the inter-qubit coherence w = ⟨eg|ρ|ge⟩"};
            case "re_w" -> new String[] {"Re w", "inter-qubit coherence w = ⟨eg|ρ|ge⟩"};
            case "im_w" -> new String[] {"Im w", "inter-qubit coherence w = ⟨eg|ρ|ge⟩"};
            case "v1" -> new String[] {"⟨σx⟩", "qubit coherence"};
            case "v2" -> new String[] {"⟨σy⟩", "qubit coherence"};
            case "v3" -> new String[] {"⟨σz⟩", "qubit population difference"};
            case "sigma_x_out" -> new String[] {"⟨σx⟩ out", "coherence of the receiving spin"};
            case "sigma_y_out" -> new String[] {"⟨σy⟩ out", "coherence of the receiving spin"};
            case "sigma_z_out" -> new String[] {"⟨σz⟩ out", "population difference of the receiving spin"};
            case "sigma_x_self_induced" -> new String[] {"⟨σ₁ˣ⟩", "self-induced coherence, one spin"};
            case "sigma_x_out_over_self_induced" -> new String[] {"⟨σ₂ˣ⟩/⟨σ₁ˣ⟩",
                    "output over self-induced coherence"};
            case "correlation_xx_out" -> new String[] {"σ²", "output correlation ⟨s₁s₂⟩ − ⟨s₁⟩⟨s₂⟩"};
            case "signal_to_noise_out" -> new String[] {"SNR", "|⟨σx⟩ out| / σ, signal-to-noise ratio"};
            default -> new String[] {name, ""};
        };
    }
}
