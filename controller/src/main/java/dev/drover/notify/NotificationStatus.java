package dev.drover.notify;

import java.util.Locale;

/** Where a notification is: waiting for its (next) attempt, delivered, or given up on. */
public enum NotificationStatus {
    QUEUED,
    DELIVERED,
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationStatus parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
