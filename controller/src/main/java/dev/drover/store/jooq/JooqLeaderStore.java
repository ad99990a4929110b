package dev.drover.store.jooq;

import static dev.drover.store.jooq.schema.Tables.CONTROLLER_REPLICA;
import static dev.drover.store.jooq.schema.Tables.LEADER;

import dev.drover.store.jooq.schema.tables.records.LeaderRecord;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The controller-wide lead and the replicas' presence, on the database's clock (replicas' clocks may differ).
 * One row leads; a row per leader-id says which process uses that id and when it was last seen.
 */
public final class JooqLeaderStore {
    private static final String ROW = "controller";

    private final DSLContext dsl;

    public JooqLeaderStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Who uses a leader-id: its process and when it was last seen, by the database's clock. */
    public record Presence(String instance, OffsetDateTime seenAt, OffsetDateTime dbNow) {
        public Duration age() {
            return Duration.between(seenAt, dbNow);
        }
    }

    /** The process that last used {@code leaderId}, if any did. */
    public Optional<Presence> presence(String leaderId) {
        OffsetDateTime now = dsl.select(DSL.currentOffsetDateTime()).fetchSingle().value1();
        return dsl.selectFrom(CONTROLLER_REPLICA).where(CONTROLLER_REPLICA.LEADER_ID.eq(leaderId)).fetchOptional()
                .map(r -> new Presence(r.getInstance(), r.getSeenAt(), now));
    }

    /** This process takes {@code leaderId} (after {@link #presence} showed no live process using it). */
    public void claim(String leaderId, String instance) {
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.deleteFrom(CONTROLLER_REPLICA).where(CONTROLLER_REPLICA.LEADER_ID.eq(leaderId)).execute();
            t.insertInto(CONTROLLER_REPLICA).set(CONTROLLER_REPLICA.LEADER_ID, leaderId)
                    .set(CONTROLLER_REPLICA.INSTANCE, instance)
                    .set(CONTROLLER_REPLICA.STARTED_AT, DSL.currentOffsetDateTime())
                    .set(CONTROLLER_REPLICA.SEEN_AT, DSL.currentOffsetDateTime()).execute();
        });
    }

    /** This process is still here; false when another process took its leader-id meanwhile. */
    public boolean seen(String leaderId, String instance) {
        return dsl.update(CONTROLLER_REPLICA).set(CONTROLLER_REPLICA.SEEN_AT, DSL.currentOffsetDateTime())
                .where(CONTROLLER_REPLICA.LEADER_ID.eq(leaderId).and(CONTROLLER_REPLICA.INSTANCE.eq(instance)))
                .execute() == 1;
    }

    /** A clean stop: the leader-id is free at once, and so is the lead if this process held it. */
    public void leave(String leaderId, String instance) {
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.deleteFrom(CONTROLLER_REPLICA)
                    .where(CONTROLLER_REPLICA.LEADER_ID.eq(leaderId).and(CONTROLLER_REPLICA.INSTANCE.eq(instance))).execute();
            t.update(LEADER).setNull(LEADER.HOLDER).setNull(LEADER.INSTANCE).setNull(LEADER.EXPIRES_AT)
                    .where(LEADER.NAME.eq(ROW).and(LEADER.INSTANCE.eq(instance))).execute();
        });
    }

    /** Who leads now, by leader-id, while their lead lasts. */
    public Optional<String> leader() {
        return dsl.selectFrom(LEADER).where(LEADER.NAME.eq(ROW).and(LEADER.EXPIRES_AT.gt(DSL.currentOffsetDateTime())))
                .fetchOptional().map(LeaderRecord::getHolder);
    }

    /**
     * Takes or renews the lead for {@code lease}: renewed when this process holds it, taken when it is free, has
     * lapsed, or was held under this same leader-id (a predecessor that died: {@link #claim} made sure of it).
     * Returns the lead's fence while this process leads, else empty.
     */
    public Optional<Long> lead(String leaderId, String instance, Duration lease) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            t.insertInto(LEADER).set(LEADER.NAME, ROW).set(LEADER.FENCE, 0L).onConflictDoNothing().execute();
            LeaderRecord r = t.selectFrom(LEADER).where(LEADER.NAME.eq(ROW)).forUpdate().fetchSingle();
            OffsetDateTime now = t.select(DSL.currentOffsetDateTime()).fetchSingle().value1();
            boolean mine = instance.equals(r.getInstance());
            boolean free = r.getExpiresAt() == null || !r.getExpiresAt().isAfter(now) || leaderId.equals(r.getHolder());
            if (!mine && !free) {
                return Optional.empty();
            }
            long fence = mine ? r.getFence() : r.getFence() + 1;
            t.update(LEADER).set(LEADER.HOLDER, leaderId).set(LEADER.INSTANCE, instance)
                    .set(LEADER.EXPIRES_AT, now.plus(lease)).set(LEADER.FENCE, fence).where(LEADER.NAME.eq(ROW)).execute();
            return Optional.of(fence);
        });
    }
}
