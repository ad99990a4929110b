package dev.drover.api;

import dev.drover.commit.HistoryRewrite;
import java.time.Instant;

/** A force-push that rewrote a branch: {@code oldHead} is no longer on it. */
public record RewriteView(String oldHead, String newHead, Instant detectedAt) {
    static RewriteView of(HistoryRewrite r) {
        return new RewriteView(r.oldHead(), r.newHead(), r.detectedAt());
    }
}
