package dev.drover.audit;

import java.util.List;

/** The append-only audit log. */
public interface AuditStore {

    /** Appends the event and returns it with its id. */
    AuditEvent append(AuditEvent event);

    List<AuditEvent> list(AuditQuery query);
}
