package dev.drover.api;

import io.micronaut.http.HttpRequest;
import java.util.Optional;

/**
 * What an endpoint tells the audit filter about the call it is serving: the target it acted on
 * and the reason the caller gave. Without a note, the target is the path and the reason comes
 * from the {@value #REASON_HEADER} header.
 */
public final class AuditNote {
    public static final String REASON_HEADER = "X-Drover-Reason";
    private static final String TARGET = "drover.audit.target";
    private static final String REASON = "drover.audit.reason";

    private AuditNote() {
    }

    public static void target(HttpRequest<?> request, String target) {
        request.setAttribute(TARGET, target);
    }

    public static void reason(HttpRequest<?> request, String reason) {
        if (reason != null && !reason.isBlank()) {
            request.setAttribute(REASON, reason);
        }
    }

    static String targetOf(HttpRequest<?> request) {
        return request.getAttribute(TARGET, String.class).orElse(request.getPath());
    }

    static String reasonOf(HttpRequest<?> request) {
        Optional<String> noted = request.getAttribute(REASON, String.class);
        return noted.orElseGet(() -> request.getHeaders().get(REASON_HEADER));
    }
}
