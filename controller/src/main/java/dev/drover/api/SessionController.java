package dev.drover.api;

import dev.drover.access.DashboardSession;
import dev.drover.access.Sessions;
import dev.drover.server.DashboardConfig;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;

/**
 * The dashboard's sign-in: an API token exchanged for an HttpOnly, SameSite=Strict session cookie,
 * and the CSRF token every state-changing request made with that cookie must carry.
 */
@Controller("/api/v1/session")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "access")
public class SessionController {
    private final Sessions sessions;
    private final DashboardConfig config;

    public SessionController(Sessions sessions, DashboardConfig config) {
        this.sessions = sessions;
        this.config = config;
    }

    @Introspected
    public record SignIn(@Nullable @Size(max = Input.TOKEN, message = Input.AT_MOST)
                         @Pattern(regexp = Input.ONE_LINE, message = Input.ONE_LINE_MESSAGE) String token) {
        @Override
        public String toString() {
            return "SignIn[token=****]";
        }
    }

    /**
     * Who is signed in. {@code csrfToken} goes in the {@code X-CSRF-Token} header of every request that
     * changes state; it is null for a bearer token, which needs none.
     */
    public record SessionView(String name, String role, String csrfToken, Instant expiresAt) {
    }

    @Post
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Audited("session.start")
    @Operation(summary = "Sign in to the dashboard: exchanges an API token for a session cookie")
    public HttpResponse<?> start(HttpRequest<?> request, @Valid @Body SignIn body) {
        if (body.token() == null || body.token().isBlank()) {
            throw new IllegalArgumentException("token is required: paste an API token (drover token create makes one)");
        }
        var started = sessions.start(body.token()).orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED,
                "Sign-in refused", "the token is unknown or revoked: check it, or ask an admin for a new one "
                + "(drover token create)"));
        DashboardSession session = started.session();
        AuditNote.target(request, "token/" + session.token().name());
        return HttpResponse.ok(view(session, started.secret())).cookie(SessionCookie.of(started.secret(),
                Duration.between(session.createdAt(), session.expiresAt()), SessionCookie.secure(request, config.secureCookie())));
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Who is signed in (all fields null when nobody is), with the session's CSRF token")
    public SessionView current(HttpRequest<?> request, @Nullable Authentication caller) {
        if (caller == null) {
            return new SessionView(null, null, null, null);
        }
        var secret = SessionCookie.secretOf(request);
        if (secret.isPresent()) {
            var session = sessions.find(secret.get());
            if (session.isPresent()) {
                return view(session.get(), secret.get());
            }
        }
        return new SessionView(caller.getName(),
                String.valueOf(caller.getAttributes().get(BearerTokenAuthentication.ROLE_ATTRIBUTE)), null, null);
    }

    @Delete
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Audited("session.end")
    @Operation(summary = "Sign out: ends the session and clears its cookie")
    public HttpResponse<?> end(HttpRequest<?> request) {
        SessionCookie.secretOf(request).ifPresent(sessions::end);
        return HttpResponse.noContent().cookie(SessionCookie.cleared(SessionCookie.secure(request, config.secureCookie())));
    }

    private static SessionView view(DashboardSession session, String secret) {
        return new SessionView(session.token().name(), session.token().role().wireName(), Sessions.csrfToken(secret),
                session.expiresAt());
    }
}
