package dev.drover.api;

import dev.drover.audit.AuditEvent;
import java.time.Instant;

/** One audit log entry as the API shows it. */
public record AuditEventView(long id, Instant at, String actor, String action, String target, String reason,
                             String outcome, int status, String detail, String requestId) {
    static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.id(), e.at(), e.actor(), e.action(), e.target(), e.reason(),
                e.outcome().wireName(), e.status(), e.detail(), e.requestId());
    }
}
