package dev.drover.commit;

import java.util.Locale;

/** Where a commit is on its way to a revision. Later stages add building, testing, failed, green, batched. */
public enum CommitStatus {
    /** Recorded with a valid {@code drover.yaml}; waiting to be built. */
    QUEUED,
    /** Its {@code drover.yaml} is missing or wrong: it goes no further. */
    INVALID;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CommitStatus parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
