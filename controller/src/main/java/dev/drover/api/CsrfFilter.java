package dev.drover.api;

import dev.drover.access.Sessions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a state-changing request made with the dashboard's session cookie unless it carries the
 * session's CSRF token in {@code X-CSRF-Token} (a page of another site can make the browser send the
 * cookie, never read the token). Bearer-token calls carry no ambient credential and need none. Runs
 * after the security filter, inside the audit filter, so each refusal is audited.
 */
@ServerFilter("/**")
public class CsrfFilter implements Ordered {
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final ProblemResponses problems;

    public CsrfFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        Optional<String> secret = SessionCookie.secretOf(request);
        boolean viaSession = request.getUserPrincipal(Authentication.class)
                .map(a -> SessionCookie.VIA_SESSION.equals(a.getAttributes().get(SessionCookie.VIA_ATTRIBUTE)))
                .orElse(false);
        if (secret.isEmpty() || !viaSession
                || Sessions.csrfMatches(secret.get(), request.getHeaders().get(SessionCookie.CSRF_HEADER))) {
            return null;
        }
        return problems.of(request, HttpStatus.FORBIDDEN, "CSRF token missing or wrong",
                "a request that changes state with the dashboard's session cookie must send the session's "
                        + SessionCookie.CSRF_HEADER + " header (GET /api/v1/session gives it): reload the page", null);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
