package dev.drover.webhook;

import java.time.Instant;

/**
 * One webhook delivery as recorded.
 *
 * @param deliveryId the sender's id of the delivery, if it gave one
 * @param status     the HTTP status it was answered with
 */
public record Delivery(long id, String serviceName, String provider, String deliveryId, Instant receivedAt,
                       DeliveryOutcome outcome, String reason, int status, String ref, String afterSha, int bodyBytes) {
}
