package dev.drover.rollout;

import dev.drover.tier.TierState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Plans a person's rollback or abort: no analysis, every tier at once, preempting the rollout's leader. */
final class Rollbacks {
    private final RolloutStore rollouts;
    private final List<TierState> states;
    private final Instant now;

    Rollbacks(RolloutStore rollouts, List<TierState> states, Instant now) {
        this.rollouts = rollouts;
        this.states = states;
        this.now = now;
    }

    Transition rollback(long serviceId, Optional<Integer> to, Optional<String> tier, boolean cancelRunning, String by,
                        String reason) {
        Optional<Rollout> inFlight = inFlight(serviceId);
        DeployLock lock = rollouts.lock(serviceId);
        Transition.Builder t = Transition.on(serviceId, lock.fence()).preempt();
        String why = "rolled back by " + by + ": " + reason;
        if (tier.isPresent() && states.stream().noneMatch(s -> s.tier().equals(tier.get()))) {
            throw new Refusal("tier '" + tier.get() + "' has no live state", false);
        }
        if (inFlight.isPresent()) {
            if (tier.isPresent()) {
                throw new Refusal("a rollout of revision " + inFlight.get().revision() + " is in flight: roll back "
                        + "the whole service, or abort the rollout first", false);
            }
            Rollout r = inFlight.get();
            if (to.isPresent()) {
                states.forEach(s -> t.tier(TierChange.stable(s.tier(), to.get())));
            } else {
                Moves.putBack(t, r);
            }
            t.save(r.withState(RolloutState.ROLLED_BACK, why, now)).reroute(r.revision()).releaseLease();
            rollouts.stages(r.id()).stream().filter(s -> s.stage() == r.stage() && s.endedAt() == null)
                    .findFirst().ifPresent(s -> t.stage(s.ended("stopped", now)));
            if (cancelRunning) {
                t.cancel(r.revision());
            }
            event(t, serviceId, r.id(), RolloutEvent.Kind.ROLLED_BACK, "revision " + r.revision() + " " + why);
        } else {
            List<TierState> affected = states.stream().filter(s -> tier.isEmpty() || s.tier().equals(tier.get())).toList();
            for (TierState s : affected) {
                Integer target = to.orElse(s.previousStable());
                if (target == null) {
                    throw new Refusal("nothing to roll back to on tier " + s.tier() + ": revision " + s.stable()
                            + " is the first it ran (name one with --to)", false);
                }
                t.tier(TierChange.stable(s.tier(), target));
                if (s.stable() != null && !s.stable().equals(target)) {
                    t.reroute(s.stable());
                    if (cancelRunning) {
                        t.cancel(s.stable());
                    }
                }
            }
            event(t, serviceId, null, RolloutEvent.Kind.ROLLED_BACK, (tier.map(x -> "tier " + x).orElse("every tier"))
                    + " back on revision " + to.map(String::valueOf).orElse("each tier's previous stable") + ": " + why);
        }
        t.lock(new Transition.LockChange(DeployLock.Kind.ROLLBACK, by, why));
        event(t, serviceId, inFlight.map(Rollout::id).orElse(null), RolloutEvent.Kind.LOCKED, "service locked: " + why);
        return t.build();
    }

    Transition abort(long serviceId, String by, String reason) {
        List<Rollout> open = rollouts.open(serviceId);
        if (open.isEmpty()) {
            throw new Refusal("no rollout is in flight or queued", false);
        }
        DeployLock lock = rollouts.lock(serviceId);
        Transition.Builder t = Transition.on(serviceId, lock.fence()).preempt();
        String why = "aborted by " + by + ": " + reason;
        Optional<Rollout> inFlight = inFlight(serviceId);
        List<Rollout> stopped = inFlight.map(List::of).orElse(open);
        for (Rollout r : stopped) {
            if (r.state().inFlight()) {
                Moves.putBack(t, r);
                t.reroute(r.revision()).releaseLease();
                rollouts.stages(r.id()).stream().filter(s -> s.stage() == r.stage() && s.endedAt() == null)
                        .findFirst().ifPresent(s -> t.stage(s.ended("stopped", now)));
            }
            t.save(r.withState(RolloutState.ABORTED, why, now));
            event(t, serviceId, r.id(), RolloutEvent.Kind.ABORTED, "rollout of revision " + r.revision() + " " + why);
        }
        return t.build();
    }

    private Optional<Rollout> inFlight(long serviceId) {
        return rollouts.open(serviceId).stream().filter(r -> r.state().inFlight()).findFirst();
    }

    private void event(Transition.Builder t, long serviceId, Long rolloutId, RolloutEvent.Kind kind, String message) {
        t.event(RolloutEvent.of(serviceId, rolloutId, kind, message, now));
    }
}
