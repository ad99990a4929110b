package dev.drover.spec.yaml;

import dev.drover.spec.Size;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoublePredicate;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A YAML mapping with a known set of keys (or any keys, for maps like {@code env}). Unknown and duplicate
 * keys are errors, found when the view is made; the typed getters record type and range errors and
 * answer the default (or empty) instead, so reading goes on and every error is found.
 */
final class YamlMap {
    private final MappingNode node;
    private final String path;
    private final Errors errors;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMap(MappingNode node, String path, List<String> allowed, String note, Errors errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar)) {
                errors.at(keyNode, where() + "a key must be a plain word, not " + YamlValues.describe(keyNode));
                continue;
            }
            String key = scalar.getValue();
            if (allowed != null && !allowed.contains(key)) {
                errors.at(keyNode, "unknown key '" + key + "'" + (path.isEmpty() ? "" : " in " + path) + ": "
                        + Suggestions.hint(key, allowed) + "allowed keys are " + String.join(", ", allowed) + note);
            } else if (entries.containsKey(key)) {
                errors.at(keyNode, where() + "duplicate key '" + key + "' (first at line "
                        + (entries.get(key).getKeyNode().getStartMark().getLine() + 1) + ")");
            } else {
                entries.put(key, tuple);
            }
        }
    }

    /** The node as a mapping with these keys; anything else is an error ({@code allowed} null: any keys). */
    static Optional<YamlMap> of(Node node, String path, List<String> allowed, String note, Errors errors) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new YamlMap(mapping, path, allowed, note, errors));
        }
        return YamlValues.wrong(node, path.isEmpty() ? "the file" : path, "a mapping", errors);
    }

    Node at() {
        return node;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The entries in file order, for maps with free keys. */
    Map<String, NodeTuple> entries() {
        return entries;
    }

    Optional<Node> node(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    /** Records "missing required key" at this mapping for each key that is absent. */
    void require(String... keys) {
        for (String key : keys) {
            if (!entries.containsKey(key)) {
                errors.at(node, "missing required key '" + key + "'" + (path.isEmpty() ? "" : " in " + path));
            }
        }
    }

    Optional<YamlMap> map(String key, List<String> allowed) {
        return map(key, allowed, "");
    }

    Optional<YamlMap> map(String key, List<String> allowed, String note) {
        return node(key).flatMap(n -> of(n, path(key), allowed, note, errors));
    }

    List<Node> list(String key, String expected) {
        return node(key).flatMap(n -> YamlValues.list(n, path(key), expected, errors)).orElse(List.of());
    }

    /** A list of strings with at least one in it, like a command. */
    List<String> strings(String key) {
        node(key).filter(YamlValues::isEmptyList)
                .ifPresent(n -> errors.at(n, path(key) + ": expected at least one string, got an empty list"));
        return node(key).flatMap(n -> YamlValues.strings(n, path(key), errors)).orElse(List.of());
    }

    Optional<String> text(String key, Predicate<String> ok, String expected) {
        return node(key).flatMap(n -> YamlValues.text(n, path(key), errors)
                .filter(value -> check(ok.test(value), n, key, expected)));
    }

    double number(String key, double otherwise, DoublePredicate ok, String expected) {
        return node(key).flatMap(n -> YamlValues.number(n, path(key), errors)
                .filter(value -> check(ok.test(value), n, key, expected))).orElse(otherwise);
    }

    int integer(String key, int otherwise, IntPredicate ok, String expected) {
        return node(key).flatMap(n -> YamlValues.integer(n, path(key), errors)
                .filter(value -> check(ok.test(value), n, key, expected))).orElse(otherwise);
    }

    boolean bool(String key, boolean otherwise) {
        return node(key).flatMap(n -> YamlValues.bool(n, path(key), errors)).orElse(otherwise);
    }

    Size size(String key, Size otherwise) {
        return node(key).flatMap(n -> YamlValues.size(n, path(key), errors)
                .filter(value -> check(value.bytes() > 0, n, key, "a size greater than 0"))).orElse(otherwise);
    }

    /** A duration; zero only where {@code zeroAllowed}, negative never (the syntax has no sign). */
    Duration duration(String key, Duration otherwise, boolean zeroAllowed) {
        return node(key).flatMap(n -> YamlValues.duration(n, path(key), errors)
                .filter(value -> check(zeroAllowed || !value.isZero(), n, key, "a duration greater than 0")))
                .orElse(otherwise);
    }

    private boolean check(boolean ok, Node value, String key, String expected) {
        if (!ok) {
            errors.at(value, path(key) + ": expected " + expected + ", got " + YamlValues.describe(value));
        }
        return ok;
    }

    private String where() {
        return path.isEmpty() ? "" : path + ": ";
    }
}
