package dev.drover.rollout;

import dev.drover.judge.TierVerdict;
import java.time.Instant;
import java.util.List;

/**
 * A stage of a rollout as it ran: when, how it ended ({@code passed}, {@code promoted} by a person,
 * {@code failed}, {@code stopped}), and the latest verdict of every tier and gate.
 */
public record StageRecord(long rolloutId, int stage, List<String> tiers, Instant startedAt, Instant endedAt,
                          String outcome, List<TierVerdict> verdicts) {

    public StageRecord {
        tiers = List.copyOf(tiers);
        verdicts = List.copyOf(verdicts);
    }

    public StageRecord withVerdicts(List<TierVerdict> latest) {
        return new StageRecord(rolloutId, stage, tiers, startedAt, endedAt, outcome, latest);
    }

    public StageRecord ended(String how, Instant at) {
        return new StageRecord(rolloutId, stage, tiers, startedAt, at, how, verdicts);
    }
}
