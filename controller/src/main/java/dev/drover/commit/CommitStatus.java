package dev.drover.commit;

import java.util.Locale;

/** Where a commit is on its way to a revision. */
public enum CommitStatus {
    /** Recorded with a valid {@code drover.yaml}; waiting to be built. */
    QUEUED,
    /** Its {@code drover.yaml} is missing or wrong: it goes no further. */
    INVALID,
    /** A newer commit was built instead; it can still be built on request. */
    BATCHED,
    /** Its image is being built. */
    BUILDING,
    /** Its image built; its test runs inside it (and the image is pushed). */
    TESTING,
    /** The build, the test or the push failed; the build's record says why. */
    FAILED,
    /** Built, tested, pushed: it is a revision. */
    GREEN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CommitStatus parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
