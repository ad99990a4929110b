package dev.drover.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where the outbox keeps each sink's cursor into the events and the notifications it queued. */
public interface NotificationStore {

    /** How far a sink has read; {@code floor} is where it started. */
    record Cursor(long floor, long last) {
    }

    /** The sink's cursor, created at {@code startAt} (floor and last) when the sink is new. */
    Cursor cursor(String sink, long startAt);

    /** Of these events, those already queued for the sink. */
    Set<Long> queued(String sink, long afterEventId);

    /**
     * In one transaction: stores the notifications (one already queued for its sink and event is skipped)
     * and moves the sink's cursor up to {@code readThrough} (never down). Returns how many were new.
     */
    int queue(String sink, long readThrough, List<Notification.New> notifications);

    /** Queued notifications due at {@code now}, the longest waiting first. */
    List<Notification> due(Instant now, int limit);

    /**
     * Claims a due notification for one attempt by moving its next attempt to {@code until}, if it is still
     * at {@code n.version()}; false when another controller claimed it first. An attempt cut short by a
     * crash is retried at {@code until}.
     */
    boolean claim(Notification n, Instant until);

    /** Records a claimed notification's attempt. */
    void record(long id, Notification.Outcome outcome);

    /** Newest first; only those with {@code status} when given. */
    List<Notification> list(int limit, Optional<NotificationStatus> status);
}
