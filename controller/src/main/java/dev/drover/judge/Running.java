package dev.drover.judge;

import java.time.Instant;

/**
 * An attempt still running: when it was dispatched, and how long it has run so far (0 while it waits
 * to start). A judge may count it only at the worst it can still turn out to be.
 *
 * @param jobId   its job (see {@link Sample#jobId}); null where unknown
 * @param attempt its number within its job
 */
public record Running(Instant dispatchedAt, long ranMillis, String jobId, int attempt) {

    public Running(Instant dispatchedAt, long ranMillis) {
        this(dispatchedAt, ranMillis, null, 1);
    }

    public static Running dispatched(Instant at) {
        return new Running(at, 0);
    }
}
