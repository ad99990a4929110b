package dev.drover.job;

import java.util.Locale;

/** Where a job is. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStatus parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
