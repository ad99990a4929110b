package dev.drover.api;

import dev.drover.access.ApiToken;
import java.time.Instant;

/**
 * A token as the API shows it: never its secret or hash.
 *
 * @param target for an agent token bound to a target, that target; null otherwise
 */
public record TokenView(String name, String role, String origin, Instant createdAt, String createdBy, Instant revokedAt,
                        String target) {
    static TokenView of(ApiToken t) {
        return new TokenView(t.name(), t.role().wireName(), t.origin().wireName(), t.createdAt(), t.createdBy(), t.revokedAt(),
                t.boundTarget());
    }
}
