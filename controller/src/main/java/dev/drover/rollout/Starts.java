package dev.drover.rollout;

import dev.drover.revision.Revision;
import dev.drover.revision.RevisionSpec;
import dev.drover.revision.RevisionStore;
import dev.drover.tier.TierState;
import dev.drover.tier.TierStateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which queued rollout starts, when no rollout is in flight: the oldest, unless a newer automatic
 * request overtook an automatic one (it is superseded), the service is locked (it waits, saying why),
 * or its revision is already stable everywhere (nothing to do).
 */
final class Starts {
    private final RolloutStore rollouts;
    private final TierStateStore tiers;
    private final RevisionStore revisions;
    private final PolicyCompiler compiler;
    private final Clock clock;

    Starts(RolloutStore rollouts, TierStateStore tiers, RevisionStore revisions, PolicyCompiler compiler, Clock clock) {
        this.rollouts = rollouts;
        this.tiers = tiers;
        this.revisions = revisions;
        this.compiler = compiler;
        this.clock = clock;
    }

    Optional<Transition> next(long serviceId, List<Rollout> queued, long fence) {
        Instant now = clock.instant();
        Rollout next = queued.get(0);
        Optional<Rollout> newer = queued.stream().skip(1).filter(r -> r.automatic() && r.revision() > next.revision())
                .findFirst();
        if (next.automatic() && newer.isPresent()) {
            return Optional.of(end(next, RolloutState.SUPERSEDED, "superseded by revision " + newer.get().revision(),
                    RolloutEvent.Kind.SUPERSEDED, fence, now));
        }
        DeployLock lock = rollouts.lock(serviceId);
        if (lock.locked()) {
            String note = "waiting: " + lock.describe();
            return note.equals(next.note()) ? Optional.empty()
                    : Optional.of(Transition.on(serviceId, fence).save(next.withNote(note, now)).build());
        }
        List<TierState> states = tiers.list(serviceId);
        if (Stables.stableEverywhere(states, next.revision())) {
            return Optional.of(end(next, RolloutState.SUPERSEDED, "revision " + next.revision()
                    + " is already stable on every tier", RolloutEvent.Kind.SUPERSEDED, fence, now));
        }
        Optional<Revision> candidate = revisions.find(serviceId, next.revision());
        Integer from = Stables.current(states);
        Optional<RevisionSpec> governing = (from == null ? candidate : revisions.find(serviceId, from)).map(Revision::spec);
        if (candidate.isEmpty() || governing.isEmpty() || governing.get().stages().isEmpty()) {
            return Optional.of(end(next, RolloutState.ABORTED, candidate.isEmpty()
                    ? "revision " + next.revision() + " does not exist"
                    : "the governing revision has no stages to walk (its drover.yaml lists no tiers)",
                    RolloutEvent.Kind.ABORTED, fence, now));
        }
        Policy policy = compiler.compile(governing.get());
        return Optional.of(Moves.start(next, policy, from, Stables.byTier(states), fence, now));
    }

    private static Transition end(Rollout rollout, RolloutState state, String why, RolloutEvent.Kind kind, long fence,
                                  Instant now) {
        return Transition.on(rollout.serviceId(), fence).save(rollout.withState(state, why, now))
                .event(RolloutEvent.of(rollout.serviceId(), rollout.id(), kind, why, now)).build();
    }
}
