package dev.drover.store.jooq;

import static dev.drover.store.jooq.Timestamps.fromColumn;
import static dev.drover.store.jooq.Timestamps.toColumn;
import static dev.drover.store.jooq.schema.Tables.GIT_COMMIT;
import static dev.drover.store.jooq.schema.Tables.REVISION;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.revision.Revision;
import dev.drover.revision.RevisionSpec;
import dev.drover.revision.RevisionStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

/** Revisions with their spec as JSON; the next number is taken inside the insert's transaction and retried on a race. */
public final class JooqRevisionStore implements RevisionStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 5;

    private final DSLContext dsl;

    public JooqRevisionStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Revision create(long serviceId, long commitId, String imageRef, RevisionSpec spec, Instant now) {
        for (int attempt = 1; ; attempt++) {
            Optional<Revision> existing = forCommit(commitId);
            if (existing.isPresent()) {
                return existing.get();
            }
            try {
                dsl.transaction(tx -> {
                    Integer max = tx.dsl().select(DSL.max(REVISION.NUMBER)).from(REVISION)
                            .where(REVISION.SERVICE_ID.eq(serviceId)).fetchOne(0, Integer.class);
                    tx.dsl().insertInto(REVISION)
                            .set(REVISION.SERVICE_ID, serviceId)
                            .set(REVISION.NUMBER, max == null ? 1 : max + 1)
                            .set(REVISION.COMMIT_ID, commitId)
                            .set(REVISION.IMAGE_REF, imageRef)
                            .set(REVISION.SPEC, write(spec))
                            .set(REVISION.CREATED_AT, toColumn(now))
                            .execute();
                });
            } catch (IntegrityConstraintViolationException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public List<Revision> list(long serviceId, int limit) {
        return select().where(REVISION.SERVICE_ID.eq(serviceId)).orderBy(REVISION.NUMBER.desc()).limit(limit)
                .fetch(JooqRevisionStore::toRevision);
    }

    @Override
    public Optional<Revision> find(long serviceId, int number) {
        return select().where(REVISION.SERVICE_ID.eq(serviceId).and(REVISION.NUMBER.eq(number)))
                .fetchOptional(JooqRevisionStore::toRevision);
    }

    private Optional<Revision> forCommit(long commitId) {
        return select().where(REVISION.COMMIT_ID.eq(commitId)).fetchOptional(JooqRevisionStore::toRevision);
    }

    private org.jooq.SelectJoinStep<Record> select() {
        return dsl.select(REVISION.asterisk(), GIT_COMMIT.SHA).from(REVISION)
                .join(GIT_COMMIT).on(GIT_COMMIT.ID.eq(REVISION.COMMIT_ID));
    }

    private static Revision toRevision(Record r) {
        return new Revision(r.get(REVISION.ID), r.get(REVISION.SERVICE_ID), r.get(REVISION.NUMBER), r.get(REVISION.COMMIT_ID),
                r.get(GIT_COMMIT.SHA), r.get(REVISION.IMAGE_REF), read(r.get(REVISION.SPEC)), fromColumn(r.get(REVISION.CREATED_AT)));
    }

    private static String write(RevisionSpec spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a revision spec is always JSON", e);
        }
    }

    private static RevisionSpec read(String json) {
        try {
            return JSON.readValue(json, RevisionSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored revision spec is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
