package dev.drover.rollout;

import dev.drover.tier.TierState;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reading a service's tiers: which revision is stable where. */
final class Stables {
    private Stables() {
    }

    static Map<String, TierState> byTier(List<TierState> states) {
        Map<String, TierState> map = new LinkedHashMap<>();
        states.forEach(s -> map.put(s.tier(), s));
        return map;
    }

    /** The service's stable revision: the one most tiers run as stable (the newest on a tie); null when none. */
    static Integer current(List<TierState> states) {
        Map<Integer, Long> counts = states.stream().map(TierState::stable).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<Integer, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** Whether every tier has {@code revision} as stable and no candidate. */
    static boolean stableEverywhere(List<TierState> states, int revision) {
        return !states.isEmpty() && states.stream()
                .allMatch(s -> Objects.equals(s.stable(), revision) && s.candidate() == null);
    }
}
