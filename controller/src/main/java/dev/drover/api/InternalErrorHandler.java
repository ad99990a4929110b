package dev.drover.api;

import dev.drover.store.Text;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whatever no other handler takes: a 500 that says only where to look. An exception's message can carry
 * anything (a statement and its values, a secret, megabytes of input), so the answer never has it and the
 * log has it cut short: one line with the method, path, request id, class and the message clipped, and the
 * stack trace. Every more specific handler (ours, the framework's 404, 405, 413, conversion, JSON,
 * security and constraint answers) still wins: the framework picks the handler closest to the exception's class.
 */
@Singleton
public class InternalErrorHandler implements ExceptionHandler<Exception, HttpResponse<?>> {
    static final String DETAIL = "Internal error: the controller's log has this request's id";
    private static final Logger LOG = LoggerFactory.getLogger(InternalErrorHandler.class);
    private static final int MESSAGE = 500;
    private static final int CAUSES = 8;

    private final ProblemResponses problems;

    public InternalErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception e) {
        Clipped shown = new Clipped(e, 0);
        LOG.error("{} {} failed (request {}): {}", request.getMethodName(), request.getPath(),
                RequestIdFilter.idOf(request), shown.getMessage(), shown);
        return problems.of(request, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", DETAIL, null);
    }

    /** An exception as the log shows it: its class's name and its message clipped, its frames and causes kept. */
    static final class Clipped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Clipped(Throwable e, int depth) {
            super(e.getClass().getName() + ": " + Text.clip(String.valueOf(e.getMessage()), MESSAGE),
                    e.getCause() == null || depth >= CAUSES ? null : new Clipped(e.getCause(), depth + 1), false, true);
            setStackTrace(e.getStackTrace());
        }
    }
}
