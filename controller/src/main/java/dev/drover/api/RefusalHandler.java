package dev.drover.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;

/** 401 and 403 as problems that say what to send, or which role the call needs. */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class RefusalHandler implements ExceptionHandler<AuthorizationException, HttpResponse<?>> {
    private final ProblemResponses problems;

    public RefusalHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, AuthorizationException e) {
        if (!e.isForbidden()) {
            String detail = BearerTokenAuthentication.bearer(request).isPresent()
                    ? "the token sent is unknown or revoked: ask an admin for a new one (drover token create)"
                    : SessionCookie.secretOf(request).isPresent()
                    ? "the dashboard session has ended or expired, or its token was revoked: sign in again"
                    : "send an API token: 'Authorization: Bearer <token>' (the CLI reads --token or DROVER_TOKEN)";
            return problems.of(request, HttpStatus.UNAUTHORIZED, "Authentication required", detail, null)
                    .header("WWW-Authenticate", "Bearer realm=\"drover\"");
        }
        String caller = e.getAuthentication().getName();
        Object role = e.getAuthentication().getAttributes().get(BearerTokenAuthentication.ROLE_ATTRIBUTE);
        String needed = RouteAttributes.getRouteMatch(request)
                .map(route -> "role " + String.join(" or ", route.getAnnotationMetadata().stringValues(Secured.class)))
                .orElse("a higher role");
        return problems.of(request, HttpStatus.FORBIDDEN, "Role too low",
                "token '" + caller + "' has role " + role + "; this call needs " + needed, null);
    }
}
