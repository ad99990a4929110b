package dev.drover.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where tokens are kept. Implementations store the hash, never the secret. */
public interface TokenStore {

    /** Stores a new token; throws {@code AlreadyExistsException} when the name is taken. */
    ApiToken create(String name, Role role, String tokenHash, TokenOrigin origin, String createdBy, Instant now);

    /** Creates or replaces (role and hash) the configuration-declared token of this name. */
    ApiToken putConfigured(String name, Role role, String tokenHash, Instant now);

    Optional<ApiToken> findActiveByHash(String tokenHash);

    List<ApiToken> list();

    /** Marks the token revoked; false when no active token has that name. */
    boolean revoke(String name, Instant now);
}
