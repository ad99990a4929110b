package dev.drover.commit;

import java.time.Instant;

/** Where a service's branch stood at the last recorded fetch, and the last fetch error if it failed since. */
public record MirrorState(long serviceId, String headSha, Instant fetchedAt, String lastError) {
}
