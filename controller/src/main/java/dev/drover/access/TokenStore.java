package dev.drover.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where tokens are kept. Implementations store the hash, never the secret. */
public interface TokenStore {

    /** Stores a new token; throws {@code AlreadyExistsException} when the name is taken. */
    default ApiToken create(String name, Role role, String tokenHash, TokenOrigin origin, String createdBy, Instant now) {
        return create(name, role, tokenHash, origin, createdBy, now, null);
    }

    /** Stores a new token, an agent token bound to {@code boundTarget} when that is not null. */
    ApiToken create(String name, Role role, String tokenHash, TokenOrigin origin, String createdBy, Instant now,
                    String boundTarget);

    /**
     * Creates or replaces (role and hash) the configuration-declared token of this name. A token revoked with the
     * same hash stays revoked (and unchanged): a restart never brings a revoked secret back, a new secret does.
     */
    ApiToken putConfigured(String name, Role role, String tokenHash, Instant now);

    Optional<ApiToken> findActiveByHash(String tokenHash);

    List<ApiToken> list();

    /** Marks the token revoked; false when no active token has that name. */
    boolean revoke(String name, Instant now);
}
