package dev.drover.docker;

import com.github.dockerjava.core.GoLangFileMatch;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .dockerignore} as the engine's CLI reads it: one pattern a line ({@code #} comments,
 * blank lines skipped), Go {@code filepath.Match} syntax with {@code **}, a leading {@code /}
 * dropped, {@code !} re-including; the last matching pattern wins, and a pattern that matches a
 * directory excludes everything below it.
 */
final class DockerIgnore {
    private record Rule(String pattern, boolean exclude) {
    }

    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean exclude = !line.startsWith("!");
            String pattern = exclude ? line : line.substring(1).strip();
            pattern = pattern.replaceAll("^/+", "").replaceAll("/+$", "").replaceAll("^\\./", "");
            if (!pattern.isEmpty()) {
                rules.add(new Rule(pattern, exclude));
            }
        }
        return new DockerIgnore(rules);
    }

    static DockerIgnore none() {
        return new DockerIgnore(List.of());
    }

    /** Whether the path (relative to the context, {@code /}-separated) is left out of the context. */
    boolean excludes(String path) {
        boolean excluded = false;
        for (Rule rule : rules) {
            if (matchesOrParentMatches(rule.pattern(), path)) {
                excluded = rule.exclude();
            }
        }
        return excluded;
    }

    private static boolean matchesOrParentMatches(String pattern, String path) {
        if (GoLangFileMatch.match(pattern, path)) {
            return true;
        }
        for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
            if (GoLangFileMatch.match(pattern, path.substring(0, slash))) {
                return true;
            }
        }
        return false;
    }
}
