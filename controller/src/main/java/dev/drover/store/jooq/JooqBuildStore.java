package dev.drover.store.jooq;

import static dev.drover.store.jooq.Timestamps.fromColumn;
import static dev.drover.store.jooq.Timestamps.toColumn;
import static dev.drover.store.jooq.schema.Tables.BUILD;
import static dev.drover.store.jooq.schema.Tables.GIT_COMMIT;

import dev.drover.build.Build;
import dev.drover.build.BuildStatus;
import dev.drover.build.BuildStore;
import dev.drover.store.Text;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

public final class JooqBuildStore implements BuildStore {
    private final DSLContext dsl;

    public JooqBuildStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Build start(long serviceId, long commitId, Instant now) {
        long id = dsl.insertInto(BUILD)
                .set(BUILD.SERVICE_ID, serviceId)
                .set(BUILD.COMMIT_ID, commitId)
                .set(BUILD.STATUS, BuildStatus.BUILDING.wireName())
                .set(BUILD.STARTED_AT, toColumn(now))
                .set(BUILD.VERSION, 1L)
                .returningResult(BUILD.ID)
                .fetchSingle(BUILD.ID);
        return byId(id);
    }

    @Override
    public void status(long buildId, BuildStatus status) {
        dsl.update(BUILD).set(BUILD.STATUS, status.wireName()).set(BUILD.VERSION, BUILD.VERSION.plus(1))
                .where(BUILD.ID.eq(buildId)).execute();
    }

    @Override
    public void imageBuilt(long buildId, String imageId, String buildLog) {
        dsl.update(BUILD).set(BUILD.IMAGE_ID, imageId).set(BUILD.BUILD_LOG, buildLog)
                .set(BUILD.VERSION, BUILD.VERSION.plus(1)).where(BUILD.ID.eq(buildId)).execute();
    }

    @Override
    public void buildLog(long buildId, String buildLog) {
        dsl.update(BUILD).set(BUILD.BUILD_LOG, buildLog).where(BUILD.ID.eq(buildId)).execute();
    }

    @Override
    public void tested(long buildId, int exitCode, long millis, String testLog) {
        dsl.update(BUILD).set(BUILD.TEST_EXIT_CODE, exitCode).set(BUILD.TEST_MILLIS, millis).set(BUILD.TEST_LOG, testLog)
                .set(BUILD.VERSION, BUILD.VERSION.plus(1)).where(BUILD.ID.eq(buildId)).execute();
    }

    @Override
    public void testLog(long buildId, String testLog) {
        dsl.update(BUILD).set(BUILD.TEST_LOG, testLog).where(BUILD.ID.eq(buildId)).execute();
    }

    @Override
    public void finish(long buildId, BuildStatus status, String imageRef, String failure, Instant now) {
        dsl.update(BUILD)
                .set(BUILD.STATUS, status.wireName())
                .set(BUILD.IMAGE_REF, imageRef)
                .set(BUILD.FAILURE, Text.clip(failure, 4000))
                .set(BUILD.FINISHED_AT, toColumn(now))
                .set(BUILD.VERSION, BUILD.VERSION.plus(1))
                .where(BUILD.ID.eq(buildId))
                .execute();
    }

    @Override
    public Optional<Build> latest(long commitId) {
        return select().where(BUILD.COMMIT_ID.eq(commitId)).orderBy(BUILD.ID.desc()).limit(1)
                .fetchOptional(JooqBuildStore::toBuild);
    }

    @Override
    public List<Build> unfinished() {
        return select().where(BUILD.STATUS.notIn(BuildStatus.GREEN.wireName(), BuildStatus.FAILED.wireName()))
                .orderBy(BUILD.ID).fetch(JooqBuildStore::toBuild);
    }

    private Build byId(long id) {
        return select().where(BUILD.ID.eq(id)).fetchSingle(JooqBuildStore::toBuild);
    }

    private org.jooq.SelectJoinStep<Record> select() {
        return dsl.select(BUILD.asterisk(), GIT_COMMIT.SHA).from(BUILD).join(GIT_COMMIT).on(GIT_COMMIT.ID.eq(BUILD.COMMIT_ID));
    }

    private static Build toBuild(Record r) {
        return new Build(r.get(BUILD.ID), r.get(BUILD.SERVICE_ID), r.get(BUILD.COMMIT_ID), r.get(GIT_COMMIT.SHA),
                BuildStatus.parse(r.get(BUILD.STATUS)), fromColumn(r.get(BUILD.STARTED_AT)),
                fromColumn(r.get(BUILD.FINISHED_AT)), r.get(BUILD.IMAGE_ID), r.get(BUILD.IMAGE_REF), r.get(BUILD.BUILD_LOG),
                r.get(BUILD.TEST_EXIT_CODE), r.get(BUILD.TEST_MILLIS), r.get(BUILD.TEST_LOG), r.get(BUILD.FAILURE));
    }
}
