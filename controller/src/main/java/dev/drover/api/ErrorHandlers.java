package dev.drover.api;

import dev.drover.rollout.Refusal;
import dev.drover.server.DatabaseWatch;
import dev.drover.store.AlreadyExistsException;
import dev.drover.store.StaleVersionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps the domain's exceptions to problem answers: a status, a title, and advice after the message. */
final class ErrorHandlers {
    private ErrorHandlers() {
    }

    abstract static class Mapped<E extends RuntimeException> implements ExceptionHandler<E, HttpResponse<?>> {
        private final ProblemResponses problems;
        private final HttpStatus status;
        private final String title;
        private final String advice;

        Mapped(ProblemResponses problems, HttpStatus status, String title, String advice) {
            this.problems = problems;
            this.status = status;
            this.title = title;
            this.advice = advice;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, E e) {
            return problems.of(request, status, title, e.getMessage() + advice, null);
        }
    }

    @Singleton
    static class InvalidInputHandler extends Mapped<IllegalArgumentException> {
        InvalidInputHandler(ProblemResponses problems) {
            super(problems, HttpStatus.BAD_REQUEST, "Invalid request", "");
        }
    }

    @Singleton
    static class AlreadyExistsHandler extends Mapped<AlreadyExistsException> {
        AlreadyExistsHandler(ProblemResponses problems) {
            super(problems, HttpStatus.CONFLICT, "Already exists", ": choose another name");
        }
    }

    @Singleton
    static class StaleVersionHandler extends Mapped<StaleVersionException> {
        StaleVersionHandler(ProblemResponses problems) {
            super(problems, HttpStatus.CONFLICT, "Changed concurrently", "; read it again and retry");
        }
    }

    /** A rollout rule refused the request: 423 when a lock stands in the way (the CLI exits 3), else 409. */
    @Singleton
    static class RolloutRefusalHandler implements ExceptionHandler<Refusal, HttpResponse<?>> {
        private final ProblemResponses problems;

        RolloutRefusalHandler(ProblemResponses problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, Refusal e) {
            return e.locked() ? problems.of(request, HttpStatus.LOCKED, "Locked", e.getMessage(), null)
                    : problems.of(request, HttpStatus.CONFLICT, "Refused", e.getMessage(), null);
        }
    }

    /**
     * A request the database failed: 503 with what is wrong in words while the database cannot be used (logged
     * once per change by the watch, not per request), else 500 naming the failure's kind; never the statement.
     */
    @Singleton
    static class DatabaseFailureHandler implements ExceptionHandler<DataAccessException, HttpResponse<?>> {
        private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailureHandler.class);

        private final ProblemResponses problems;
        private final DatabaseWatch watch;

        DatabaseFailureHandler(ProblemResponses problems, DatabaseWatch watch) {
            this.problems = problems;
            this.watch = watch;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, DataAccessException e) {
            if (watch.failed(e)) {
                return problems.of(request, HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
                        watch.down().orElse(watch.describe(e)) + ": try again when /health says UP", null)
                        .header("Retry-After", "5");
            }
            String what = watch.describe(e);
            LOG.error("{} {} failed: {}", request.getMethodName(), request.getPath(), what);
            return problems.of(request, HttpStatus.INTERNAL_SERVER_ERROR, "Database error",
                    what + "; the controller's log has this request's id", null);
        }
    }

    /** Endpoints' own problems carry their status and title. */
    @Singleton
    static class ApiProblemHandler implements ExceptionHandler<ApiProblem, HttpResponse<?>> {
        private final ProblemResponses problems;

        ApiProblemHandler(ProblemResponses problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ApiProblem e) {
            return problems.of(request, e.status(), e.title(), e.getMessage(), null);
        }
    }
}
