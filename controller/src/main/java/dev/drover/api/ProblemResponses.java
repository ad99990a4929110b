package dev.drover.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Builds problem answers through the framework's error processor, so every error has one shape. */
@Singleton
public class ProblemResponses {
    private final ErrorResponseProcessor<?> processor;

    public ProblemResponses(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    public MutableHttpResponse<?> of(HttpRequest<?> request, HttpStatus status, String title, String detail, Throwable cause) {
        ErrorContext.Builder context = ErrorContext.builder(request).error(new Error() {
            @Override
            public String getMessage() {
                return detail;
            }

            @Override
            public Optional<String> getTitle() {
                return Optional.of(title);
            }
        });
        if (cause != null) {
            context.cause(cause);
        }
        return processor.processResponse(context.build(), HttpResponse.status(status));
    }
}
