package dev.drover.rollout;

import java.time.Instant;
import java.util.Locale;

/** Something that happened to a service's rollouts or lock; stored with the change, published after commit. */
public record RolloutEvent(long id, long serviceId, Long rolloutId, Kind kind, String message, Instant at) {

    /** What happened. */
    public enum Kind {
        REQUESTED,
        STARTED,
        STAGE_STARTED,
        STAGE_PASSED,
        PAUSED,
        SUCCEEDED,
        ROLLED_BACK,
        ABORTED,
        SUPERSEDED,
        LOCKED,
        UNLOCKED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Kind parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** An event not yet stored. */
    public static RolloutEvent of(long serviceId, Long rolloutId, Kind kind, String message, Instant at) {
        return new RolloutEvent(0, serviceId, rolloutId, kind, message, at);
    }
}
