package dev.drover.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a scenario file (docs/bench.md): one scenario per line, {@code NAME key=value ...}, each starting
 * from the base case as the {@code defaults} lines so far have changed it; {@code #} starts a comment. A
 * bad line fails with {@code FILE:LINE: what is wrong}.
 */
public final class ScenarioFile {
    /** The scenario list shipped with Drover (BENCHMARKS.md section 1). */
    public static final String BUILT_IN = "bench/canary-scenarios.txt";
    private static final String DEFAULTS = "defaults";

    private ScenarioFile() {
    }

    public static List<Scenario> builtIn() {
        try (InputStream in = ScenarioFile.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("the built-in scenario list " + BUILT_IN + " is missing");
            }
            return parse(BUILT_IN, new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Scenario> read(Path file) throws IOException {
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public static List<Scenario> parse(String source, List<String> lines) {
        Scenario template = Scenario.BASE;
        List<Scenario> scenarios = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("\\s+");
            try {
                ScenarioBuilder b = new ScenarioBuilder(words[0], template);
                for (int w = 1; w < words.length; w++) {
                    int eq = words[w].indexOf('=');
                    if (eq <= 0 || eq == words[w].length() - 1) {
                        throw new IllegalArgumentException("expected key=value, got '" + words[w] + "'");
                    }
                    b.set(words[w].substring(0, eq), words[w].substring(eq + 1));
                }
                Scenario s = b.build();
                if (words[0].equals(DEFAULTS)) {
                    template = s;
                } else if (!names.add(s.name())) {
                    throw new IllegalArgumentException("scenario '" + s.name() + "' is defined twice");
                } else {
                    scenarios.add(s);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException(source + ": no scenarios");
        }
        return scenarios;
    }
}
