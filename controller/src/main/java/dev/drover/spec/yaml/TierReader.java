package dev.drover.spec.yaml;

import dev.drover.spec.TierSpec;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** {@code tiers:}: each tier's name, target, weight and GPUs, with where they were written for later checks. */
final class TierReader {
    static final List<String> KEYS = List.of("name", "target", "weight", "gpus");

    /** A tier and its nodes: the tier's mapping, and its name, target and gpus values (the mapping if absent). */
    record Entry(TierSpec spec, Node at, Node nameAt, Node targetAt, Node gpusAt) {
    }

    private TierReader() {
    }

    static List<Entry> read(YamlMap top, Errors errors) {
        List<Node> items = top.list("tiers", "a list of tiers, each like { name: c1, target: cpu-spot, weight: 20 }");
        top.node("tiers").filter(YamlValues::isEmptyList)
                .ifPresent(n -> errors.at(n, "tiers: expected at least one tier"));
        List<Entry> tiers = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            YamlMap.of(items.get(i), "tiers[" + (i + 1) + "]", KEYS, "", errors).ifPresent(tier -> tiers.add(read(tier)));
        }
        return tiers;
    }

    private static Entry read(YamlMap tier) {
        tier.require("name", "target", "weight");
        TierSpec spec = new TierSpec(
                tier.text("name", Names::isName, Names.NAME_EXPECTED).orElse(""),
                tier.text("target", t -> !t.isBlank(), "the name of a target").orElse(""),
                tier.number("weight", 0, w -> w > 0, "a number greater than 0"),
                tier.integer("gpus", 0, g -> g >= 0, "a whole number >= 0"));
        return new Entry(spec, tier.at(), tier.node("name").orElse(tier.at()),
                tier.node("target").orElse(tier.at()), tier.node("gpus").orElse(tier.at()));
    }
}
