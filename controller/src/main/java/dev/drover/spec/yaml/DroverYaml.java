package dev.drover.spec.yaml;

import dev.drover.spec.InvalidSpecException;
import dev.drover.spec.KnownTarget;
import dev.drover.spec.ServiceSpec;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a worker repository's {@code drover.yaml} into a {@link ServiceSpec}, strictly (docs/drover-yaml.md). */
public final class DroverYaml {
    public static final String FILE_NAME = "drover.yaml";
    /** Larger files are refused before they are parsed. */
    public static final int MAX_BYTES = 256 * 1024;
    /** Anchors may be reused, but not enough to make a small file expand into a huge one. */
    static final int MAX_ALIASES = 50;

    private DroverYaml() {
    }

    /**
     * Parses strictly; {@code knownTargets == null} means offline (targets not checked). Collects every error
     * and throws them together as an {@link InvalidSpecException}.
     *
     * @param file the name errors carry, e.g. {@code drover.yaml} or the path given to {@code drover plan}
     */
    public static ServiceSpec parse(String file, String text, Collection<KnownTarget> knownTargets) {
        Objects.requireNonNull(text, "text");
        Errors errors = new Errors(file);
        Optional<ServiceSpec> spec = compose(text, errors).flatMap(root -> ServiceReader.read(root, knownTargets, errors));
        if (errors.any() || spec.isEmpty()) {
            throw new InvalidSpecException(errors.inFileOrder());
        }
        return spec.get();
    }

    private static Optional<Node> compose(String text, Errors errors) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            errors.atStart("the file is " + bytes / 1024 + " KiB: a drover.yaml may be at most " + MAX_BYTES / 1024 + " KiB");
            return Optional.empty();
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_BYTES);
        try {
            Node root = new Yaml(options).compose(new StringReader(text));
            if (root == null) {
                errors.atStart("the file is empty: expected a mapping with at least service, job, tiers and stages");
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String context = e.getContext() == null ? "" : e.getContext() + ", ";
            errors.at(mark, "not valid YAML: " + context + e.getProblem());
        } catch (YAMLException e) {
            errors.atStart("not valid YAML: " + e.getMessage());
        }
        return Optional.empty();
    }
}
