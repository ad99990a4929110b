package dev.drover.spec.yaml;

import dev.drover.spec.Durations;
import dev.drover.spec.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** One YAML node read as a typed value; a node of the wrong type records an error that says what was expected. */
final class YamlValues {
    static final String DURATION = "a duration like 10m, 2h or 1h30m";
    static final String SIZE = "a size like 512Mi or 2Gi";
    private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]{1,9}");

    private YamlValues() {
    }

    /** Any scalar but null, as written: {@code 4} and {@code on} are text too where text is expected. */
    static Optional<String> text(Node node, String path, Errors errors) {
        if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)) {
            return Optional.of(scalar.getValue());
        }
        return wrong(node, path, "a string", errors);
    }

    static Optional<Double> number(Node node, String path, Errors errors) {
        if (node instanceof ScalarNode scalar && (isTagged(node, Tag.INT) || isTagged(node, Tag.FLOAT))) {
            try {
                double value = Double.parseDouble(scalar.getValue().replace("_", ""));
                if (Double.isFinite(value)) {
                    return Optional.of(value);
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        return wrong(node, path, "a number", errors);
    }

    static Optional<Integer> integer(Node node, String path, Errors errors) {
        if (node instanceof ScalarNode scalar && isTagged(node, Tag.INT)
                && WHOLE.matcher(scalar.getValue().replace("_", "")).matches()) {
            return Optional.of(Integer.parseInt(scalar.getValue().replace("_", "")));
        }
        return wrong(node, path, "a whole number", errors);
    }

    static Optional<Boolean> bool(Node node, String path, Errors errors) {
        if (node instanceof ScalarNode scalar && isTagged(node, Tag.BOOL)) {
            return Optional.of(List.of("true", "yes", "on").contains(scalar.getValue().toLowerCase()));
        }
        return wrong(node, path, "true or false", errors);
    }

    static Optional<Duration> duration(Node node, String path, Errors errors) {
        if (isTagged(node, Tag.INT) || isTagged(node, Tag.FLOAT)) {
            errors.at(node, path + ": expected " + DURATION + ", got " + describe(node) + " (a duration needs a unit)");
            return Optional.empty();
        }
        Optional<Duration> parsed = node instanceof ScalarNode scalar && isTagged(node, Tag.STR)
                ? Durations.parse(scalar.getValue()) : Optional.empty();
        return parsed.isPresent() ? parsed : wrong(node, path, DURATION, errors);
    }

    static Optional<Size> size(Node node, String path, Errors errors) {
        if (isTagged(node, Tag.INT) || isTagged(node, Tag.FLOAT)) {
            errors.at(node, path + ": expected " + SIZE + ", got " + describe(node) + " (a size needs a unit)");
            return Optional.empty();
        }
        Optional<Size> parsed = node instanceof ScalarNode scalar ? Size.parse(scalar.getValue()) : Optional.empty();
        return parsed.isPresent() ? parsed : wrong(node, path, SIZE, errors);
    }

    /** The items of a list; a node that is not a list records an error and reads as no items. */
    static Optional<List<Node>> list(Node node, String path, String expected, Errors errors) {
        if (node instanceof SequenceNode sequence) {
            return Optional.of(sequence.getValue());
        }
        return wrong(node, path, expected, errors);
    }

    static Optional<List<String>> strings(Node node, String path, Errors errors) {
        return list(node, path, "a list of strings, like [\"sh\", \"run.sh\"]", errors).map(items -> {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                text(items.get(i), path + "[" + (i + 1) + "]", errors).ifPresent(texts::add);
            }
            return texts;
        });
    }

    static boolean isEmptyList(Node node) {
        return node instanceof SequenceNode sequence && sequence.getValue().isEmpty();
    }

    static <T> Optional<T> wrong(Node node, String path, String expected, Errors errors) {
        errors.at(node, path + ": expected " + expected + ", got " + describe(node));
        return Optional.empty();
    }

    /** What a node is, for "expected X, got Y": a mapping, a list, nothing, or the text itself. */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        if (scalar.getTag().equals(Tag.NULL)) {
            return "nothing";
        }
        String value = scalar.getValue().length() > 60 ? scalar.getValue().substring(0, 57) + "..." : scalar.getValue();
        return scalar.getTag().equals(Tag.STR) ? "'" + value + "'" : value;
    }

    private static boolean isTagged(Node node, Tag tag) {
        return node instanceof ScalarNode && node.getTag().equals(tag);
    }
}
