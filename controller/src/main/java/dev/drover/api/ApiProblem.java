package dev.drover.api;

import io.micronaut.http.HttpStatus;

/** Thrown by endpoints to answer with a problem: a status, a short title and what to do about it. */
public class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final HttpStatus status;
    private final String title;

    public ApiProblem(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ApiProblem notFound(String what, String name) {
        return new ApiProblem(HttpStatus.NOT_FOUND, what + " not found", "there is no " + what + " named '" + name + "'");
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
