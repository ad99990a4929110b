package dev.drover.store.jooq;

import static dev.drover.store.jooq.schema.Tables.JOB;
import static dev.drover.store.jooq.schema.Tables.TIER_STATE;

import dev.drover.job.Arm;
import dev.drover.job.JobStatus;
import dev.drover.rollout.TierChange;
import dev.drover.store.jooq.schema.tables.records.TierStateRecord;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The tier and job writes of a rollout transition, inside its transaction. */
final class TierWrites {
    private TierWrites() {
    }

    /** Each tier set as a whole; a tier whose stable revision changes remembers the one before. */
    static void apply(DSLContext t, long serviceId, List<TierChange> changes) {
        for (TierChange c : changes) {
            TierStateRecord row = t.selectFrom(TIER_STATE)
                    .where(TIER_STATE.SERVICE_ID.eq(serviceId).and(TIER_STATE.TIER.eq(c.tier()))).forUpdate().fetchOne();
            if (row == null) {
                t.insertInto(TIER_STATE).set(TIER_STATE.SERVICE_ID, serviceId).set(TIER_STATE.TIER, c.tier())
                        .set(TIER_STATE.STABLE_REVISION, c.stable()).set(TIER_STATE.CANDIDATE_REVISION, c.candidate())
                        .set(TIER_STATE.SPLIT, c.split()).set(TIER_STATE.UPDATED_AT, DSL.currentOffsetDateTime())
                        .set(TIER_STATE.VERSION, 1L).execute();
                continue;
            }
            Integer previous = row.getStableRevision() != null && !Objects.equals(row.getStableRevision(), c.stable())
                    ? row.getStableRevision() : row.getPreviousStable();
            t.update(TIER_STATE).set(TIER_STATE.STABLE_REVISION, c.stable())
                    .set(TIER_STATE.CANDIDATE_REVISION, c.candidate()).set(TIER_STATE.SPLIT, c.split())
                    .set(TIER_STATE.PREVIOUS_STABLE, previous).set(TIER_STATE.UPDATED_AT, DSL.currentOffsetDateTime())
                    .set(TIER_STATE.VERSION, TIER_STATE.VERSION.plus(1))
                    .where(TIER_STATE.SERVICE_ID.eq(serviceId).and(TIER_STATE.TIER.eq(c.tier()))).execute();
        }
    }

    /** Queued jobs fixed on {@code revision} (retries waiting) get their revision and arm chosen again at dispatch. */
    static void reroute(DSLContext t, long serviceId, int revision) {
        t.update(JOB).setNull(JOB.REVISION).setNull(JOB.ARM).set(JOB.VERSION, JOB.VERSION.plus(1))
                .where(JOB.SERVICE_ID.eq(serviceId).and(JOB.STATUS.eq(JobStatus.QUEUED.wireName()))
                        .and(JOB.REVISION.eq(revision)).and(JOB.ARM.ne(Arm.PINNED.wireName())))
                .execute();
    }

    /** Replays still queued when their stage ended are not needed any more: they end cancelled, never run. */
    static void cancelQueuedReplays(DSLContext t, long serviceId) {
        t.update(JOB).set(JOB.STATUS, JobStatus.CANCELLED.wireName())
                .set(JOB.REASON, "a replay no longer needed: its stage ended before it ran")
                .set(JOB.FINISHED_AT, DSL.currentOffsetDateTime()).set(JOB.VERSION, JOB.VERSION.plus(1))
                .where(JOB.SERVICE_ID.eq(serviceId).and(JOB.STATUS.eq(JobStatus.QUEUED.wireName()))
                        .and(JOB.REPLAY_OF.isNotNull()))
                .execute();
    }

    /** Running jobs on {@code revision} (not pinned ones) are cancelled: their agents stop them. */
    static void cancelRunning(DSLContext t, long serviceId, int revision) {
        t.update(JOB).set(JOB.CANCEL_REQUESTED, true).set(JOB.VERSION, JOB.VERSION.plus(1))
                .where(JOB.SERVICE_ID.eq(serviceId).and(JOB.STATUS.eq(JobStatus.RUNNING.wireName()))
                        .and(JOB.REVISION.eq(revision)).and(JOB.ARM.ne(Arm.PINNED.wireName())))
                .execute();
    }
}
