package dev.drover.job;

import dev.drover.revision.Revision;
import dev.drover.revision.RevisionSpec;
import dev.drover.revision.RevisionStore;
import dev.drover.tier.TierState;
import dev.drover.tier.TierStateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Routing: a job goes, among the tiers that can run it (a GPU job only to GPU tiers), to one by
 * weight. A tier is defined by the spec of its stable revision (policy comes from the stable side), or
 * of its candidate while a first revision has no stable one yet.
 */
public final class Routes {
    private final TierStateStore tiers;
    private final RevisionStore revisions;
    private final RandomGenerator random;

    public Routes(TierStateStore tiers, RevisionStore revisions, RandomGenerator random) {
        this.tiers = tiers;
        this.revisions = revisions;
        this.random = random;
    }

    /** A live tier with its definition. */
    public record LiveTier(TierState state, RevisionSpec.Tier definition, RevisionSpec stableSpec) {
    }

    /** The chosen tier, or why there is none. */
    public record Route(Optional<String> tier, String reason) {
    }

    public List<LiveTier> live(long serviceId) {
        List<LiveTier> live = new ArrayList<>();
        for (TierState state : tiers.list(serviceId)) {
            Integer defining = state.stable() != null ? state.stable() : state.candidate(); // a first revision: its own
            if (defining == null) {
                continue;
            }
            revisions.find(serviceId, defining).map(Revision::spec).ifPresent(spec ->
                    spec.tier(state.tier()).ifPresent(def -> live.add(new LiveTier(state, def, spec))));
        }
        return live;
    }

    public Route route(long serviceId, boolean requiresGpu) {
        List<LiveTier> live = live(serviceId);
        if (live.isEmpty()) {
            return new Route(Optional.empty(), "no revision is deployed on this service's tiers: drover deploy SERVICE --revision N");
        }
        List<LiveTier> able = live.stream().filter(t -> !requiresGpu || t.definition().gpus() > 0).toList();
        if (able.isEmpty()) {
            return new Route(Optional.empty(), "the job needs a GPU and no tier has GPUs (tiers: "
                    + String.join(", ", live.stream().map(t -> t.state().tier()).toList()) + ")");
        }
        double total = able.stream().mapToDouble(t -> t.definition().weight()).sum();
        double pick = random.nextDouble() * total;
        for (LiveTier tier : able) {
            pick -= tier.definition().weight();
            if (pick < 0) {
                return new Route(Optional.of(tier.state().tier()), null);
            }
        }
        return new Route(Optional.of(able.get(able.size() - 1).state().tier()), null);
    }

    /** Revision and arm for a job's first dispatch on its tier. */
    public Choice choose(Job job, TierState state) {
        if (job.pinnedRevision() != null) {
            return new Choice(job.pinnedRevision(), Arm.PINNED);
        }
        if (state.candidate() != null && (state.stable() == null || random.nextDouble() < state.split())) {
            return new Choice(state.candidate(), Arm.CANDIDATE);
        }
        return new Choice(state.stable(), state.candidate() == null ? Arm.STABLE : Arm.BASELINE);
    }

    /** The revision and arm a job runs on. */
    public record Choice(int revision, Arm arm) {
    }
}
