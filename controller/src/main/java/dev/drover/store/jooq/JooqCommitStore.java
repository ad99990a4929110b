package dev.drover.store.jooq;

import static dev.drover.store.jooq.Timestamps.fromColumn;
import static dev.drover.store.jooq.Timestamps.toColumn;
import static dev.drover.store.jooq.schema.Tables.GIT_COMMIT;

import dev.drover.commit.Commit;
import dev.drover.commit.CommitNews;
import dev.drover.commit.CommitStatus;
import dev.drover.commit.CommitStore;
import dev.drover.commit.SeenCommit;
import dev.drover.store.Text;
import dev.drover.store.jooq.schema.tables.records.GitCommitRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

public final class JooqCommitStore implements CommitStore {
    private final DSLContext dsl;

    public JooqCommitStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public boolean record(long serviceId, SeenCommit c, CommitStatus status, String statusDetail, Instant now) {
        return dsl.transactionResult(tx -> {
            boolean fresh = insert(tx.dsl(), serviceId, c, status, statusDetail, now);
            if (fresh && status == CommitStatus.INVALID) {
                CommitNews.of(serviceId, c, status, statusDetail, now).ifPresent(e -> EventRows.insert(tx.dsl(), e));
            }
            return fresh;
        });
    }

    private static boolean insert(DSLContext t, long serviceId, SeenCommit c, CommitStatus status, String statusDetail,
                                  Instant now) {
        return t.insertInto(GIT_COMMIT)
                .set(GIT_COMMIT.SERVICE_ID, serviceId)
                .set(GIT_COMMIT.SHA, c.sha())
                .set(GIT_COMMIT.PARENTS, String.join(" ", c.parents()))
                .set(GIT_COMMIT.AUTHOR_NAME, Text.clip(c.authorName(), 300))
                .set(GIT_COMMIT.AUTHOR_EMAIL, Text.clip(c.authorEmail(), 300))
                .set(GIT_COMMIT.MESSAGE, Text.clip(c.message(), 4000))
                .set(GIT_COMMIT.COMMITTED_AT, toColumn(c.committedAt()))
                .set(GIT_COMMIT.RECORDED_AT, toColumn(now))
                .set(GIT_COMMIT.STATUS, status.wireName())
                .set(GIT_COMMIT.STATUS_DETAIL, Text.clip(statusDetail, 8000))
                .set(GIT_COMMIT.VERSION, 1L)
                .onConflict(GIT_COMMIT.SERVICE_ID, GIT_COMMIT.SHA)
                .doNothing()
                .execute() == 1;
    }

    @Override
    public boolean isRecorded(long serviceId, String sha) {
        return dsl.fetchExists(GIT_COMMIT, GIT_COMMIT.SERVICE_ID.eq(serviceId).and(GIT_COMMIT.SHA.eq(sha)));
    }

    @Override
    public List<Commit> list(long serviceId, int limit) {
        return dsl.selectFrom(GIT_COMMIT)
                .where(GIT_COMMIT.SERVICE_ID.eq(serviceId))
                .orderBy(GIT_COMMIT.ID.desc())
                .limit(limit)
                .fetch(JooqCommitStore::toCommit);
    }

    @Override
    public Optional<Commit> newest(long serviceId) {
        return list(serviceId, 1).stream().findFirst();
    }

    @Override
    public Optional<Commit> find(long serviceId, String sha) {
        return dsl.selectFrom(GIT_COMMIT).where(GIT_COMMIT.SERVICE_ID.eq(serviceId).and(GIT_COMMIT.SHA.eq(sha)))
                .fetchOptional().map(JooqCommitStore::toCommit);
    }

    @Override
    public List<Commit> findByPrefix(String prefix) {
        return dsl.selectFrom(GIT_COMMIT).where(GIT_COMMIT.SHA.startsWith(prefix)).orderBy(GIT_COMMIT.ID.desc()).limit(10)
                .fetch(JooqCommitStore::toCommit);
    }

    @Override
    public List<Commit> withStatus(long serviceId, CommitStatus status) {
        return dsl.selectFrom(GIT_COMMIT)
                .where(GIT_COMMIT.SERVICE_ID.eq(serviceId).and(GIT_COMMIT.STATUS.eq(status.wireName())))
                .orderBy(GIT_COMMIT.ID.desc())
                .fetch(JooqCommitStore::toCommit);
    }

    @Override
    public List<Commit> withStatus(CommitStatus status) {
        return dsl.selectFrom(GIT_COMMIT).where(GIT_COMMIT.STATUS.eq(status.wireName()))
                .orderBy(GIT_COMMIT.ID).fetch(JooqCommitStore::toCommit);
    }

    @Override
    public void setStatus(long commitId, CommitStatus status, String statusDetail, boolean requested, Instant now) {
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.update(GIT_COMMIT)
                    .set(GIT_COMMIT.STATUS, status.wireName())
                    .set(GIT_COMMIT.STATUS_DETAIL, Text.clip(statusDetail, 8000))
                    .set(GIT_COMMIT.REQUESTED, requested)
                    .set(GIT_COMMIT.VERSION, GIT_COMMIT.VERSION.plus(1))
                    .where(GIT_COMMIT.ID.eq(commitId))
                    .execute();
            t.selectFrom(GIT_COMMIT).where(GIT_COMMIT.ID.eq(commitId)).fetchOptional().map(JooqCommitStore::toCommit)
                    .flatMap(c -> CommitNews.of(c.serviceId(), seen(c), status, statusDetail, now))
                    .ifPresent(e -> EventRows.insert(t, e));
        });
    }

    private static SeenCommit seen(Commit c) {
        return new SeenCommit(c.sha(), c.parents(), c.authorName(), c.authorEmail(), c.message(), c.committedAt());
    }

    private static Commit toCommit(GitCommitRecord r) {
        List<String> parents = r.getParents().isEmpty() ? List.of() : Arrays.asList(r.getParents().split(" "));
        return new Commit(r.getId(), r.getServiceId(), r.getSha(), parents, r.getAuthorName(), r.getAuthorEmail(),
                r.getMessage(), fromColumn(r.getCommittedAt()), fromColumn(r.getRecordedAt()),
                CommitStatus.parse(r.getStatus()), r.getStatusDetail(), r.getRequested(), r.getVersion());
    }
}
