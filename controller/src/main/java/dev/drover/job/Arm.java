package dev.drover.job;

import java.util.Locale;

/**
 * Which side of a tier a job ran on: the {@code candidate}, the {@code baseline} (the stable revision
 * while a candidate is on the tier), {@code stable} (no candidate), or {@code pinned} by the submitter.
 */
public enum Arm {
    CANDIDATE,
    BASELINE,
    STABLE,
    PINNED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Arm parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
