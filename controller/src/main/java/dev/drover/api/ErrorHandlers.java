package dev.drover.api;

import dev.drover.store.AlreadyExistsException;
import dev.drover.store.StaleVersionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Maps the domain's exceptions to problem answers. */
final class ErrorHandlers {
    private ErrorHandlers() {
    }

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

    @Singleton
    static class InvalidInputHandler implements ExceptionHandler<IllegalArgumentException, HttpResponse<?>> {
        private final ProblemResponses problems;

        InvalidInputHandler(ProblemResponses problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, IllegalArgumentException e) {
            return problems.of(request, HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), null);
        }
    }

    @Singleton
    static class AlreadyExistsHandler implements ExceptionHandler<AlreadyExistsException, HttpResponse<?>> {
        private final ProblemResponses problems;

        AlreadyExistsHandler(ProblemResponses problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, AlreadyExistsException e) {
            return problems.of(request, HttpStatus.CONFLICT, "Already exists", e.getMessage() + ": choose another name", null);
        }
    }

    @Singleton
    static class StaleVersionHandler implements ExceptionHandler<StaleVersionException, HttpResponse<?>> {
        private final ProblemResponses problems;

        StaleVersionHandler(ProblemResponses problems) {
            this.problems = problems;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, StaleVersionException e) {
            return problems.of(request, HttpStatus.CONFLICT, "Changed concurrently", e.getMessage() + "; read it again and retry", null);
        }
    }
}
