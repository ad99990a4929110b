package dev.drover.store.jooq;

import static dev.drover.store.jooq.Timestamps.fromColumn;
import static dev.drover.store.jooq.Timestamps.toColumn;
import static dev.drover.store.jooq.schema.Tables.DEPLOY_LOCK;
import static dev.drover.store.jooq.schema.Tables.ROLLOUT;
import static dev.drover.store.jooq.schema.Tables.ROLLOUT_EVENT;
import static dev.drover.store.jooq.schema.Tables.ROLLOUT_STAGE;

import dev.drover.rollout.DeployLock;
import dev.drover.rollout.Rollout;
import dev.drover.rollout.RolloutEvent;
import dev.drover.rollout.RolloutState;
import dev.drover.rollout.RolloutStore;
import dev.drover.rollout.StageRecord;
import dev.drover.rollout.Transition;
import dev.drover.store.StaleVersionException;
import dev.drover.store.Text;
import dev.drover.store.jooq.schema.tables.records.DeployLockRecord;
import dev.drover.store.jooq.schema.tables.records.RolloutRecord;
import dev.drover.store.jooq.schema.tables.records.RolloutStageRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Rollouts, their stages and events, and the deploy lock; {@link #apply} is the one writer of rollout state. */
public final class JooqRolloutStore implements RolloutStore {
    private static final List<String> OPEN = List.of(RolloutState.QUEUED.wireName(), RolloutState.RUNNING.wireName(),
            RolloutState.PAUSED.wireName());

    private final DSLContext dsl;

    public JooqRolloutStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Rollout request(long serviceId, int revision, boolean automatic, boolean forced, String by, String reason,
                           Instant now) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            RolloutRecord r = t.insertInto(ROLLOUT)
                    .set(ROLLOUT.SERVICE_ID, serviceId)
                    .set(ROLLOUT.REVISION, revision)
                    .set(ROLLOUT.STATE, RolloutState.QUEUED.wireName())
                    .set(ROLLOUT.BASELINES, "{}")
                    .set(ROLLOUT.NOTE, "queued")
                    .set(ROLLOUT.AUTOMATIC, automatic)
                    .set(ROLLOUT.FORCED, forced)
                    .set(ROLLOUT.REQUESTED_BY, by)
                    .set(ROLLOUT.REASON, reason)
                    .set(ROLLOUT.REQUESTED_AT, toColumn(now))
                    .set(ROLLOUT.UPDATED_AT, toColumn(now))
                    .set(ROLLOUT.VERSION, 1L)
                    .returning().fetchSingle();
            EventRows.insert(t, RolloutEvent.of(serviceId, r.getId(), RolloutEvent.Kind.REQUESTED, (automatic ? "automatic" : by)
                    + " requested a rollout of revision " + revision + (reason == null ? "" : ": " + reason)
                    + (forced ? " (forced past a lock)" : ""), now));
            return toRollout(r);
        });
    }

    @Override
    public Optional<Rollout> find(long id) {
        return dsl.selectFrom(ROLLOUT).where(ROLLOUT.ID.eq(id)).fetchOptional().map(JooqRolloutStore::toRollout);
    }

    @Override
    public List<Rollout> list(long serviceId, int limit) {
        return dsl.selectFrom(ROLLOUT).where(ROLLOUT.SERVICE_ID.eq(serviceId)).orderBy(ROLLOUT.ID.desc()).limit(limit)
                .fetch(JooqRolloutStore::toRollout);
    }

    @Override
    public List<Rollout> open(long serviceId) {
        return dsl.selectFrom(ROLLOUT).where(ROLLOUT.SERVICE_ID.eq(serviceId).and(ROLLOUT.STATE.in(OPEN)))
                .orderBy(ROLLOUT.ID).fetch(JooqRolloutStore::toRollout);
    }

    @Override
    public List<Long> servicesWithOpenRollouts() {
        return dsl.selectDistinct(ROLLOUT.SERVICE_ID).from(ROLLOUT).where(ROLLOUT.STATE.in(OPEN))
                .orderBy(ROLLOUT.SERVICE_ID).fetch(ROLLOUT.SERVICE_ID);
    }

    @Override
    public boolean requested(long serviceId, int revision) {
        return dsl.fetchExists(ROLLOUT, ROLLOUT.SERVICE_ID.eq(serviceId).and(ROLLOUT.REVISION.eq(revision)));
    }

    @Override
    public List<StageRecord> stages(long rolloutId) {
        return dsl.selectFrom(ROLLOUT_STAGE).where(ROLLOUT_STAGE.ROLLOUT_ID.eq(rolloutId)).orderBy(ROLLOUT_STAGE.STAGE)
                .fetch(JooqRolloutStore::toStage);
    }

    @Override
    public List<RolloutEvent> events(long serviceId, long afterId, int limit) {
        return dsl.selectFrom(ROLLOUT_EVENT).where(ROLLOUT_EVENT.SERVICE_ID.eq(serviceId).and(ROLLOUT_EVENT.ID.gt(afterId)))
                .orderBy(ROLLOUT_EVENT.ID).limit(limit).fetch(EventRows::toEvent);
    }

    @Override
    public List<RolloutEvent> eventsAfter(long afterId, int limit) {
        return dsl.selectFrom(ROLLOUT_EVENT).where(ROLLOUT_EVENT.ID.gt(afterId)).orderBy(ROLLOUT_EVENT.ID).limit(limit)
                .fetch(EventRows::toEvent);
    }

    @Override
    public long lastEventId() {
        Long last = dsl.select(DSL.max(ROLLOUT_EVENT.ID)).from(ROLLOUT_EVENT).fetchSingle().value1();
        return last == null ? 0 : last;
    }

    @Override
    public DeployLock lock(long serviceId) {
        return dsl.selectFrom(DEPLOY_LOCK).where(DEPLOY_LOCK.SERVICE_ID.eq(serviceId)).fetchOptional()
                .map(JooqRolloutStore::toLock).orElse(DeployLock.free(serviceId));
    }

    @Override
    public OptionalLong lease(long serviceId, String holder, Duration lease) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            DeployLockRecord r = lockRow(t, serviceId);
            OffsetDateTime dbNow = t.select(DSL.currentOffsetDateTime()).fetchSingle().value1();
            boolean mine = holder.equals(r.getLeaseHolder());
            boolean free = r.getLeaseHolder() == null || r.getLeaseExpiresAt() == null
                    || r.getLeaseExpiresAt().isBefore(dbNow);
            if (!mine && !free) {
                return OptionalLong.empty();
            }
            long fence = mine ? r.getFence() : r.getFence() + 1;
            t.update(DEPLOY_LOCK).set(DEPLOY_LOCK.LEASE_HOLDER, holder)
                    .set(DEPLOY_LOCK.LEASE_EXPIRES_AT, dbNow.plus(lease)).set(DEPLOY_LOCK.FENCE, fence)
                    .where(DEPLOY_LOCK.SERVICE_ID.eq(serviceId)).execute();
            return OptionalLong.of(fence);
        });
    }

    @Override
    public List<RolloutEvent> apply(Transition change) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            DeployLockRecord lock = lockRow(t, change.serviceId());
            if (lock.getFence() != change.fence()) {
                throw new StaleVersionException("deploy lock of service", Long.toString(change.serviceId()), change.fence());
            }
            if (change.bumpFence()) {
                t.update(DEPLOY_LOCK).set(DEPLOY_LOCK.FENCE, DEPLOY_LOCK.FENCE.plus(1))
                        .where(DEPLOY_LOCK.SERVICE_ID.eq(change.serviceId())).execute();
            }
            for (Rollout r : change.rollouts()) {
                save(t, r);
            }
            for (StageRecord s : change.stages()) {
                saveStage(t, s);
            }
            TierWrites.apply(t, change.serviceId(), change.tiers());
            change.lock().ifPresent(l -> t.update(DEPLOY_LOCK)
                    .set(DEPLOY_LOCK.LOCK_KIND, l.kind() == null ? null : l.kind().wireName())
                    .set(DEPLOY_LOCK.LOCKED_BY, l.by()).set(DEPLOY_LOCK.LOCK_REASON, Text.clip(l.reason(), 2000))
                    .set(DEPLOY_LOCK.LOCKED_AT, l.kind() == null ? null : DSL.currentOffsetDateTime())
                    .where(DEPLOY_LOCK.SERVICE_ID.eq(change.serviceId())).execute());
            if (change.releaseLease()) {
                t.update(DEPLOY_LOCK).setNull(DEPLOY_LOCK.LEASE_HOLDER).setNull(DEPLOY_LOCK.LEASE_EXPIRES_AT)
                        .where(DEPLOY_LOCK.SERVICE_ID.eq(change.serviceId())).execute();
            }
            if (change.stages().stream().anyMatch(s -> s.endedAt() != null)) {
                TierWrites.cancelQueuedReplays(t, change.serviceId());
            }
            change.reroute().ifPresent(revision -> TierWrites.reroute(t, change.serviceId(), revision));
            change.cancel().ifPresent(revision -> TierWrites.cancelRunning(t, change.serviceId(), revision));
            List<RolloutEvent> stored = new ArrayList<>();
            for (RolloutEvent e : change.events()) {
                stored.add(EventRows.insert(t, e));
            }
            return stored;
        });
    }

    private static void save(DSLContext t, Rollout r) {
        int updated = t.update(ROLLOUT)
                .set(ROLLOUT.FROM_REVISION, r.fromRevision())
                .set(ROLLOUT.STATE, r.state().wireName())
                .set(ROLLOUT.STAGE, r.stage())
                .set(ROLLOUT.STAGE_STARTED, toColumn(r.stageStartedAt()))
                .set(ROLLOUT.POLICY, RolloutJson.policy(r.policy()))
                .set(ROLLOUT.BASELINES, RolloutJson.baselines(r.baselines()))
                .set(ROLLOUT.NOTE, Text.clip(r.note(), 2000))
                .set(ROLLOUT.PROMOTE_THROUGH, r.promoteThrough())
                .set(ROLLOUT.STARTED_AT, toColumn(r.startedAt()))
                .set(ROLLOUT.FINISHED_AT, toColumn(r.finishedAt()))
                .set(ROLLOUT.UPDATED_AT, toColumn(r.updatedAt()))
                .set(ROLLOUT.VERSION, r.version() + 1)
                .where(ROLLOUT.ID.eq(r.id()).and(ROLLOUT.VERSION.eq(r.version())))
                .execute();
        if (updated == 0) {
            throw new StaleVersionException("rollout", Long.toString(r.id()), r.version());
        }
    }

    private static void saveStage(DSLContext t, StageRecord s) {
        t.insertInto(ROLLOUT_STAGE)
                .set(ROLLOUT_STAGE.ROLLOUT_ID, s.rolloutId())
                .set(ROLLOUT_STAGE.STAGE, s.stage())
                .set(ROLLOUT_STAGE.TIERS, String.join(",", s.tiers()))
                .set(ROLLOUT_STAGE.STARTED_AT, toColumn(s.startedAt()))
                .set(ROLLOUT_STAGE.ENDED_AT, toColumn(s.endedAt()))
                .set(ROLLOUT_STAGE.OUTCOME, s.outcome())
                .set(ROLLOUT_STAGE.VERDICTS, RolloutJson.verdicts(s.verdicts()))
                .onConflict(ROLLOUT_STAGE.ROLLOUT_ID, ROLLOUT_STAGE.STAGE)
                .doUpdate()
                .set(ROLLOUT_STAGE.ENDED_AT, toColumn(s.endedAt()))
                .set(ROLLOUT_STAGE.OUTCOME, s.outcome())
                .set(ROLLOUT_STAGE.VERDICTS, RolloutJson.verdicts(s.verdicts()))
                .execute();
    }

    /** The service's lock row, locked for this transaction (created on first use). */
    private static DeployLockRecord lockRow(DSLContext t, long serviceId) {
        t.insertInto(DEPLOY_LOCK).set(DEPLOY_LOCK.SERVICE_ID, serviceId).set(DEPLOY_LOCK.FENCE, 0L)
                .onConflictDoNothing().execute();
        return t.selectFrom(DEPLOY_LOCK).where(DEPLOY_LOCK.SERVICE_ID.eq(serviceId)).forUpdate().fetchSingle();
    }

    private static DeployLock toLock(DeployLockRecord r) {
        return new DeployLock(r.getServiceId(), r.getFence(), r.getLeaseHolder(), fromColumn(r.getLeaseExpiresAt()),
                r.getLockKind() == null ? null : DeployLock.Kind.parse(r.getLockKind()), r.getLockedBy(),
                r.getLockReason(), fromColumn(r.getLockedAt()));
    }

    private static Rollout toRollout(RolloutRecord r) {
        Map<String, Integer> baselines = RolloutJson.baselines(r.getBaselines());
        return new Rollout(r.getId(), r.getServiceId(), r.getRevision(), r.getFromRevision(),
                RolloutState.parse(r.getState()), r.getStage(), fromColumn(r.getStageStarted()),
                RolloutJson.policy(r.getPolicy()), baselines, r.getNote(), r.getPromoteThrough(), r.getAutomatic(),
                r.getForced(), r.getRequestedBy(), r.getReason(), fromColumn(r.getRequestedAt()),
                fromColumn(r.getStartedAt()), fromColumn(r.getFinishedAt()), fromColumn(r.getUpdatedAt()), r.getVersion());
    }

    private static StageRecord toStage(RolloutStageRecord r) {
        return new StageRecord(r.getRolloutId(), r.getStage(), List.of(r.getTiers().split(",")),
                fromColumn(r.getStartedAt()), fromColumn(r.getEndedAt()), r.getOutcome(),
                RolloutJson.verdicts(r.getVerdicts()));
    }
}
