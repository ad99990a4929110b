package dev.drover.notify;

import java.time.Instant;

/**
 * One event's message to one sink, with its latest attempt.
 *
 * @param attempts       attempts made so far
 * @param nextAttemptAt  when it is next due (while queued)
 * @param lastStatusCode the receiver's HTTP status at the last attempt; null when it never answered
 * @param lastError      why the last attempt failed; null after a success
 */
public record Notification(long id, String sink, long eventId, long serviceId, String kind, String url, String payload,
                           NotificationStatus status, int attempts, Instant nextAttemptAt, String lastError,
                           Integer lastStatusCode, Instant createdAt, Instant deliveredAt, long version) {

    /** A notification not yet stored: queued, due at once. */
    public record New(String sink, long eventId, long serviceId, String kind, String url, String payload, Instant at) {
    }

    /** What one attempt came to; {@code nextAttemptAt} is when it is due again (when still queued). */
    public record Outcome(NotificationStatus status, int attempts, Integer statusCode, String error, Instant nextAttemptAt,
                          Instant deliveredAt) {
    }
}
