package dev.drover.tier;

import java.time.Instant;

/** One tier's live revisions: jobs go to {@code candidate} with probability {@code split}, else to {@code stable}. */
public record TierState(long serviceId, String tier, Integer stable, Integer candidate, double split, Instant updatedAt,
                        long version) {
}
