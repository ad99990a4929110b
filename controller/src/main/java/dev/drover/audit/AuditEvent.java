package dev.drover.audit;

import java.time.Instant;

/**
 * One audited call.
 *
 * @param id        assigned by the store; 0 before it is appended
 * @param actor     the token's name, or {@code anonymous} when none was accepted
 * @param action    what was asked, e.g. {@code token.create}
 * @param target    what it was asked of, e.g. the path or the service's name
 * @param reason    the reason the caller gave, if any
 * @param status    the HTTP status the caller got
 * @param detail    why it was refused or failed, if it was
 */
public record AuditEvent(
        long id,
        Instant at,
        String actor,
        String action,
        String target,
        String reason,
        AuditOutcome outcome,
        int status,
        String detail,
        String requestId) {

    public AuditEvent withId(long newId) {
        return new AuditEvent(newId, at, actor, action, target, reason, outcome, status, detail, requestId);
    }
}
