package dev.drover.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Dashboard sign-in: an API token is exchanged for a session whose random secret travels only in an
 * HttpOnly cookie. Requests that change state must also carry the session's CSRF token, an HMAC of
 * the cookie's secret that the page can read but another site cannot compute.
 */
public final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CSRF_LABEL = "drover-csrf-v1".getBytes(StandardCharsets.UTF_8);

    private final AccessTokens tokens;
    private final SessionStore store;
    private final Clock clock;
    private final Duration ttl;

    public Sessions(AccessTokens tokens, SessionStore store, Clock clock, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("drover.dashboard.session-ttl must be positive, got " + ttl);
        }
        this.tokens = tokens;
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A new session and the secret for its cookie; empty when the token is unknown or revoked. */
    public record Started(DashboardSession session, String secret) {
        @Override
        public String toString() {
            return "Started[" + session + ", secret=****]";
        }
    }

    public Optional<Started> start(String apiTokenSecret) {
        return tokens.authenticate(apiTokenSecret).map(token -> {
            Instant now = clock.instant();
            store.deleteEndedBefore(now.minus(Duration.ofDays(1)));
            String secret = newSecret();
            return new Started(store.create(token.id(), TokenSecret.sha256(secret), now, now.plus(ttl)), secret);
        });
    }

    public Optional<DashboardSession> find(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return store.findActive(TokenSecret.sha256(secret), clock.instant());
    }

    public boolean end(String secret) {
        return secret != null && store.end(TokenSecret.sha256(secret), clock.instant());
    }

    /** The CSRF token of the session whose cookie holds {@code secret}. */
    public static String csrfToken(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(CSRF_LABEL));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /** Whether {@code presented} is the session's CSRF token, compared in constant time. */
    public static boolean csrfMatches(String secret, String presented) {
        return presented != null && MessageDigest.isEqual(csrfToken(secret).getBytes(StandardCharsets.UTF_8),
                presented.trim().getBytes(StandardCharsets.UTF_8));
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "drs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
