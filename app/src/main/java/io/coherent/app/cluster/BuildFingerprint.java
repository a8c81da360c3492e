package io.coherent.app.cluster;

import io.coherent.app.Main;
import io.coherent.config.Preset;
import io.coherent.config.PresetParameter;
import io.coherent.config.Presets;
import io.coherent.config.ScenarioLoader;
import io.coherent.core.methods.Engines;
import io.coherent.integrators.Propagator;
import io.coherent.observers.EventDrivenRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Which build of coherent this process runs, as the members of a clustered sweep compare it: SHA-256 over the
 * version, every class and resource of coherent's own packages ({@code io/coherent/}, from the jar or from the
 * modules' class directories) and the presets' parameters with their defaults. Two members compute the same numbers
 * for a point exactly when they agree on it; a worker whose build differs is refused, since a changed default or a
 * changed formula would mix another sweep's numbers into the results (issue 15: 30 of 48 rows differed when one
 * preset default did).
 */
public final class BuildFingerprint {
    private BuildFingerprint() {
    }

    /** This process's fingerprint, computed once (about 0.1 s: a few hundred classes). */
    public static String current() {
        return Holder.CURRENT;
    }

    private static final class Holder {
        static final String CURRENT = compute();
    }

    /** The first 12 hex digits, for messages. */
    public static String shortForm(String fingerprint) {
        return fingerprint == null ? "unknown" : fingerprint.substring(0, Math.min(12, fingerprint.length()));
    }

    private static String compute() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, String.join(" ", new Main.Version().getVersion()));
            for (Path source : codeSources()) {
                if (Files.isDirectory(source)) {
                    List<Path> files;
                    try (Stream<Path> walk = Files.walk(source.resolve("io").resolve("coherent"))) {
                        files = walk.filter(Files::isRegularFile).sorted().toList();
                    }
                    for (Path f : files) {
                        update(sha, source.relativize(f).toString().replace('\\', '/'));
                        sha.update(Files.readAllBytes(f));
                    }
                } else {
                    try (JarFile jar = new JarFile(source.toFile())) {
                        List<JarEntry> entries = jar.stream().filter(e -> !e.isDirectory()
                                && e.getName().startsWith("io/coherent/")).sorted((a, b) -> a.getName().compareTo(b.getName()))
                                .toList();
                        for (JarEntry e : entries) {
                            update(sha, e.getName());
                            try (InputStream in = jar.getInputStream(e)) {
                                sha.update(in.readAllBytes());
                            }
                        }
                    }
                }
            }
            for (Preset p : Presets.all()) {
                update(sha, p.name() + " " + p.defaultMethod().id());
                for (PresetParameter q : p.parameters()) {
                    update(sha, q.name() + "=" + q.defaultValue());
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read coherent's own classes: " + e.getMessage(), e);
        }
    }

    /** Where coherent's modules were loaded from: one jar, or each module's class directory. */
    private static Set<Path> codeSources() {
        Set<Path> out = new LinkedHashSet<>();
        for (Class<?> c : new ArrayList<>(List.of(Main.class, ScenarioLoader.class, Engines.class, Propagator.class,
                EventDrivenRun.class))) {
            try {
                out.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException | NullPointerException e) {
                throw new IllegalStateException("cannot tell where " + c.getName() + " was loaded from", e);
            }
        }
        return out;
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }
}
