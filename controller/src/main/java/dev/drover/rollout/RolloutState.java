package dev.drover.rollout;

import java.util.Locale;

/** Where a rollout is. Queued, running and paused rollouts are open; the rest are finished for good. */
public enum RolloutState {
    /** Requested, waiting for the lock (another rollout, or a person's lock). */
    QUEUED,
    /** A stage is baking and being judged. */
    RUNNING,
    /** A stage reached its deadline without enough evidence: judged still, promoted only by a person. */
    PAUSED,
    SUCCEEDED,
    ROLLED_BACK,
    ABORTED,
    /** An automatic request overtaken by a newer green revision before it started. */
    SUPERSEDED;

    public boolean open() {
        return this == QUEUED || this == RUNNING || this == PAUSED;
    }

    /** Started and not finished: it has candidates on tiers. */
    public boolean inFlight() {
        return this == RUNNING || this == PAUSED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static RolloutState parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
