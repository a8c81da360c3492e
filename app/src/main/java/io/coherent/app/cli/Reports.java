package io.coherent.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coherent.core.bosonic.BilinearModel;
import io.coherent.core.dynamics.Model;
import io.coherent.core.heom.HierarchyLevel;
import io.coherent.core.heom.HierarchyReport;
import io.coherent.core.observables.Estimate;
import io.coherent.core.observables.ObservableSet;
import io.coherent.integrators.RunMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The JSON objects and human summaries that run and steady print. */
public final class Reports {
    public static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> COHERENCES = List.of("Jx", "Jy", "Jz");

    private Reports() {
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Puts a number, or null if it is NaN or infinite. */
    public static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value + 0.0); // no -0.0
        } else {
            node.putNull(key);
        }
    }

    /**
     * The observables a summary shows, in order. A bilinear model shows Jx, Jy, Jz, then everything else run and
     * steady compute (their vacuum and thermal parts, the occupations n1, n2, ...), then the energy current per bath;
     * a finite open system shows everything its generator computes.
     */
    static List<String> reported(ObservableSet o, Model model) {
        if (!(model instanceof BilinearModel)) {
            return List.copyOf(o.values().keySet());
        }
        // Jx, Jy, Jz first (null for one mode), then their vacuum and thermal parts and the occupations, as run
        // and steady compute them, then the currents
        List<String> names = new ArrayList<>(COHERENCES);
        for (String name : o.values().keySet()) {
            if (!names.contains(name) && !name.startsWith("energy_current.")) {
                names.add(name);
            }
        }
        for (String bath : model.bathNames()) {
            names.add("energy_current." + bath);
        }
        return names;
    }

    /**
     * The reported observables as plain numbers (null where not defined, e.g. Jx of a one-mode model);
     * names {@code prefix.key} are grouped: {"energy_current": {"<bath>": value}}.
     */
    static ObjectNode observables(ObservableSet o, Model model) {
        ObjectNode node = object();
        for (String name : reported(o, model)) {
            Estimate e = o.values().get(name);
            double value = e == null ? Double.NaN : e.value();
            int dot = name.indexOf('.');
            if (dot < 0) {
                number(node, name, value);
            } else {
                ObjectNode group = node.has(name.substring(0, dot)) ? (ObjectNode) node.get(name.substring(0, dot))
                        : node.putObject(name.substring(0, dot));
                number(group, name.substring(dot + 1), value);
            }
        }
        if (model instanceof BilinearModel && !node.has("energy_current")) {
            node.putObject("energy_current");
        }
        return node;
    }

    /**
     * The {@code hierarchy} object of method heom: the hierarchy used, the levels the convergence tried, and each
     * observable's error estimate (its last change between levels, or along a trajectory its change from one depth
     * less).
     */
    public static ObjectNode hierarchy(HierarchyReport h, ObservableSet o, List<String> notes) {
        ObjectNode node = object();
        node.put("depth", h.depth());
        node.put("exponents", h.exponents());
        node.set("terms_per_bath", JSON.valueToTree(h.termsPerBath()));
        node.put("ados", h.ados());
        node.put("sectors", h.sectors());
        node.put("bytes", h.bytes());
        node.put("bytes_per_ado", h.bytesPerAdo());
        node.set("expansion", JSON.valueToTree(h.expansion()));
        ObjectNode fit = node.putObject("expansion_error");
        h.expansionError().forEach((bath, e) -> number(fit, bath, e));
        node.put("terminator", h.terminator());
        node.put("automatic", h.automatic());
        node.put("converged", h.converged());
        number(node, "tolerance", h.tolerance());
        number(node, "last_change", h.lastChange());
        var levels = node.putArray("levels");
        for (HierarchyLevel l : h.levels()) {
            ObjectNode level = levels.addObject();
            level.put("depth", l.depth());
            level.put("exponents", l.exponents());
            level.put("ados", l.ados());
            number(level, "change", l.change());
            if (l.largest() == null) {
                level.putNull("largest_change");
            } else {
                level.put("largest_change", l.largest());
            }
            level.put("iterations", l.iterations());
        }
        ObjectNode errors = node.putObject("error_estimates");
        o.values().forEach((name, e) -> number(errors, name, e.error()));
        node.put("note", h.note());
        var n = node.putArray("notes");
        notes.forEach(n::add);
        return node;
    }

    /** One line on the hierarchy for the human summaries. */
    public static String hierarchyLine(HierarchyReport h) {
        return String.format(Locale.ROOT, "hierarchy: depth %d, %d exponents per bath, %d auxiliary density operators"
                        + " (%d bytes)%s, %s, terminator %s; %s", h.depth(), h.exponents(), h.ados(), h.bytes(),
                h.sectors() > 1 ? " in " + h.sectors() + " conserved sectors" : "", h.expansion(),
                h.terminator() ? "on" : "off", h.converged() ? "converged to " + g(h.tolerance())
                        : "NOT converged" + (h.note().isEmpty() ? "" : " (" + h.note() + ")"));
    }

    /** The largest error estimate among the observables that are reported. */
    static double largestError(ObservableSet o, Model model) {
        double worst = 0;
        for (String name : reported(o, model)) {
            Estimate e = o.values().get(name);
            if (e != null) {
                worst = Double.isNaN(e.error()) ? Double.NaN : Math.max(worst, e.error());
            }
        }
        return worst;
    }

    /**
     * The run's Micrometer meters: accepted and rejected steps (null if the integrator does not expose its
     * rejections), right-hand-side evaluations, samples produced and published, samples dropped per live
     * subscriber, and the run's wall time.
     */
    static ObjectNode metrics(MeterRegistry registry) {
        ObjectNode m = object();
        m.put("steps_accepted", (long) registry.get(RunMetrics.STEPS).counter().count());
        Counter rejected = registry.find(RunMetrics.REJECTED).counter();
        if (rejected != null) {
            m.put("steps_rejected", (long) rejected.count());
        } else {
            m.putNull("steps_rejected");
        }
        m.put("rhs_evaluations", (long) registry.get(RunMetrics.EVALUATIONS).counter().count());
        m.put("samples_produced", (long) registry.get(RunMetrics.SAMPLES).counter().count());
        Counter published = registry.find(RunMetrics.PUBLISHED).counter();
        m.put("samples_published", published == null ? 0 : (long) published.count());
        ObjectNode dropped = m.putObject("samples_dropped");
        for (Counter c : registry.find(RunMetrics.DROPPED).counters()) {
            dropped.put(c.getId().getTag("subscriber"), (long) c.count());
        }
        number(m, "run_seconds", registry.get(RunMetrics.RUN_TIME).timer().totalTime(TimeUnit.SECONDS));
        return m;
    }

    /** The observers' summaries, by observer name. */
    static ObjectNode observers(Map<String, JsonObject> summaries) {
        ObjectNode o = object();
        summaries.forEach((name, summary) -> {
            try {
                o.set(name, JSON.readTree(summary.encode()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("observer '" + name + "' summary is not JSON", e);
            }
        });
        return o;
    }

public static String json(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reported observables with their error estimates, indented; currents under their own heading. */
    static void printObservables(PrintWriter out, ObservableSet o, Model model) {
        List<String> names = reported(o, model);
        for (String name : names) {
            if (!name.startsWith("energy_current.")) {
                out.println("  " + name + " = " + valueWithError(o.values().get(name)));
            }
        }
        if (model instanceof BilinearModel b && b.modes() < 2) {
            out.println("  (one mode: no coherences; n1 = " + valueWithError(o.values().get("n1")) + ")");
        }
        // a closed form (leading-order) has no currents
        if (!model.bathNames().isEmpty() && o.values().containsKey("energy_current." + model.bathNames().get(0))) {
            out.println("energy current from each bath into the system:");
            int width = model.bathNames().stream().mapToInt(String::length).max().orElse(0);
            for (String bath : model.bathNames()) {
                out.println("  " + pad(bath, width) + " = " + valueWithError(o.values().get("energy_current." + bath)));
            }
        }
    }

    static String valueWithError(Estimate e) {
        return String.format(Locale.ROOT, "%.10g +- %.2g", e.value() + 0.0, e.error());
    }

    /** A short human form: 200, 0.1, 81.8633, 1e-10; "infinite" for an infinite value, "not computed" for NaN. */
    public static String g(double x) {
        if (Double.isNaN(x)) {
            return "not computed"; // e.g. the hierarchy's relaxation time (no Liouvillian spectrum)
        }
        if (Double.isInfinite(x)) {
            return "infinite";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e7) {
            return Long.toString((long) x);
        }
        String s = String.format(Locale.ROOT, "%.6g", x);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        if (!exponent.isEmpty()) {
            exponent = "e" + Integer.parseInt(exponent.substring(1));
        }
        return mantissa + exponent;
    }

public static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
