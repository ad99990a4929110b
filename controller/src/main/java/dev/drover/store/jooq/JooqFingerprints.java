package dev.drover.store.jooq;

import static dev.drover.store.jooq.schema.Tables.AGENT;
import static dev.drover.store.jooq.schema.Tables.ATTEMPT;
import static dev.drover.store.jooq.schema.Tables.AUDIT_EVENT;
import static dev.drover.store.jooq.schema.Tables.GIT_COMMIT;
import static dev.drover.store.jooq.schema.Tables.JOB;
import static dev.drover.store.jooq.schema.Tables.ROLLOUT;
import static dev.drover.store.jooq.schema.Tables.ROLLOUT_STAGE;
import static dev.drover.store.jooq.schema.Tables.SERVICE;
import static dev.drover.store.jooq.schema.Tables.TIER_STATE;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.sum;

import dev.drover.live.Fingerprints;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Fingerprints from indexed maxima and small tables: a job submitted or an attempt ended per service
 * (their service indexes), any attempt dispatched (the primary key), tier states, commits' versions,
 * the open stages' verdicts, agents' heartbeats and the audit log's newest id.
 */
public final class JooqFingerprints implements Fingerprints {
    private final DSLContext dsl;

    public JooqFingerprints(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Map<String, String> read() {
        Map<String, String> marks = new HashMap<>();
        marks.put("jobs", text(dsl.select(max(ATTEMPT.ID)).from(ATTEMPT).fetchOne()));
        marks.put("agents", text(dsl.select(max(AGENT.LAST_SEEN_AT), count(), sum(AGENT.VERSION)).from(AGENT).fetchOne()));
        marks.put("audit", text(dsl.select(max(AUDIT_EVENT.ID)).from(AUDIT_EVENT).fetchOne()));
        for (Record service : dsl.select(SERVICE.ID, SERVICE.NAME).from(SERVICE).fetch()) {
            long id = service.get(SERVICE.ID);
            String name = service.get(SERVICE.NAME);
            marks.put("jobs:" + name, text(dsl.select(max(JOB.SUBMITTED_AT)).from(JOB).where(JOB.SERVICE_ID.eq(id)).fetchOne())
                    + "/" + text(dsl.select(max(ATTEMPT.RECEIVED_AT)).from(ATTEMPT).where(ATTEMPT.SERVICE_ID.eq(id)).fetchOne()));
            marks.put("tiers:" + name, text(dsl.select(max(TIER_STATE.UPDATED_AT), sum(TIER_STATE.VERSION))
                    .from(TIER_STATE).where(TIER_STATE.SERVICE_ID.eq(id)).fetchOne()));
            marks.put("commits:" + name, text(dsl.select(count(), sum(GIT_COMMIT.VERSION)).from(GIT_COMMIT)
                    .where(GIT_COMMIT.SERVICE_ID.eq(id)).fetchOne()));
            marks.put("verdicts:" + name, Integer.toHexString(dsl.select(ROLLOUT_STAGE.ROLLOUT_ID, ROLLOUT_STAGE.STAGE,
                            ROLLOUT_STAGE.VERDICTS).from(ROLLOUT_STAGE).join(ROLLOUT).on(ROLLOUT.ID.eq(ROLLOUT_STAGE.ROLLOUT_ID))
                    .where(ROLLOUT.SERVICE_ID.eq(id).and(ROLLOUT_STAGE.ENDED_AT.isNull())).fetch()
                    .map(r -> r.get(ROLLOUT_STAGE.ROLLOUT_ID) + "." + r.get(ROLLOUT_STAGE.STAGE) + "="
                            + Objects.hashCode(r.get(ROLLOUT_STAGE.VERDICTS))).hashCode()));
        }
        return marks;
    }

    private static String text(Record r) {
        return r == null ? "" : r.intoList().toString();
    }
}
