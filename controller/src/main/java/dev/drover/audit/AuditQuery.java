package dev.drover.audit;

/**
 * A page of the audit log, newest first.
 *
 * @param limit    at most this many events (1-1000)
 * @param beforeId only events older than this id (for paging); null for the newest
 * @param actor    only this actor; null for all
 * @param action   only this action; null for all
 */
public record AuditQuery(int limit, Long beforeId, String actor, String action) {
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    public static AuditQuery newest(int limit) {
        return new AuditQuery(limit, null, null, null);
    }
}
