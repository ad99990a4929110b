package dev.drover.spec.yaml;

import dev.drover.spec.Durations;
import dev.drover.spec.StageSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** {@code stages:}: each stage's tiers, bake, minimum jobs, split and deadline. */
final class StageReader {
    static final List<String> KEYS = List.of("tiers", "bake", "minJobs", "split", "deadline");

    /** A stage (numbered from 1), its mapping, and the node of each tier name it lists. */
    record Entry(StageSpec spec, int number, Node at, List<Node> tierNodes) {
    }

    private StageReader() {
    }

    static List<Entry> read(YamlMap top, Errors errors) {
        List<Node> items = top.list("stages", "a list of stages, each like { tiers: [c1], bake: 10m }");
        top.node("stages").filter(YamlValues::isEmptyList)
                .ifPresent(n -> errors.at(n, "stages: expected at least one stage"));
        List<Entry> stages = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int number = i + 1;
            YamlMap.of(items.get(i), "stages[" + number + "]", KEYS, "", errors)
                    .ifPresent(stage -> stages.add(read(stage, number, errors)));
        }
        return stages;
    }

    private static Entry read(YamlMap stage, int number, Errors errors) {
        stage.require("tiers");
        List<String> tiers = new ArrayList<>();
        List<Node> tierNodes = new ArrayList<>();
        List<Node> items = stage.list("tiers", "a list of tier names, like [c1, c2]");
        stage.node("tiers").filter(YamlValues::isEmptyList)
                .ifPresent(n -> errors.at(n, stage.path("tiers") + ": expected at least one tier name"));
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            YamlValues.text(item, stage.path("tiers") + "[" + (i + 1) + "]", errors).ifPresent(name -> {
                tiers.add(name);
                tierNodes.add(item);
            });
        }
        Duration bake = stage.duration("bake", StageSpec.DEFAULT_BAKE, true);
        Duration deadline = stage.duration("deadline", StageSpec.DEFAULT_DEADLINE, false);
        if (deadline.compareTo(bake) <= 0) {
            errors.at(stage.node("deadline").or(() -> stage.node("bake")).orElse(stage.at()),
                    stage.path("deadline") + ": " + Durations.format(deadline)
                            + " must be longer than the bake time, " + Durations.format(bake));
        }
        StageSpec spec = new StageSpec(tiers, bake,
                stage.integer("minJobs", StageSpec.DEFAULT_MIN_JOBS, n -> n >= 1, "a whole number >= 1"),
                stage.number("split", StageSpec.DEFAULT_SPLIT, s -> s > 0 && s <= 1,
                        "a number greater than 0 and at most 1 (the candidate's share of the stage's jobs)"),
                deadline);
        return new Entry(spec, number, stage.at(), tierNodes);
    }
}
