package dev.drover.spec.yaml;

import dev.drover.spec.KnownTarget;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** With the controller's targets in hand: each tier names a known target with enough GPUs per host. */
final class TargetCheck {

    private TargetCheck() {
    }

    static void check(List<TierReader.Entry> tiers, Collection<KnownTarget> known, Errors errors) {
        Map<String, KnownTarget> byName = known.stream()
                .collect(Collectors.toMap(KnownTarget::name, Function.identity(), (a, b) -> a));
        List<String> names = known.stream().map(KnownTarget::name).sorted().toList();
        for (TierReader.Entry tier : tiers) {
            String target = tier.spec().target();
            if (target.isEmpty()) {
                continue;
            }
            KnownTarget found = byName.get(target);
            if (found == null) {
                errors.at(tier.targetAt(), "unknown target '" + target + "': the controller knows "
                        + (names.isEmpty() ? "no targets" : String.join(", ", names))
                        + Suggestions.closest(target, names).map(c -> " (did you mean '" + c + "'?)").orElse(""));
            } else if (tier.spec().gpus() > found.gpus()) {
                errors.at(tier.gpusAt(), "tier '" + tier.spec().name() + "' asks for " + tier.spec().gpus()
                        + " GPUs but target '" + target + "' has " + found.gpus() + " per host");
            }
        }
    }
}
