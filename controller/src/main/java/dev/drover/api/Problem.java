package dev.drover.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error answer, as RFC 9457 {@code application/problem+json}.
 *
 * @param requestId the request's id, to find its log lines
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String requestId) {
    public static final String CONTENT_TYPE = "application/problem+json";
}
