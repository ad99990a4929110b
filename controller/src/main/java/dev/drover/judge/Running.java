package dev.drover.judge;

import java.time.Instant;

/**
 * An attempt still running: when it was dispatched, and how long it has run so far (0 while it waits
 * to start). A judge may count it only at the worst it can still turn out to be.
 */
public record Running(Instant dispatchedAt, long ranMillis) {

    public static Running dispatched(Instant at) {
        return new Running(at, 0);
    }
}
