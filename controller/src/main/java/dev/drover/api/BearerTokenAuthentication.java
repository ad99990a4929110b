package dev.drover.api;

import dev.drover.access.AccessTokens;
import dev.drover.access.ApiToken;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;

/**
 * Turns {@code Authorization: Bearer <token>} into the caller: the token's name, and its role with
 * every lesser role. The lookup (a hash, then an indexed read) runs off the event loop.
 */
@Singleton
public class BearerTokenAuthentication implements AuthenticationFetcher<HttpRequest<?>> {
    static final String ROLE_ATTRIBUTE = "role";
    /** An agent token's bound target, when it has one. */
    static final String TARGET_ATTRIBUTE = "target";
    private static final String PREFIX = "Bearer ";

    private final AccessTokens tokens;
    private final ExecutorService blocking;

    public BearerTokenAuthentication(AccessTokens tokens, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.tokens = tokens;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        Optional<String> secret = bearer(request);
        if (secret.isEmpty()) {
            return Publishers.empty();
        }
        return offTheEventLoop(blocking,
                () -> tokens.authenticate(secret.get()).map(BearerTokenAuthentication::toAuthentication).orElse(null));
    }

    /** Runs a lookup that reads the database on the blocking pool; a null answer means no caller. */
    static Publisher<Authentication> offTheEventLoop(ExecutorService blocking, Supplier<Authentication> lookup) {
        return Publishers.fromCompletableFuture(CompletableFuture.supplyAsync(lookup, blocking));
    }

    static Optional<String> bearer(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(PREFIX.length()).trim()).filter(s -> !s.isEmpty());
    }

    private static Authentication toAuthentication(ApiToken token) {
        Map<String, Object> attributes = token.boundTarget() == null ? Map.of(ROLE_ATTRIBUTE, token.role().wireName())
                : Map.of(ROLE_ATTRIBUTE, token.role().wireName(), TARGET_ATTRIBUTE, token.boundTarget());
        return Authentication.build(token.name(), token.role().grantedRoles(), attributes);
    }
}
