package dev.drover.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers that keep the dashboard to itself: its scripts, styles and data from this origin only, never
 * framed, no content sniffing, no referrer sent elsewhere.
 */
@ServerFilter("/**")
public class SecurityHeadersFilter {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().add("X-Content-Type-Options", "nosniff");
        response.getHeaders().add("Referrer-Policy", "same-origin");
        response.getHeaders().add("X-Frame-Options", "DENY");
        if (!request.getPath().startsWith("/api/") && !request.getPath().startsWith("/openapi/")) {
            response.getHeaders().add("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
    }
}
