package dev.drover.api;

import dev.drover.access.DashboardSession;
import dev.drover.access.Sessions;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;

/**
 * Turns the dashboard's session cookie into the caller, with the role its token has now. A request
 * with an {@code Authorization} header is left to {@link BearerTokenAuthentication}.
 */
@Singleton
public class SessionCookieAuthentication implements AuthenticationFetcher<HttpRequest<?>> {
    private final Sessions sessions;
    private final ExecutorService blocking;

    public SessionCookieAuthentication(Sessions sessions, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sessions = sessions;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        Optional<String> secret = SessionCookie.secretOf(request);
        if (secret.isEmpty()) {
            return Publishers.empty();
        }
        return BearerTokenAuthentication.offTheEventLoop(blocking,
                () -> sessions.find(secret.get()).map(SessionCookieAuthentication::toAuthentication).orElse(null));
    }

    private static Authentication toAuthentication(DashboardSession session) {
        var role = session.token().role();
        return Authentication.build(session.token().name(), role.grantedRoles(),
                Map.of(BearerTokenAuthentication.ROLE_ATTRIBUTE, role.wireName(),
                        SessionCookie.VIA_ATTRIBUTE, SessionCookie.VIA_SESSION,
                        SessionCookie.EXPIRES_ATTRIBUTE, session.expiresAt()));
    }
}
