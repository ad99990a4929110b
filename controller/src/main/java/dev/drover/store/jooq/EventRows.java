package dev.drover.store.jooq;

import static dev.drover.store.jooq.Timestamps.fromColumn;
import static dev.drover.store.jooq.Timestamps.toColumn;
import static dev.drover.store.jooq.schema.Tables.ROLLOUT_EVENT;

import dev.drover.rollout.RolloutEvent;
import dev.drover.store.Text;
import dev.drover.store.jooq.schema.tables.records.RolloutEventRecord;
import org.jooq.DSLContext;

/** Rows of {@code rollout_event}: written by the rollout and commit stores inside their own transactions. */
final class EventRows {
    private EventRows() {
    }

    /** Inserts the event within {@code t}'s transaction and returns it with its id. */
    static RolloutEvent insert(DSLContext t, RolloutEvent e) {
        long id = t.insertInto(ROLLOUT_EVENT)
                .set(ROLLOUT_EVENT.SERVICE_ID, e.serviceId())
                .set(ROLLOUT_EVENT.ROLLOUT_ID, e.rolloutId())
                .set(ROLLOUT_EVENT.KIND, e.kind().wireName())
                .set(ROLLOUT_EVENT.MESSAGE, Text.clip(e.message(), 4000))
                .set(ROLLOUT_EVENT.AT, toColumn(e.at()))
                .set(ROLLOUT_EVENT.COMMIT_SHA, e.commitSha())
                .returning(ROLLOUT_EVENT.ID).fetchSingle().getId();
        return e.stored(id);
    }

    static RolloutEvent toEvent(RolloutEventRecord r) {
        return new RolloutEvent(r.getId(), r.getServiceId(), r.getRolloutId(), RolloutEvent.Kind.parse(r.getKind()),
                r.getMessage(), fromColumn(r.getAt()), r.getCommitSha());
    }
}
