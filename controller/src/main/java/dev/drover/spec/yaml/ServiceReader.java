package dev.drover.spec.yaml;

import dev.drover.spec.BuildSpec;
import dev.drover.spec.CanaryLoadSpec;
import dev.drover.spec.KnownTarget;
import dev.drover.spec.ServiceSpec;
import dev.drover.spec.TestSpec;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** The whole file: the top-level keys, the small sections, then the section readers and the cross-checks. */
final class ServiceReader {
    static final List<String> KEYS =
            List.of("service", "build", "test", "job", "tiers", "stages", "gates", "canaryLoad");

    private ServiceReader() {
    }

    /** The spec as read; meaningful only when no errors were recorded. Empty when the file is not a mapping. */
    static Optional<ServiceSpec> read(Node root, Collection<KnownTarget> knownTargets, Errors errors) {
        if (!(root instanceof MappingNode)) {
            YamlValues.wrong(root, "the file", "a mapping with at least service, job, tiers and stages", errors);
            return Optional.empty();
        }
        YamlMap top = YamlMap.of(root, "", KEYS, "", errors).orElseThrow();
        top.require("service", "job", "tiers", "stages");
        String service = top.text("service", Names::isName, Names.NAME_EXPECTED.replace("c1 or canary-gpu", "thumbnailer"))
                .orElse("");
        JobReader.Result job = JobReader.read(top, errors);
        List<TierReader.Entry> tiers = TierReader.read(top, errors);
        List<StageReader.Entry> stages = StageReader.read(top, errors);
        LadderCheck.check(tiers, stages, job, errors);
        if (knownTargets != null) {
            TargetCheck.check(tiers, knownTargets, errors);
        }
        return Optional.of(new ServiceSpec(service, build(top), test(top), job.spec(),
                tiers.stream().map(TierReader.Entry::spec).toList(),
                stages.stream().map(StageReader.Entry::spec).toList(),
                GatesReader.read(top, errors), canaryLoad(top)));
    }

    private static BuildSpec build(YamlMap top) {
        return top.map("build", List.of("dockerfile", "context"))
                .map(build -> new BuildSpec(
                        build.text("dockerfile", Names::isRelativePath, Names.PATH_EXPECTED)
                                .orElse(BuildSpec.DEFAULT.dockerfile()),
                        build.text("context", Names::isRelativePath, Names.PATH_EXPECTED)
                                .orElse(BuildSpec.DEFAULT.context())))
                .orElse(BuildSpec.DEFAULT);
    }

    private static Optional<TestSpec> test(YamlMap top) {
        return top.map("test", List.of("command", "timeout")).map(test -> {
            test.require("command");
            return new TestSpec(test.strings("command"), test.duration("timeout", TestSpec.DEFAULT_TIMEOUT, false));
        });
    }

    private static CanaryLoadSpec canaryLoad(YamlMap top) {
        return top.map("canaryLoad", List.of("replayRecent"))
                .map(load -> new CanaryLoadSpec(load.integer("replayRecent", 0, n -> n >= 0, "a whole number >= 0")))
                .orElse(CanaryLoadSpec.OFF);
    }
}
