package dev.drover.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything one decision changes, written in one transaction that first checks the fencing token (and
 * each rollout's version): rollouts, stage records, tiers, the lock, queued and running jobs, and the
 * events to publish once it has committed. Every part sets absolute values, so applying it twice is
 * the same as once.
 *
 * @param bumpFence  a person's rollback or abort: preempts whoever leads the rollout
 * @param lock       empty: unchanged
 * @param reroute    a revision whose queued candidate jobs get their revision chosen again at dispatch
 * @param cancel     a revision whose running (unpinned) jobs are cancelled
 */
public record Transition(long serviceId, long fence, boolean bumpFence, List<Rollout> rollouts,
                         List<StageRecord> stages, List<TierChange> tiers, Optional<LockChange> lock,
                         boolean releaseLease, Optional<Integer> reroute, Optional<Integer> cancel,
                         List<RolloutEvent> events) {

    public Transition {
        rollouts = List.copyOf(rollouts);
        stages = List.copyOf(stages);
        tiers = List.copyOf(tiers);
        events = List.copyOf(events);
    }

    /** Sets or clears the lock. */
    public record LockChange(DeployLock.Kind kind, String by, String reason) {
        public static LockChange clear() {
            return new LockChange(null, null, null);
        }
    }

    public static Builder on(long serviceId, long fence) {
        return new Builder(serviceId, fence);
    }

    /** Collects a transition's parts. */
    public static final class Builder {
        private final long serviceId;
        private final long fence;
        private boolean bumpFence;
        private final List<Rollout> rollouts = new ArrayList<>();
        private final List<StageRecord> stages = new ArrayList<>();
        private final List<TierChange> tiers = new ArrayList<>();
        private LockChange lock;
        private boolean releaseLease;
        private Integer reroute;
        private Integer cancel;
        private final List<RolloutEvent> events = new ArrayList<>();

        private Builder(long serviceId, long fence) {
            this.serviceId = serviceId;
            this.fence = fence;
        }

        public Builder preempt() {
            bumpFence = true;
            return this;
        }

        public Builder save(Rollout rollout) {
            rollouts.add(rollout);
            return this;
        }

        public Builder stage(StageRecord stage) {
            stages.add(stage);
            return this;
        }

        public Builder tier(TierChange change) {
            tiers.removeIf(t -> t.tier().equals(change.tier()));
            tiers.add(change);
            return this;
        }

        public Builder lock(LockChange change) {
            lock = change;
            return this;
        }

        public Builder releaseLease() {
            releaseLease = true;
            return this;
        }

        public Builder reroute(int revision) {
            reroute = revision;
            return this;
        }

        public Builder cancel(int revision) {
            cancel = revision;
            return this;
        }

        public Builder event(RolloutEvent event) {
            events.add(event);
            return this;
        }

        public Transition build() {
            return new Transition(serviceId, fence, bumpFence, rollouts, stages, tiers, Optional.ofNullable(lock),
                    releaseLease, Optional.ofNullable(reroute), Optional.ofNullable(cancel), events);
        }
    }
}
