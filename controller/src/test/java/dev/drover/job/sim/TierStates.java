package dev.drover.job.sim;

import static dev.drover.store.jooq.schema.Tables.TIER_STATE;

import dev.drover.store.jooq.Database;
import dev.drover.store.jooq.JooqTierStateStore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Puts a service's tiers on a stable revision and, optionally, a candidate at a split. The store has
 * only {@code deployAll} (stable, no candidate) until the rollout engine sets candidates, so the
 * candidate is written to the table directly here, for tests only.
 */
public final class TierStates {
    private TierStates() {
    }

    public static void put(Database database, long serviceId, List<String> tiers, int stable, Integer candidate,
                           double split, Instant now) {
        new JooqTierStateStore(database.dsl()).deployAll(serviceId, tiers, stable, now);
        if (candidate == null) {
            return;
        }
        database.dsl().update(TIER_STATE)
                .set(TIER_STATE.CANDIDATE_REVISION, candidate)
                .set(TIER_STATE.SPLIT, split)
                .set(TIER_STATE.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .set(TIER_STATE.VERSION, TIER_STATE.VERSION.plus(1))
                .where(TIER_STATE.SERVICE_ID.eq(serviceId))
                .execute();
    }
}
