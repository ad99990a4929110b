package dev.drover.api;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.drover.audit.AuditEvent;
import dev.drover.audit.AuditOutcome;
import dev.drover.audit.AuditStore;
import dev.drover.server.DatabaseWatch;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.RouteAttributes;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every mutating API call in the audit log once its answer is known: allowed, refused
 * (no token, too little role), rejected (bad input) or failed. It sits outside the security
 * filter, so refusals pass through it too.
 */
@ServerFilter("/api/**")
public class AuditFilter implements Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    static final String ANONYMOUS = "anonymous";

    private final AuditStore store;
    private final DatabaseWatch database;
    private final Clock clock;

    public AuditFilter(AuditStore store, DatabaseWatch database, Clock clock) {
        this.database = database;
        this.store = store;
        this.clock = clock;
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (READS.contains(request.getMethod())) {
            return;
        }
        int status = response.code();
        String detail = response.getBody(Problem.class).map(Problem::detail).orElse(null);
        AuditEvent event = new AuditEvent(0, clock.instant(), actorOf(request), actionOf(request),
                AuditNote.targetOf(request), AuditNote.reasonOf(request), AuditOutcome.ofHttpStatus(status),
                status, status < 400 ? null : detail, RequestIdFilter.idOf(request));
        try {
            store.append(event);
        } catch (RuntimeException e) {
            // The call itself is done; never lose its record: the log line below carries it whole (and the
            // failure in words: a driver's exception text can carry the statement).
            database.failed(e);
            LOG.error("audit write failed ({}), event kept in this log line only: {}", database.describe(e), event);
            return;
        }
        LOG.info("audit {} {} {} {}", kv("action", event.action()), kv("actor", event.actor()),
                kv("outcome", event.outcome().wireName()), kv("status", status));
    }

    private static String actorOf(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class).map(Authentication::getName).orElse(ANONYMOUS);
    }

    private static String actionOf(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .flatMap(route -> route.getAnnotationMetadata().stringValue(Audited.class))
                .orElse(request.getMethodName() + " " + request.getPath());
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
