package dev.drover.store.jooq;

import static dev.drover.store.jooq.Timestamps.fromColumn;
import static dev.drover.store.jooq.Timestamps.toColumn;
import static dev.drover.store.jooq.schema.Tables.TIER_STATE;

import dev.drover.store.jooq.schema.tables.records.TierStateRecord;
import dev.drover.tier.TierState;
import dev.drover.tier.TierStateStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

public final class JooqTierStateStore implements TierStateStore {
    private final DSLContext dsl;

    public JooqTierStateStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<TierState> list(long serviceId) {
        return dsl.selectFrom(TIER_STATE).where(TIER_STATE.SERVICE_ID.eq(serviceId)).orderBy(TIER_STATE.TIER)
                .fetch(JooqTierStateStore::toState);
    }

    @Override
    public Optional<TierState> find(long serviceId, String tier) {
        return dsl.selectFrom(TIER_STATE).where(TIER_STATE.SERVICE_ID.eq(serviceId).and(TIER_STATE.TIER.eq(tier)))
                .fetchOptional().map(JooqTierStateStore::toState);
    }

    @Override
    public void deployAll(long serviceId, List<String> tiers, int revision, Instant now) {
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.deleteFrom(TIER_STATE).where(TIER_STATE.SERVICE_ID.eq(serviceId).and(TIER_STATE.TIER.notIn(tiers))).execute();
            for (String tier : tiers) {
                t.insertInto(TIER_STATE)
                        .set(TIER_STATE.SERVICE_ID, serviceId)
                        .set(TIER_STATE.TIER, tier)
                        .set(TIER_STATE.STABLE_REVISION, revision)
                        .setNull(TIER_STATE.CANDIDATE_REVISION)
                        .set(TIER_STATE.SPLIT, 0.0)
                        .set(TIER_STATE.UPDATED_AT, toColumn(now))
                        .set(TIER_STATE.VERSION, 1L)
                        .onConflict(TIER_STATE.SERVICE_ID, TIER_STATE.TIER)
                        .doUpdate()
                        .set(TIER_STATE.STABLE_REVISION, revision)
                        .setNull(TIER_STATE.CANDIDATE_REVISION)
                        .set(TIER_STATE.SPLIT, 0.0)
                        .set(TIER_STATE.UPDATED_AT, toColumn(now))
                        .set(TIER_STATE.VERSION, TIER_STATE.VERSION.plus(1))
                        .execute();
            }
        });
    }

    private static TierState toState(TierStateRecord r) {
        return new TierState(r.getServiceId(), r.getTier(), r.getStableRevision(), r.getCandidateRevision(), r.getSplit(),
                r.getPreviousStable(), fromColumn(r.getUpdatedAt()), r.getVersion());
    }
}
