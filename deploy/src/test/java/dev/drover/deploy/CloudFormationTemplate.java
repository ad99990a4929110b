package dev.drover.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A CloudFormation template read as plain maps and lists. The short forms of the intrinsic functions
 * become their long forms: {@code !Ref X} is {@code {Ref: X}}, {@code !Sub s} is {@code {Fn::Sub: s}},
 * {@code !GetAtt R.A} is {@code {Fn::GetAtt: [R, A]}}, {@code !Condition C} is {@code {Condition: C}}.
 */
record CloudFormationTemplate(Map<String, Object> root) {
    /** drover.yaml, from this module's folder (where Maven runs the tests). */
    static final Path DROVER = Path.of("aws", "drover.yaml");

    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs",
            "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or",
            "ToJsonString", "Length");

    static CloudFormationTemplate load(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return new CloudFormationTemplate(map(new Yaml(new Intrinsics()).load(in)));
        }
    }

    /** JSON text in the template (a lifecycle policy, a configuration), read as maps and lists. */
    static Object json(String text) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    Map<String, Object> section(String name) {
        return root.containsKey(name) ? map(root.get(name)) : Map.of();
    }

    Map<String, Object> resource(String logicalId) {
        Object resource = section("Resources").get(logicalId);
        if (resource == null) {
            throw new AssertionError("drover.yaml has no resource " + logicalId);
        }
        return map(resource);
    }

    Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).getOrDefault("Properties", Map.of()));
    }

    /** The resources of a type, by logical id. */
    Map<String, Map<String, Object>> ofType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        section("Resources").forEach((id, r) -> {
            if (type.equals(map(r).get("Type"))) {
                found.put(id, map(r));
            }
        });
        return found;
    }

    /** The statements of a role's inline policies, an {@code Fn::If} taken on its true side. */
    List<Map<String, Object>> statements(String roleId) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy : list(unlessNoValue(properties(roleId).get("Policies")))) {
            for (Object s : list(map(map(policy).get("PolicyDocument")).get("Statement"))) {
                Object statement = unlessNoValue(s);
                if (statement != null) {
                    statements.add(map(statement));
                }
            }
        }
        return statements;
    }

    /** {@code Fn::If [c, a, b]}: a, or null where a is {@code AWS::NoValue}; anything else as it is. */
    static Object unlessNoValue(Object node) {
        if (node instanceof Map<?, ?> m && m.containsKey("Fn::If")) {
            Object whenTrue = list(m.get("Fn::If")).get(1);
            return whenTrue instanceof Map<?, ?> r && "AWS::NoValue".equals(r.get("Ref")) ? null : whenTrue;
        }
        return node;
    }

    /** Every map, list and scalar in {@code node}, depth first. */
    static void walk(Object node, Consumer<Object> visitor) {
        visitor.accept(node);
        if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> walk(v, visitor));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> walk(v, visitor));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (!(node instanceof Map)) {
            throw new AssertionError("expected a map in drover.yaml, found " + node);
        }
        return (Map<String, Object>) node;
    }

    /** A list, or one value as a list of one (IAM's Action and Resource take both). */
    static List<Object> list(Object node) {
        if (node == null) {
            return List.of();
        }
        return node instanceof List<?> l ? List.copyOf(l) : List.of(node);
    }

    /** SnakeYAML's safe constructor, plus CloudFormation's short-form tags. */
    private static final class Intrinsics extends SafeConstructor {
        Intrinsics() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new LongForm("Condition"));
            FUNCTIONS.forEach(fn -> yamlConstructors.put(new Tag("!" + fn), new LongForm("Fn::" + fn)));
        }

        private final class LongForm extends AbstractConstruct {
            private final String key;

            LongForm(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    value = key.equals("Fn::GetAtt") ? List.of(text.split("\\.", 2)) : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
            }
        }
    }
}
