package io.coherent.app.sweep;

import io.coherent.config.ScenarioException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Everything that decides a sweep's numbers, as JSON: the scenario (a preset's name or a scenario file's text), the
 * overrides, the grid (its variants included) and what is computed at each point. A worker on another machine rebuilds the same
 * {@link Sweep} from it ({@link #prepare}), and {@link #fingerprint} tells whether a results file belongs to it.
 *
 * @param scenario   preset or file text
 * @param overrides  {@code key=value} overrides as written ({@code --set}, and {@code until=T} of {@code --until})
 * @param grid       the swept parameters
 * @param evaluation {@link #STEADY} or {@link #RUN}
 */
public record SweepDefinition(ScenarioSource scenario, List<String> overrides, Grid grid, String evaluation) {
    public static final String STEADY = "steady";
    public static final String RUN = "run";
    /** Next to {@code results.csv}: the definition and its fingerprint, so that a resumed sweep can check it. */
    public static final String FILE_NAME = "sweep.json";

    public SweepDefinition {
        overrides = List.copyOf(overrides);
        if (!STEADY.equals(evaluation) && !RUN.equals(evaluation)) {
            throw new IllegalArgumentException("evaluation = " + evaluation + " is not allowed: expected steady or run");
        }
    }

    /** What each point computes: the one place a definition's evaluation becomes a {@link PointEvaluator}. */
    public PointEvaluator evaluator() {
        return STEADY.equals(evaluation) ? new SteadyStateEvaluator() : new TrajectoryEvaluator();
    }

    /** Validates the sweep ({@link Sweep#prepare}) and returns it, ready to evaluate points. */
    public Sweep prepare() {
        return Sweep.prepare(scenario, overrides, grid, evaluator());
    }

    public JsonObject toJson() {
        JsonObject source = scenario.preset() != null ? new JsonObject().put("preset", scenario.preset())
                : new JsonObject().put("file", scenario.file()).put("text", scenario.text());
        JsonArray axes = new JsonArray();
        for (Axis a : grid.axes()) {
            // the ends as text: Double.toString reads back to the same double whatever the JSON library does
            axes.add(new JsonObject().put("name", a.name()).put("scale", a.scale().name().toLowerCase(Locale.ROOT))
                    .put("start", Double.toString(a.start())).put("stop", Double.toString(a.stop()))
                    .put("count", a.count()));
        }
        JsonObject json = new JsonObject().put("scenario", source)
                .put("overrides", new JsonArray(new ArrayList<>(overrides))).put("parameters", axes)
                .put("evaluation", evaluation);
        if (grid.hasVariants()) {
            // only then: a sweep without variants keeps the fingerprint it had before variants existed (--resume)
            JsonArray variants = new JsonArray();
            grid.variants().forEach(v -> variants.add(new JsonObject().put("label", v.label())
                    .put("overrides", new JsonArray(new ArrayList<>(v.overrides())))));
            json.put("variants", variants);
        }
        return json;
    }

    /** The inverse of {@link #toJson}; a malformed object is an {@link IllegalArgumentException}. */
    public static SweepDefinition fromJson(JsonObject json) {
        try {
            JsonObject source = json.getJsonObject("scenario");
            ScenarioSource scenario = new ScenarioSource(source.getString("preset"), source.getString("file"),
                    source.getString("text"));
            List<String> overrides = json.getJsonArray("overrides").stream().map(String.class::cast).toList();
            List<Axis> axes = new ArrayList<>();
            for (Object o : json.getJsonArray("parameters")) {
                JsonObject a = (JsonObject) o;
                Axis.Scale scale = Axis.Scale.valueOf(a.getString("scale").toUpperCase(Locale.ROOT));
                double start = Double.parseDouble(a.getString("start"));
                double stop = Double.parseDouble(a.getString("stop"));
                int count = a.getInteger("count");
                axes.add(new Axis(a.getString("name"), scale, start, stop, count, a.getString("name") + "="
                        + (scale == Axis.Scale.LOG ? "log:" : "") + start + ":" + stop + ":" + count));
            }
            List<Variant> variants = new ArrayList<>();
            for (Object o : json.getJsonArray("variants", new JsonArray())) {
                JsonObject v = (JsonObject) o;
                variants.add(new Variant(v.getString("label"),
                        v.getJsonArray("overrides").stream().map(String.class::cast).toList()));
            }
            return new SweepDefinition(scenario, overrides, new Grid(axes, variants), json.getString("evaluation"));
        } catch (ClassCastException | NullPointerException | NumberFormatException | ScenarioException e) {
            throw new IllegalArgumentException("not a sweep definition: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@link #FILE_NAME} into {@code dir} (created if needed), atomically: to a temporary file in the same
     * directory, then renamed over it, so that a kill or a full disk leaves the previous file or the whole new one.
     */
    public void record(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        Path temporary = dir.resolve(FILE_NAME + ".tmp");
        try {
            Files.createDirectories(dir);
            Files.writeString(temporary, new JsonObject().put("fingerprint", fingerprint()).put("sweep", toJson())
                    .encodePrettily() + "\n", StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the first failure is the one to report
            }
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether the results in {@code dir} were written by this sweep: its {@link #FILE_NAME} holds this fingerprint.
     * Refuses (a {@link ScenarioException} for {@code --resume}) if they were not, or if that cannot be told.
     */
    public void checkRecordedIn(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        String recorded;
        try {
            recorded = new JsonObject(Files.readString(file, StandardCharsets.UTF_8)).getString("fingerprint");
        } catch (IOException | RuntimeException e) {
            throw new ScenarioException("--resume", "--resume: cannot tell which sweep " + dir.resolve(ResultsCsv.FILE_NAME)
                    + " belongs to: " + file + " is missing or unreadable (" + e.getMessage() + ")");
        }
        if (!fingerprint().equals(recorded)) {
            throw new ScenarioException("--resume", "--resume: " + dir.resolve(ResultsCsv.FILE_NAME) + " belongs to "
                    + "another sweep (its scenario, --set, --until, --param, --variant or --steady/--run differ; see " + file
                    + "): use another --out, or drop --resume to start again");
        }
    }

    /**
     * SHA-256 of the JSON form: equal for two sweeps exactly when their scenario text, overrides (as written), grid
     * and evaluation are equal.
     */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(toJson().encode().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
