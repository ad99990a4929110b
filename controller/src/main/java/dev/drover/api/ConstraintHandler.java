package dev.drover.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.stream.Collectors;

/**
 * Input that broke a constraint: 400 with each field and its rule, e.g. {@code reason: at most 2000 characters}.
 * It replaces the framework's answer, which prefixes the method's and parameter's names and writes map keys
 * into the path: a key is input too, as long as the sender made it, and an answer never repeats input.
 */
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
    private final ProblemResponses problems;

    public ConstraintHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream().map(ConstraintHandler::describe).distinct().sorted()
                .collect(Collectors.joining("; "));
        return problems.of(request, HttpStatus.BAD_REQUEST, "Invalid request", detail, null);
    }

    /** {@code jobs[1].params: values must be strings, not null}: properties and list positions, never keys or values. */
    static String describe(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.isInIterable() && node.getIndex() != null && !field.isEmpty()) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        String name = field.isEmpty() ? parameter : field.toString();
        return (name == null ? "" : name + ": ") + violation.getMessage();
    }
}
