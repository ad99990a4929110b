package dev.drover.access;

import java.time.Instant;

/**
 * A stored API token. The secret itself is never stored, only its hash (kept by the store).
 *
 * @param boundTarget for an agent token, the one target its agent runs jobs of; null when unbound
 */
public record ApiToken(
        long id,
        String name,
        Role role,
        TokenOrigin origin,
        Instant createdAt,
        String createdBy,
        Instant revokedAt,
        String boundTarget) {

    public boolean active() {
        return revokedAt == null;
    }
}
