package dev.drover.store.jooq;

import static dev.drover.store.jooq.Timestamps.fromColumn;
import static dev.drover.store.jooq.Timestamps.toColumn;
import static dev.drover.store.jooq.schema.Tables.AUDIT_EVENT;

import dev.drover.audit.AuditEvent;
import dev.drover.audit.AuditOutcome;
import dev.drover.audit.AuditQuery;
import dev.drover.audit.AuditStore;
import dev.drover.store.Text;
import dev.drover.store.jooq.schema.tables.records.AuditEventRecord;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

public final class JooqAuditStore implements AuditStore {
    private final DSLContext dsl;

    public JooqAuditStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public AuditEvent append(AuditEvent e) {
        Long id = dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.AT, toColumn(e.at()))
                .set(AUDIT_EVENT.ACTOR, Text.clip(e.actor(), 200))
                .set(AUDIT_EVENT.ACTION, Text.clip(e.action(), 200))
                .set(AUDIT_EVENT.TARGET, Text.clip(e.target(), 1000))
                .set(AUDIT_EVENT.REASON, Text.clip(e.reason(), 2000))
                .set(AUDIT_EVENT.OUTCOME, e.outcome().wireName())
                .set(AUDIT_EVENT.STATUS, e.status())
                .set(AUDIT_EVENT.DETAIL, Text.clip(e.detail(), 2000))
                .set(AUDIT_EVENT.REQUEST_ID, Text.clip(e.requestId(), 64))
                .returningResult(AUDIT_EVENT.ID)
                .fetchSingle(AUDIT_EVENT.ID);
        return e.withId(id);
    }

    @Override
    public List<AuditEvent> list(AuditQuery query) {
        List<Condition> where = new ArrayList<>();
        if (query.beforeId() != null) {
            where.add(AUDIT_EVENT.ID.lt(query.beforeId()));
        }
        if (query.actor() != null) {
            where.add(AUDIT_EVENT.ACTOR.eq(query.actor()));
        }
        if (query.action() != null) {
            where.add(AUDIT_EVENT.ACTION.eq(query.action()));
        }
        return dsl.selectFrom(AUDIT_EVENT)
                .where(DSL.and(where))
                .orderBy(AUDIT_EVENT.ID.desc())
                .limit(query.limit())
                .fetch(JooqAuditStore::toEvent);
    }

    private static AuditEvent toEvent(AuditEventRecord r) {
        return new AuditEvent(r.getId(), fromColumn(r.getAt()), r.getActor(), r.getAction(), r.getTarget(),
                r.getReason(), AuditOutcome.parse(r.getOutcome()), r.getStatus(), r.getDetail(), r.getRequestId());
    }
}
