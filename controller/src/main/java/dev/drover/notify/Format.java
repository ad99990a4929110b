package dev.drover.notify;

import dev.drover.rollout.RolloutEvent.Kind;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a sink receives: Drover's JSON, a Slack-compatible message, or a commit's status for a git host. */
public enum Format {
    JSON(Defaults.PEOPLE),
    SLACK(Defaults.PEOPLE),
    COMMIT_STATUS(EnumSet.of(Kind.COMMIT_BUILDING, Kind.COMMIT_GREEN, Kind.COMMIT_FAILED, Kind.COMMIT_INVALID));

    private final Set<Kind> defaultEvents;

    Format(Set<Kind> defaultEvents) {
        this.defaultEvents = defaultEvents;
    }

    /** The events a sink of this format gets when its configuration names none. */
    public Set<Kind> defaultEvents() {
        return defaultEvents;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Format parse(String text) {
        for (Format f : values()) {
            if (f.wireName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown notification format '" + text + "': use json or slack");
    }

    private static final class Defaults {
        /** What on-call wants to hear of: not requests, stage starts, supersessions or green builds. */
        static final Set<Kind> PEOPLE = EnumSet.of(Kind.STARTED, Kind.STAGE_PASSED, Kind.PAUSED, Kind.SUCCEEDED,
                Kind.ROLLED_BACK, Kind.ABORTED, Kind.LOCKED, Kind.UNLOCKED, Kind.COMMIT_FAILED, Kind.COMMIT_INVALID);
    }
}
