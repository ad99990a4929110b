package dev.drover.api;

import dev.drover.store.Text;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/**
 * Every JSON error the server produces, ours and the framework's, as {@code application/problem+json}. The
 * detail is cut to {@value #DETAIL} characters whatever made it: the last guard against a message that
 * carries a request's input back to it.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {
    static final int DETAIL = 1000;

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        int status = response.code();
        String title = context.getErrors().stream().map(Error::getTitle).flatMap(java.util.Optional::stream)
                .findFirst().orElse(response.reason());
        String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return new Problem("about:blank", title, status, detail.isEmpty() ? null : Text.clip(detail, DETAIL),
                context.getRequest().getPath(), RequestIdFilter.idOf(context.getRequest()));
    }

    @Override
    public String contentType() {
        return Problem.CONTENT_TYPE;
    }
}
