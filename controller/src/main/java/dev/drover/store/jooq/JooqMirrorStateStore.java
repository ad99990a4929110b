package dev.drover.store.jooq;

import static dev.drover.store.jooq.Timestamps.fromColumn;
import static dev.drover.store.jooq.Timestamps.toColumn;
import static dev.drover.store.jooq.schema.Tables.HISTORY_REWRITE;
import static dev.drover.store.jooq.schema.Tables.MIRROR_STATE;

import dev.drover.commit.HistoryRewrite;
import dev.drover.commit.MirrorState;
import dev.drover.commit.MirrorStateStore;
import dev.drover.store.Text;
import dev.drover.store.jooq.schema.tables.records.HistoryRewriteRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

public final class JooqMirrorStateStore implements MirrorStateStore {
    private final DSLContext dsl;

    public JooqMirrorStateStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<MirrorState> find(long serviceId) {
        return dsl.selectFrom(MIRROR_STATE).where(MIRROR_STATE.SERVICE_ID.eq(serviceId)).fetchOptional()
                .map(r -> new MirrorState(r.getServiceId(), r.getHeadSha(), fromColumn(r.getFetchedAt()), r.getLastError()));
    }

    @Override
    public void saveHead(long serviceId, String headSha, Instant now) {
        dsl.insertInto(MIRROR_STATE)
                .set(MIRROR_STATE.SERVICE_ID, serviceId)
                .set(MIRROR_STATE.HEAD_SHA, headSha)
                .set(MIRROR_STATE.FETCHED_AT, toColumn(now))
                .set(MIRROR_STATE.VERSION, 1L)
                .onConflict(MIRROR_STATE.SERVICE_ID)
                .doUpdate()
                .set(MIRROR_STATE.HEAD_SHA, headSha)
                .set(MIRROR_STATE.FETCHED_AT, toColumn(now))
                .setNull(MIRROR_STATE.LAST_ERROR)
                .set(MIRROR_STATE.VERSION, MIRROR_STATE.VERSION.plus(1))
                .execute();
    }

    @Override
    public void saveError(long serviceId, String error, Instant now) {
        String clipped = Text.clip(error, 2000);
        dsl.insertInto(MIRROR_STATE)
                .set(MIRROR_STATE.SERVICE_ID, serviceId)
                .set(MIRROR_STATE.LAST_ERROR, clipped)
                .set(MIRROR_STATE.FETCHED_AT, toColumn(now))
                .set(MIRROR_STATE.VERSION, 1L)
                .onConflict(MIRROR_STATE.SERVICE_ID)
                .doUpdate()
                .set(MIRROR_STATE.LAST_ERROR, clipped)
                .set(MIRROR_STATE.FETCHED_AT, toColumn(now))
                .set(MIRROR_STATE.VERSION, MIRROR_STATE.VERSION.plus(1))
                .execute();
    }

    @Override
    public HistoryRewrite recordRewrite(long serviceId, String oldHead, String newHead, Instant now) {
        return toRewrite(dsl.insertInto(HISTORY_REWRITE)
                .set(HISTORY_REWRITE.SERVICE_ID, serviceId)
                .set(HISTORY_REWRITE.OLD_HEAD, oldHead)
                .set(HISTORY_REWRITE.NEW_HEAD, newHead)
                .set(HISTORY_REWRITE.DETECTED_AT, toColumn(now))
                .returning()
                .fetchSingle());
    }

    @Override
    public List<HistoryRewrite> rewrites(long serviceId, int limit) {
        return dsl.selectFrom(HISTORY_REWRITE)
                .where(HISTORY_REWRITE.SERVICE_ID.eq(serviceId))
                .orderBy(HISTORY_REWRITE.ID.desc())
                .limit(limit)
                .fetch(JooqMirrorStateStore::toRewrite);
    }

    private static HistoryRewrite toRewrite(HistoryRewriteRecord r) {
        return new HistoryRewrite(r.getId(), r.getServiceId(), r.getOldHead(), r.getNewHead(), fromColumn(r.getDetectedAt()));
    }
}
