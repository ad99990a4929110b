package dev.drover.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.time.Duration;
import java.util.Optional;

/** The dashboard's session cookie and CSRF header, by name, and how the cookie is written. */
final class SessionCookie {
    static final String NAME = "drover_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** Authentication attribute saying how the caller signed in: {@code session} or {@code token}. */
    static final String VIA_ATTRIBUTE = "via";
    static final String VIA_SESSION = "session";
    /** Authentication attribute: when a session ends (an {@code Instant}). */
    static final String EXPIRES_ATTRIBUTE = "expiresAt";

    private SessionCookie() {
    }

    /** The session secret the request carries, unless it authenticates with a bearer token instead. */
    static Optional<String> secretOf(HttpRequest<?> request) {
        if (request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            return Optional.empty();
        }
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    static Cookie of(String secret, Duration maxAge, boolean secure) {
        return Cookie.of(NAME, secret).httpOnly(true).sameSite(SameSite.Strict).path("/").maxAge(maxAge)
                .secure(secure);
    }

    static Cookie cleared(boolean secure) {
        return of("", Duration.ZERO, secure);
    }

    /** Secure when configured so, or when the request came over TLS (directly or through a proxy that says so). */
    static boolean secure(HttpRequest<?> request, boolean configured) {
        return configured || request.isSecure()
                || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }
}
