package dev.drover.rollout;

import dev.drover.revision.RevisionStore;
import dev.drover.store.StaleVersionException;
import dev.drover.tier.TierState;
import dev.drover.tier.TierStateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What people ask of rollouts: deploy (a request, queued behind the lock), rollback and abort (they
 * always go through: they preempt whoever leads and bump the fencing token), lock and unlock, and
 * promote (passing stages past the judge). Each is one fenced transition, retried on a race.
 */
public final class RolloutCommands {
    private static final int TRIES = 5;

    private final RolloutStore rollouts;
    private final TierStateStore tiers;
    private final RevisionStore revisions;
    private final Consumer<RolloutEvent> publish;
    private final Clock clock;

    public RolloutCommands(RolloutStore rollouts, TierStateStore tiers, RevisionStore revisions,
                           Consumer<RolloutEvent> publish, Clock clock) {
        this.rollouts = rollouts;
        this.tiers = tiers;
        this.revisions = revisions;
        this.publish = publish;
        this.clock = clock;
    }

    /** Requests a rollout of {@code revision}; clears a rollback's lock, and a person's only when forced. */
    public Rollout deploy(long serviceId, int revision, String by, String reason, boolean force) {
        if (revisions.find(serviceId, revision).isEmpty()) {
            throw new Refusal("revision " + revision + " does not exist", false);
        }
        DeployLock lock = rollouts.lock(serviceId);
        if (lock.kind() == DeployLock.Kind.PERSON && !force) {
            throw new Refusal("service is " + lock.describe() + " (drover unlock, or deploy --force)", true);
        }
        List<Rollout> open = rollouts.open(serviceId);
        Optional<Rollout> same = open.stream().filter(r -> r.revision() == revision).findFirst();
        if (same.isPresent()) {
            return same.get();
        }
        boolean inFlight = open.stream().anyMatch(r -> r.state().inFlight());
        if (!inFlight && Stables.stableEverywhere(tiers.list(serviceId), revision)) {
            throw new Refusal("revision " + revision + " is already stable on every tier", false);
        }
        if (lock.locked()) {
            retrying(() -> {
                DeployLock now = rollouts.lock(serviceId);
                return now.locked() ? Optional.of(unlockTransition(now, by, "cleared by " + by + "'s deploy of revision "
                        + revision + (force ? " (forced)" : ""))) : Optional.empty();
            });
        }
        return rollouts.request(serviceId, revision, false, force, by, reason, clock.instant());
    }

    /**
     * Every tier (or {@code tier}) onto the target revision at once: by default, during a rollout its
     * baselines, otherwise each tier's previous stable revision. Locks the service against automatic
     * redeploys; an explicit deploy or unlock clears that.
     */
    public void rollback(long serviceId, Optional<Integer> to, Optional<String> tier, boolean cancelRunning, String by,
                         String reason) {
        if (to.isPresent() && revisions.find(serviceId, to.get()).isEmpty()) {
            throw new Refusal("revision " + to.get() + " does not exist", false);
        }
        retrying(() -> Optional.of(new Rollbacks(rollouts, tiers.list(serviceId), clock.instant())
                .rollback(serviceId, to, tier, cancelRunning, by, reason)));
    }

    /** Stops the rollout in flight (or the queued ones) and returns its tiers to their stable revisions. */
    public void abort(long serviceId, String by, String reason) {
        retrying(() -> Optional.of(new Rollbacks(rollouts, tiers.list(serviceId), clock.instant())
                .abort(serviceId, by, reason)));
    }

    public void lock(long serviceId, String by, String reason) {
        retrying(() -> {
            DeployLock lock = rollouts.lock(serviceId);
            Instant now = clock.instant();
            return Optional.of(Transition.on(serviceId, lock.fence())
                    .lock(new Transition.LockChange(DeployLock.Kind.PERSON, by, reason))
                    .event(RolloutEvent.of(serviceId, null, RolloutEvent.Kind.LOCKED, "locked by " + by + ": " + reason, now))
                    .build());
        });
    }

    public void unlock(long serviceId, String by) {
        retrying(() -> {
            DeployLock lock = rollouts.lock(serviceId);
            if (!lock.locked()) {
                throw new Refusal("service is not locked", false);
            }
            return Optional.of(unlockTransition(lock, by, "unlocked by " + by));
        });
    }

    /** Passes the current stage ({@code full}: every remaining stage) without waiting for the judge. */
    public Rollout promote(long serviceId, boolean full, String by) {
        Rollout[] promoted = new Rollout[1];
        retrying(() -> {
            Rollout r = rollouts.open(serviceId).stream().filter(x -> x.state().inFlight()).findFirst()
                    .orElseThrow(() -> new Refusal("no rollout is in flight", false));
            int through = full ? r.policy().stages().size() - 1 : r.stage();
            Instant now = clock.instant();
            promoted[0] = r.promotedThrough(through, now);
            Rollout running = r.state() == RolloutState.PAUSED ? promoted[0].withState(RolloutState.RUNNING, r.note(), now)
                    : promoted[0];
            return Optional.of(Transition.on(serviceId, rollouts.lock(serviceId).fence()).save(running)
                    .event(RolloutEvent.of(serviceId, r.id(), RolloutEvent.Kind.STAGE_PASSED, by + " promoted "
                            + (full ? "every remaining stage" : "stage " + (r.stage() + 1)) + " past the judge", now))
                    .build());
        });
        return promoted[0];
    }

    private Transition unlockTransition(DeployLock lock, String by, String why) {
        Instant now = clock.instant();
        return Transition.on(lock.serviceId(), lock.fence()).lock(Transition.LockChange.clear())
                .event(RolloutEvent.of(lock.serviceId(), null, RolloutEvent.Kind.UNLOCKED, why
                        + " (was " + lock.describe() + ")", now)).build();
    }

    private void retrying(Supplier<Optional<Transition>> plan) {
        for (int attempt = 1; ; attempt++) {
            Optional<Transition> transition = plan.get();
            if (transition.isEmpty()) {
                return;
            }
            try {
                rollouts.apply(transition.get()).forEach(publish);
                return;
            } catch (StaleVersionException e) {
                if (attempt >= TRIES) {
                    throw e;
                }
            }
        }
    }

    /** The default rollback target of each tier outside a rollout: the revision stable before the current one. */
    static Map<String, Integer> previous(List<TierState> states) {
        Map<String, Integer> out = new HashMap<>();
        states.forEach(s -> out.put(s.tier(), s.previousStable()));
        return out;
    }
}
