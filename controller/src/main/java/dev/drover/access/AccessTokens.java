package dev.drover.access;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Issues, checks and revokes API tokens. */
public final class AccessTokens {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final TokenStore store;
    private final Clock clock;

    public AccessTokens(TokenStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public IssuedToken issue(String name, Role role, String createdBy) {
        return issue(name, role, createdBy, null);
    }

    /**
     * A new token; {@code target}, for an agent token only, binds it to that target: its agent runs that target's
     * jobs only, whatever labels it reports. The caller checks that the target exists.
     */
    public IssuedToken issue(String name, Role role, String createdBy, String target) {
        requireValidName(name);
        if (target != null && role != Role.AGENT) {
            throw new IllegalArgumentException("only agent tokens are bound to a target: leave out target, or use role agent");
        }
        TokenSecret secret = TokenSecret.generate();
        ApiToken token = store.create(name, role, secret.hash(), TokenOrigin.API, createdBy, clock.instant(), target);
        return new IssuedToken(token, secret);
    }

    /** Registers a token declared in configuration by the hash of its secret. */
    public ApiToken declare(String name, Role role, String tokenHash) {
        requireValidName(name);
        if (!tokenHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("token '" + name + "': sha256 must be 64 lower-case hex digits");
        }
        return store.putConfigured(name, role, tokenHash, clock.instant());
    }

    /** The active token whose secret this is, if any. */
    public Optional<ApiToken> authenticate(String presentedSecret) {
        if (presentedSecret == null || presentedSecret.isBlank()) {
            return Optional.empty();
        }
        return store.findActiveByHash(TokenSecret.sha256(presentedSecret.trim()));
    }

    public List<ApiToken> list() {
        return store.list();
    }

    public boolean revoke(String name) {
        return store.revoke(name, clock.instant());
    }

    static void requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("token name '" + name
                    + "' is not valid: use 1-100 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }
}
