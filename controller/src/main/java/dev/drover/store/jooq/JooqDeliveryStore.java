package dev.drover.store.jooq;

import static dev.drover.store.jooq.Timestamps.fromColumn;
import static dev.drover.store.jooq.Timestamps.toColumn;
import static dev.drover.store.jooq.schema.Tables.WEBHOOK_DELIVERY;

import dev.drover.store.Text;
import dev.drover.store.jooq.schema.tables.records.WebhookDeliveryRecord;
import dev.drover.webhook.Delivery;
import dev.drover.webhook.DeliveryOutcome;
import dev.drover.webhook.DeliveryStore;
import java.util.List;
import org.jooq.DSLContext;

public final class JooqDeliveryStore implements DeliveryStore {
    private final DSLContext dsl;

    public JooqDeliveryStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Delivery append(Delivery d) {
        return toDelivery(dsl.insertInto(WEBHOOK_DELIVERY)
                .set(WEBHOOK_DELIVERY.SERVICE_NAME, d.serviceName())
                .set(WEBHOOK_DELIVERY.PROVIDER, d.provider())
                .set(WEBHOOK_DELIVERY.DELIVERY_ID, d.deliveryId())
                .set(WEBHOOK_DELIVERY.RECEIVED_AT, toColumn(d.receivedAt()))
                .set(WEBHOOK_DELIVERY.OUTCOME, d.outcome().wireName())
                .set(WEBHOOK_DELIVERY.REASON, Text.clip(d.reason(), 2000))
                .set(WEBHOOK_DELIVERY.STATUS, d.status())
                .set(WEBHOOK_DELIVERY.REF, d.ref())
                .set(WEBHOOK_DELIVERY.AFTER_SHA, d.afterSha())
                .set(WEBHOOK_DELIVERY.BODY_BYTES, d.bodyBytes())
                .returning()
                .fetchSingle());
    }

    @Override
    public boolean accepted(String serviceName, String provider, String deliveryId) {
        return dsl.fetchExists(WEBHOOK_DELIVERY, WEBHOOK_DELIVERY.SERVICE_NAME.eq(serviceName)
                .and(WEBHOOK_DELIVERY.PROVIDER.eq(provider))
                .and(WEBHOOK_DELIVERY.DELIVERY_ID.eq(deliveryId))
                .and(WEBHOOK_DELIVERY.OUTCOME.eq(DeliveryOutcome.ACCEPTED.wireName())));
    }

    @Override
    public List<Delivery> list(String serviceName, int limit) {
        return dsl.selectFrom(WEBHOOK_DELIVERY)
                .where(WEBHOOK_DELIVERY.SERVICE_NAME.eq(serviceName))
                .orderBy(WEBHOOK_DELIVERY.ID.desc())
                .limit(limit)
                .fetch(JooqDeliveryStore::toDelivery);
    }

    private static Delivery toDelivery(WebhookDeliveryRecord r) {
        return new Delivery(r.getId(), r.getServiceName(), r.getProvider(), r.getDeliveryId(),
                fromColumn(r.getReceivedAt()), DeliveryOutcome.parse(r.getOutcome()), r.getReason(), r.getStatus(),
                r.getRef(), r.getAfterSha(), r.getBodyBytes());
    }
}
