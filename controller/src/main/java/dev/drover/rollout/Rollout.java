package dev.drover.rollout;

import java.time.Instant;
import java.util.Map;

/**
 * One rollout of {@code revision} on a service (a request for one while queued).
 *
 * @param fromRevision   the service's stable revision when it started (null: the first revision, a bootstrap)
 * @param stage          index of the current stage in {@code policy}
 * @param policy         compiled at start from the stable side; null while queued
 * @param baselines      each touched tier's stable revision before the rollout touched it (0: none)
 * @param note           what it is waiting for or why it stopped, in words
 * @param promoteThrough a person's override: stages up to this index pass without the judge (-1: none)
 * @param automatic      requested by the commit queue rather than by a person
 * @param forced         requested with --force against a person's lock
 */
public record Rollout(long id, long serviceId, int revision, Integer fromRevision, RolloutState state, int stage,
                      Instant stageStartedAt, Policy policy, Map<String, Integer> baselines, String note,
                      int promoteThrough, boolean automatic, boolean forced, String requestedBy, String reason,
                      Instant requestedAt, Instant startedAt, Instant finishedAt, Instant updatedAt, long version) {

    public Rollout {
        baselines = Map.copyOf(baselines);
    }

    public boolean bootstrap() {
        return fromRevision == null;
    }

    public Rollout started(Policy compiled, Integer from, Instant now) {
        return new Rollout(id, serviceId, revision, from, RolloutState.RUNNING, 0, now, compiled, baselines, note,
                promoteThrough, automatic, forced, requestedBy, reason, requestedAt, now, null, now, version);
    }

    public Rollout withStage(int index, Instant now, Map<String, Integer> newBaselines) {
        return new Rollout(id, serviceId, revision, fromRevision, state, index, now, policy, newBaselines, note,
                promoteThrough, automatic, forced, requestedBy, reason, requestedAt, startedAt, finishedAt, now, version);
    }

    public Rollout withState(RolloutState next, String why, Instant now) {
        return new Rollout(id, serviceId, revision, fromRevision, next, stage, stageStartedAt, policy, baselines, why,
                promoteThrough, automatic, forced, requestedBy, reason, requestedAt, startedAt,
                next.open() ? finishedAt : now, now, version);
    }

    public Rollout withNote(String why, Instant now) {
        return withState(state, why, now);
    }

    public Rollout promotedThrough(int index, Instant now) {
        return new Rollout(id, serviceId, revision, fromRevision, state, stage, stageStartedAt, policy, baselines, note,
                index, automatic, forced, requestedBy, reason, requestedAt, startedAt, finishedAt, now, version);
    }
}
