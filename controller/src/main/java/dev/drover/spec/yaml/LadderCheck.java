package dev.drover.spec.yaml;

import dev.drover.spec.GpuMode;
import dev.drover.spec.TierSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The tiers and stages together: names unique, every stage's tiers exist, every tier in exactly one stage,
 * and, when some jobs need a GPU, a GPU tier in every stage so no kind of job skips phasing.
 */
final class LadderCheck {

    private LadderCheck() {
    }

    static void check(List<TierReader.Entry> tiers, List<StageReader.Entry> stages, JobReader.Result job,
            Errors errors) {
        Map<String, TierReader.Entry> byName = new HashMap<>();
        for (TierReader.Entry tier : tiers) {
            String name = tier.spec().name();
            TierReader.Entry first = byName.putIfAbsent(name, tier);
            if (first != null && !name.isEmpty()) {
                errors.at(tier.nameAt(), "duplicate tier name '" + name + "' (first at line " + line(first.nameAt()) + ")");
            }
        }
        Map<String, Integer> stageOf = new HashMap<>();
        for (StageReader.Entry stage : stages) {
            for (int i = 0; i < stage.tierNodes().size(); i++) {
                String name = stage.spec().tiers().get(i);
                Node at = stage.tierNodes().get(i);
                Integer earlier = stageOf.putIfAbsent(name, stage.number());
                if (!byName.containsKey(name)) {
                    errors.at(at, "unknown tier '" + name + "' in stage " + stage.number() + ": "
                            + Suggestions.hint(name, byName.keySet()) + "the tiers are "
                            + String.join(", ", names(tiers)));
                } else if (earlier != null) {
                    errors.at(at, "tier '" + name + "' is already in stage " + earlier + ": a tier belongs to one stage");
                }
            }
        }
        for (TierReader.Entry tier : byName.values()) {
            if (!tier.spec().name().isEmpty() && !stageOf.containsKey(tier.spec().name())) {
                errors.at(tier.at(), "tier " + tier.spec().name() + " is in no stage: add it to one, or remove it");
            }
        }
        checkGpus(tiers, stages, byName, job, errors);
    }

    /** The routing ladder: with {@code gpu: required} or {@code per-job}, GPU jobs must find a tier in every stage. */
    private static void checkGpus(List<TierReader.Entry> tiers, List<StageReader.Entry> stages,
            Map<String, TierReader.Entry> byName, JobReader.Result job, Errors errors) {
        GpuMode mode = job.spec().gpu();
        if (!mode.needsGpuTiers() || tiers.isEmpty()) {
            return;
        }
        String why = "job.gpu is " + mode.wireName();
        if (tiers.stream().noneMatch(t -> t.spec().hasGpu())) {
            errors.at(job.gpuNode().orElseThrow(), why + " but no tier has a GPU: give a tier in every stage gpus: 1 or more");
            return;
        }
        for (StageReader.Entry stage : stages) {
            boolean hasGpuTier = stage.spec().tiers().stream()
                    .map(byName::get).anyMatch(t -> t != null && t.spec().hasGpu());
            if (!hasGpuTier && !stage.spec().tiers().isEmpty()) {
                errors.at(stage.at(), "stage " + stage.number() + " has no GPU tier: GPU jobs would skip phasing there ("
                        + why + "; add a tier with gpus: 1 or more to this stage)");
            }
        }
        if (mode == GpuMode.REQUIRED) {
            tiers.stream().filter(t -> !t.spec().hasGpu() && !t.spec().name().isEmpty()).forEach(t -> errors.at(t.gpusAt(),
                    "tier '" + t.spec().name() + "' has no GPU, but " + why + ": every job needs one (give it gpus: 1 or more)"));
        }
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static List<String> names(List<TierReader.Entry> tiers) {
        return tiers.stream().map(TierReader.Entry::spec).map(TierSpec::name).distinct().toList();
    }
}
