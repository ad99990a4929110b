package dev.drover.tier;

import java.time.Instant;

/**
 * One tier's live revisions: jobs go to {@code candidate} with probability {@code split}, else to {@code stable}.
 *
 * @param previousStable the revision that was stable here before {@code stable} (a rollback's default target)
 */
public record TierState(long serviceId, String tier, Integer stable, Integer candidate, double split,
                        Integer previousStable, Instant updatedAt, long version) {
}
