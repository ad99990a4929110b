package dev.drover.commit;

import java.time.Instant;

/** The branch moved to a commit that does not descend from where it was: a force-push rewrote history. */
public record HistoryRewrite(long id, long serviceId, String oldHead, String newHead, Instant detectedAt) {
}
