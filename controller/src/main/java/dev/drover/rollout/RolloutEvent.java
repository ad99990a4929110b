package dev.drover.rollout;

import java.time.Instant;
import java.util.Locale;

/**
 * Something that happened to a service's rollouts, lock or commits; stored with the change, published
 * after commit, and read back by notifications ({@code dev.drover.notify}).
 *
 * @param commitSha the commit a {@code commit-*} event is about (full sha); null for the others
 */
public record RolloutEvent(long id, long serviceId, Long rolloutId, Kind kind, String message, Instant at,
                           String commitSha) {

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
        UNLOCKED,
        /** A commit's build started (a commit status of {@code pending}). */
        COMMIT_BUILDING,
        /** A commit built and tested green: it is a revision. */
        COMMIT_GREEN,
        /** A commit's build, test or push failed. */
        COMMIT_FAILED,
        /** A commit's {@code drover.yaml} is missing or wrong. */
        COMMIT_INVALID;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Kind parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** An event not yet stored. */
    public static RolloutEvent of(long serviceId, Long rolloutId, Kind kind, String message, Instant at) {
        return new RolloutEvent(0, serviceId, rolloutId, kind, message, at, null);
    }

    /** A commit's event, not yet stored. */
    public static RolloutEvent ofCommit(long serviceId, String commitSha, Kind kind, String message, Instant at) {
        return new RolloutEvent(0, serviceId, null, kind, message, at, commitSha);
    }

    /** With the id the store gave it. */
    public RolloutEvent stored(long newId) {
        return new RolloutEvent(newId, serviceId, rolloutId, kind, message, at, commitSha);
    }
}
