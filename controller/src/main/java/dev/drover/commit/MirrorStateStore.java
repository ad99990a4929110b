package dev.drover.commit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The last known head of each service's branch, fetch errors, and history rewrites. */
public interface MirrorStateStore {

    Optional<MirrorState> find(long serviceId);

    /** A fetch succeeded and everything up to {@code headSha} is recorded. */
    void saveHead(long serviceId, String headSha, Instant now);

    /** A fetch failed; the head stays where it was. */
    void saveError(long serviceId, String error, Instant now);

    HistoryRewrite recordRewrite(long serviceId, String oldHead, String newHead, Instant now);

    /** Newest first. */
    List<HistoryRewrite> rewrites(long serviceId, int limit);
}
