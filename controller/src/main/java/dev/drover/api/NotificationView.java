package dev.drover.api;

import dev.drover.notify.Notification;
import java.time.Instant;

/**
 * One queued, delivered or failed notification as the API shows it. The URL is left out: a Slack incoming
 * webhook's URL is its secret.
 */
public record NotificationView(long id, String sink, long eventId, long serviceId, String event, String status,
                               int attempts, Instant nextAttemptAt, Integer lastStatusCode, String lastError,
                               Instant createdAt, Instant deliveredAt, String payload) {
    static NotificationView of(Notification n) {
        return new NotificationView(n.id(), n.sink(), n.eventId(), n.serviceId(), n.kind(), n.status().wireName(),
                n.attempts(), n.nextAttemptAt(), n.lastStatusCode(), n.lastError(), n.createdAt(), n.deliveredAt(),
                n.payload());
    }
}
