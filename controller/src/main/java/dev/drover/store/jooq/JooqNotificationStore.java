package dev.drover.store.jooq;

import static dev.drover.store.jooq.Timestamps.fromColumn;
import static dev.drover.store.jooq.Timestamps.toColumn;
import static dev.drover.store.jooq.schema.Tables.NOTIFICATION_CURSOR;
import static dev.drover.store.jooq.schema.Tables.NOTIFICATION_DELIVERY;

import dev.drover.notify.Notification;
import dev.drover.notify.NotificationStatus;
import dev.drover.notify.NotificationStore;
import dev.drover.store.Text;
import dev.drover.store.jooq.schema.tables.records.NotificationDeliveryRecord;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The notification outbox: sinks' cursors and the notifications queued for them. */
public final class JooqNotificationStore implements NotificationStore {
    private final DSLContext dsl;

    public JooqNotificationStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Cursor cursor(String sink, long startAt) {
        dsl.insertInto(NOTIFICATION_CURSOR)
                .set(NOTIFICATION_CURSOR.SINK, sink)
                .set(NOTIFICATION_CURSOR.FLOOR_EVENT_ID, startAt)
                .set(NOTIFICATION_CURSOR.LAST_EVENT_ID, startAt)
                .onConflictDoNothing().execute();
        return dsl.selectFrom(NOTIFICATION_CURSOR).where(NOTIFICATION_CURSOR.SINK.eq(sink)).fetchSingle()
                .map(r -> new Cursor(r.get(NOTIFICATION_CURSOR.FLOOR_EVENT_ID), r.get(NOTIFICATION_CURSOR.LAST_EVENT_ID)));
    }

    @Override
    public Set<Long> queued(String sink, long afterEventId) {
        return new HashSet<>(dsl.select(NOTIFICATION_DELIVERY.EVENT_ID).from(NOTIFICATION_DELIVERY)
                .where(NOTIFICATION_DELIVERY.SINK.eq(sink).and(NOTIFICATION_DELIVERY.EVENT_ID.gt(afterEventId)))
                .fetch(NOTIFICATION_DELIVERY.EVENT_ID));
    }

    @Override
    public int queue(String sink, long readThrough, List<Notification.New> notifications) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            int stored = 0;
            for (Notification.New n : notifications) {
                stored += t.insertInto(NOTIFICATION_DELIVERY)
                        .set(NOTIFICATION_DELIVERY.SINK, n.sink())
                        .set(NOTIFICATION_DELIVERY.EVENT_ID, n.eventId())
                        .set(NOTIFICATION_DELIVERY.SERVICE_ID, n.serviceId())
                        .set(NOTIFICATION_DELIVERY.KIND, n.kind())
                        .set(NOTIFICATION_DELIVERY.URL, n.url())
                        .set(NOTIFICATION_DELIVERY.PAYLOAD, n.payload())
                        .set(NOTIFICATION_DELIVERY.STATUS, NotificationStatus.QUEUED.wireName())
                        .set(NOTIFICATION_DELIVERY.ATTEMPTS, 0)
                        .set(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT, toColumn(n.at()))
                        .set(NOTIFICATION_DELIVERY.CREATED_AT, toColumn(n.at()))
                        .set(NOTIFICATION_DELIVERY.VERSION, 1L)
                        .onConflict(NOTIFICATION_DELIVERY.SINK, NOTIFICATION_DELIVERY.EVENT_ID).doNothing()
                        .execute();
            }
            t.update(NOTIFICATION_CURSOR)
                    .set(NOTIFICATION_CURSOR.LAST_EVENT_ID, DSL.greatest(NOTIFICATION_CURSOR.LAST_EVENT_ID, DSL.val(readThrough)))
                    .where(NOTIFICATION_CURSOR.SINK.eq(sink)).execute();
            return stored;
        });
    }

    @Override
    public List<Notification> due(Instant now, int limit) {
        return dsl.selectFrom(NOTIFICATION_DELIVERY)
                .where(NOTIFICATION_DELIVERY.STATUS.eq(NotificationStatus.QUEUED.wireName())
                        .and(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT.le(toColumn(now))))
                .orderBy(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT, NOTIFICATION_DELIVERY.ID).limit(limit)
                .fetch(JooqNotificationStore::toNotification);
    }

    @Override
    public boolean claim(Notification n, Instant until) {
        return dsl.update(NOTIFICATION_DELIVERY)
                .set(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT, toColumn(until))
                .set(NOTIFICATION_DELIVERY.VERSION, n.version() + 1)
                .where(NOTIFICATION_DELIVERY.ID.eq(n.id()).and(NOTIFICATION_DELIVERY.VERSION.eq(n.version()))
                        .and(NOTIFICATION_DELIVERY.STATUS.eq(NotificationStatus.QUEUED.wireName())))
                .execute() == 1;
    }

    @Override
    public void record(long id, Notification.Outcome o) {
        dsl.update(NOTIFICATION_DELIVERY)
                .set(NOTIFICATION_DELIVERY.STATUS, o.status().wireName())
                .set(NOTIFICATION_DELIVERY.ATTEMPTS, o.attempts())
                .set(NOTIFICATION_DELIVERY.LAST_STATUS_CODE, o.statusCode())
                .set(NOTIFICATION_DELIVERY.LAST_ERROR, Text.clip(o.error(), 2000))
                .set(NOTIFICATION_DELIVERY.NEXT_ATTEMPT_AT, toColumn(o.nextAttemptAt()))
                .set(NOTIFICATION_DELIVERY.DELIVERED_AT, toColumn(o.deliveredAt()))
                .set(NOTIFICATION_DELIVERY.VERSION, NOTIFICATION_DELIVERY.VERSION.plus(1))
                .where(NOTIFICATION_DELIVERY.ID.eq(id))
                .execute();
    }

    @Override
    public List<Notification> list(int limit, Optional<NotificationStatus> status) {
        Condition where = status.map(s -> NOTIFICATION_DELIVERY.STATUS.eq(s.wireName())).orElse(DSL.noCondition());
        return dsl.selectFrom(NOTIFICATION_DELIVERY).where(where).orderBy(NOTIFICATION_DELIVERY.ID.desc()).limit(limit)
                .fetch(JooqNotificationStore::toNotification);
    }

    private static Notification toNotification(NotificationDeliveryRecord r) {
        return new Notification(r.getId(), r.getSink(), r.getEventId(), r.getServiceId(), r.getKind(), r.getUrl(),
                r.getPayload(), NotificationStatus.parse(r.getStatus()), r.getAttempts(), fromColumn(r.getNextAttemptAt()),
                r.getLastError(), r.getLastStatusCode(), fromColumn(r.getCreatedAt()), fromColumn(r.getDeliveredAt()),
                r.getVersion());
    }
}
