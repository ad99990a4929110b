package dev.drover.store.jooq;

import static dev.drover.store.jooq.Timestamps.fromColumn;
import static dev.drover.store.jooq.Timestamps.toColumn;
import static dev.drover.store.jooq.schema.Tables.AGENT;
import static dev.drover.store.jooq.schema.Tables.ATTEMPT;
import static dev.drover.store.jooq.schema.Tables.JOB;
import static dev.drover.store.jooq.schema.Tables.LATE_RESULT;

import dev.drover.agent.protocol.Outcome;
import dev.drover.job.Arm;
import dev.drover.job.Attempt;
import dev.drover.job.Job;
import dev.drover.job.JobFilter;
import dev.drover.job.JobMove;
import dev.drover.job.JobStatus;
import dev.drover.job.JobStore;
import dev.drover.job.ListedJob;
import dev.drover.job.Measured;
import dev.drover.store.Text;
import dev.drover.store.jooq.schema.tables.records.AttemptRecord;
import dev.drover.store.jooq.schema.tables.records.JobRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

public final class JooqJobStore implements JobStore {
    private final DSLContext dsl;

    public JooqJobStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(List<Job> jobs) {
        dsl.batch(jobs.stream().map(j -> dsl.insertInto(JOB)
                .set(JOB.ID, j.id())
                .set(JOB.SERVICE_ID, j.serviceId())
                .set(JOB.PARAMS, Json.write(j.params()))
                .set(JOB.REQUIRES_GPU, j.requiresGpu())
                .set(JOB.PINNED_REVISION, j.pinnedRevision())
                .set(JOB.TIER, j.tier())
                .set(JOB.REVISION, j.revision())
                .set(JOB.ARM, j.arm() == null ? null : j.arm().wireName())
                .set(JOB.REPLAY_OF, j.replayOf())
                .set(JOB.STATUS, j.status().wireName())
                .set(JOB.REASON, j.reason())
                .set(JOB.SUBMITTED_AT, toColumn(j.submittedAt()))
                .set(JOB.VERSION, 1L)).toList()).execute();
    }

    @Override
    public Optional<Job> find(String id) {
        return dsl.selectFrom(JOB).where(JOB.ID.eq(id)).fetchOptional().map(JooqJobStore::toJob);
    }

    /**
     * One query: the latest attempt joined as the one whose number is the job's attempt count (a claim raises
     * both together), the cost summed over all attempts in a subquery, the filter in the where clause.
     */
    @Override
    public List<ListedJob> list(long serviceId, JobFilter filter, int limit) {
        var latest = ATTEMPT.as("latest");
        var priced = ATTEMPT.as("priced");
        Field<Double> cost = DSL.field(DSL.select(DSL.sum(priced.COST).coerce(SQLDataType.DOUBLE)).from(priced)
                .where(priced.JOB_ID.eq(JOB.ID))).as("cost");
        return dsl.select(JOB.fields()).select(latest.OUTCOME, latest.DURATION_MS, cost)
                .from(JOB).leftJoin(latest).on(latest.JOB_ID.eq(JOB.ID).and(latest.NUMBER.eq(JOB.ATTEMPTS)))
                .where(matching(serviceId, filter, latest.OUTCOME))
                .orderBy(JOB.SUBMITTED_AT.desc(), JOB.ID.desc()).limit(limit)
                .fetch(r -> new ListedJob(toJob(r.into(JOB)),
                        r.get(latest.OUTCOME) == null ? null : Outcome.parse(r.get(latest.OUTCOME)),
                        r.get(latest.DURATION_MS), r.get(cost)));
    }

    /** The filter as a condition on the job's columns and its latest attempt's outcome column. */
    private static Condition matching(long serviceId, JobFilter filter, Field<String> latestOutcome) {
        Condition where = JOB.SERVICE_ID.eq(serviceId);
        if (filter.status() != null) {
            where = where.and(JOB.STATUS.eq(filter.status().wireName()));
        }
        if (filter.tier() != null) {
            where = where.and(JOB.TIER.eq(filter.tier()));
        }
        if (filter.revision() != null) {
            where = where.and(JOB.REVISION.eq(filter.revision()));
        }
        if (filter.arm() != null) {
            where = where.and(JOB.ARM.eq(filter.arm().wireName()));
        }
        if (filter.outcome() != null) {
            where = where.and(latestOutcome.eq(filter.outcome().wireName()));
        }
        if (filter.since() != null) {
            where = where.and(JOB.SUBMITTED_AT.ge(toColumn(filter.since())));
        }
        if (filter.until() != null) {
            where = where.and(JOB.SUBMITTED_AT.lt(toColumn(filter.until())));
        }
        return where;
    }

    @Override
    public List<Job> recentSubmitted(long serviceId, int limit) {
        return dsl.selectFrom(JOB).where(JOB.SERVICE_ID.eq(serviceId).and(JOB.REPLAY_OF.isNull())
                        .and(JOB.PINNED_REVISION.isNull()))
                .orderBy(JOB.SUBMITTED_AT.desc(), JOB.ID.desc()).limit(limit).fetch(JooqJobStore::toJob);
    }

    @Override
    public List<Job> queuedReplays(long serviceId) {
        return dsl.selectFrom(JOB).where(JOB.SERVICE_ID.eq(serviceId).and(JOB.REPLAY_OF.isNotNull())
                .and(JOB.STATUS.eq(JobStatus.QUEUED.wireName()))).fetch(JooqJobStore::toJob);
    }

    @Override
    public List<Job> queued(int limit) {
        return dsl.selectFrom(JOB).where(JOB.STATUS.eq(JobStatus.QUEUED.wireName()))
                .orderBy(JOB.SUBMITTED_AT, JOB.ID).limit(limit).fetch(JooqJobStore::toJob);
    }

    @Override
    public void route(String jobId, String tier, String reason) {
        dsl.update(JOB).set(JOB.TIER, tier).set(JOB.REASON, Text.clip(reason, 2000)).set(JOB.VERSION, JOB.VERSION.plus(1))
                .where(JOB.ID.eq(jobId).and(JOB.STATUS.eq(JobStatus.QUEUED.wireName()))).execute();
    }

    @Override
    public Optional<Attempt> claim(Job job, long agentId, int revision, Arm arm, Instant now) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            int moved = t.update(JOB)
                    .set(JOB.STATUS, JobStatus.RUNNING.wireName())
                    .set(JOB.REVISION, revision)
                    .set(JOB.ARM, arm.wireName())
                    .set(JOB.ATTEMPTS, JOB.ATTEMPTS.plus(1))
                    .setNull(JOB.REASON)
                    .set(JOB.VERSION, JOB.VERSION.plus(1))
                    .where(JOB.ID.eq(job.id()).and(JOB.VERSION.eq(job.version()))
                            .and(JOB.STATUS.eq(JobStatus.QUEUED.wireName())).and(JOB.CANCEL_REQUESTED.isFalse()))
                    .execute();
            if (moved == 0) {
                return Optional.<Attempt>empty();
            }
            AttemptRecord attempt = t.insertInto(ATTEMPT)
                    .set(ATTEMPT.JOB_ID, job.id())
                    .set(ATTEMPT.NUMBER, job.attempts() + 1)
                    .set(ATTEMPT.AGENT_ID, agentId)
                    .set(ATTEMPT.SERVICE_ID, job.serviceId())
                    .set(ATTEMPT.TIER, job.tier())
                    .set(ATTEMPT.REVISION, revision)
                    .set(ATTEMPT.ARM, arm.wireName())
                    .set(ATTEMPT.STATUS, "running")
                    .set(ATTEMPT.DISPATCHED_AT, toColumn(now))
                    .returning()
                    .fetchSingle();
            return Optional.of(toAttempt(attempt));
        });
    }

    @Override
    public Optional<Attempt> attempt(long attemptId) {
        return dsl.selectFrom(ATTEMPT).where(ATTEMPT.ID.eq(attemptId)).fetchOptional().map(JooqJobStore::toAttempt);
    }

    @Override
    public List<Attempt> attempts(String jobId) {
        return dsl.selectFrom(ATTEMPT).where(ATTEMPT.JOB_ID.eq(jobId)).orderBy(ATTEMPT.NUMBER).fetch(JooqJobStore::toAttempt);
    }

    @Override
    public void setBackendRef(long attemptId, String ref) {
        dsl.update(ATTEMPT).set(ATTEMPT.BACKEND_REF, ref).where(ATTEMPT.ID.eq(attemptId)).execute();
    }

    @Override
    public Map<Long, String> backendRefs(long agentId) {
        Map<Long, String> refs = new java.util.LinkedHashMap<>();
        dsl.select(ATTEMPT.ID, ATTEMPT.BACKEND_REF).from(ATTEMPT)
                .where(ATTEMPT.AGENT_ID.eq(agentId).and(ATTEMPT.STATUS.eq("running")).and(ATTEMPT.BACKEND_REF.isNotNull()))
                .orderBy(ATTEMPT.ID).forEach(r -> refs.put(r.get(ATTEMPT.ID), r.get(ATTEMPT.BACKEND_REF)));
        return refs;
    }

    @Override
    public List<Attempt> running(long agentId) {
        return dsl.selectFrom(ATTEMPT).where(ATTEMPT.AGENT_ID.eq(agentId).and(ATTEMPT.STATUS.eq("running")))
                .fetch(JooqJobStore::toAttempt);
    }

    @Override
    public int runningCount(long agentId) {
        return dsl.fetchCount(ATTEMPT, ATTEMPT.AGENT_ID.eq(agentId).and(ATTEMPT.STATUS.eq("running")));
    }

    @Override
    public List<Attempt> runningOnLapsedAgents(Instant before) {
        return dsl.select(ATTEMPT.asterisk()).from(ATTEMPT).join(AGENT).on(AGENT.ID.eq(ATTEMPT.AGENT_ID))
                .where(ATTEMPT.STATUS.eq("running").and(AGENT.LEASE_EXPIRES_AT.lt(toColumn(before))))
                .fetch(r -> toAttempt(r.into(ATTEMPT)));
    }

    @Override
    public boolean finishAttempt(long attemptId, Measured m, JobMove move) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            if (!finishAttempt(t, attemptId, m)) {
                return false;
            }
            String jobId = t.select(ATTEMPT.JOB_ID).from(ATTEMPT).where(ATTEMPT.ID.eq(attemptId)).fetchOne(ATTEMPT.JOB_ID);
            switch (move.kind()) {
                case NONE -> { }
                case FINISH -> finish(t, jobId, move.status(), move.reason(), move.at());
                case REQUEUE -> requeue(t, jobId, move.infraFailure() ? JOB.INFRA_FAILURES : JOB.CODE_FAILURES,
                        move.reason());
                case RETRY -> requeue(t, jobId, null, move.reason());
                case REROUTE -> t.update(JOB).set(JOB.STATUS, JobStatus.QUEUED.wireName())
                        .set(JOB.REASON, Text.clip(move.reason(), 2000)).setNull(JOB.REVISION).setNull(JOB.ARM)
                        .set(JOB.VERSION, JOB.VERSION.plus(1))
                        .where(JOB.ID.eq(jobId).and(JOB.STATUS.eq(JobStatus.RUNNING.wireName()))).execute();
            }
            return true;
        });
    }

    private static boolean finishAttempt(DSLContext dsl, long attemptId, Measured m) {
        return dsl.update(ATTEMPT)
                .set(ATTEMPT.STATUS, "finished")
                .set(ATTEMPT.OUTCOME, m.outcome().wireName())
                .set(ATTEMPT.EXIT_CODE, m.exitCode())
                .set(ATTEMPT.STARTED_AT, toColumn(m.startedAt()))
                .set(ATTEMPT.ENDED_AT, toColumn(m.endedAt()))
                .set(ATTEMPT.DURATION_MS, m.durationMillis())
                .set(ATTEMPT.CPU_AVG, m.cpuAvg())
                .set(ATTEMPT.CPU_PEAK, m.cpuPeak())
                .set(ATTEMPT.MEMORY_PEAK, m.memoryPeak())
                .set(ATTEMPT.GPU_UTIL, m.gpuUtilization())
                .set(ATTEMPT.GPU_MEMORY, m.gpuMemory())
                .set(ATTEMPT.COST, m.cost())
                .set(ATTEMPT.DETAIL, Text.clip(m.detail(), 2000))
                .set(ATTEMPT.LOG_TAIL, m.logTail())
                .set(ATTEMPT.LOG, m.log())
                .set(ATTEMPT.INSTANCE_TYPE, Text.clip(m.instanceType(), 64))
                .set(ATTEMPT.AVAILABILITY_ZONE, Text.clip(m.availabilityZone(), 64))
                .set(ATTEMPT.RECEIVED_AT, toColumn(m.receivedAt()))
                .where(ATTEMPT.ID.eq(attemptId).and(ATTEMPT.STATUS.eq("running")))
                .execute() == 1;
    }

    @Override
    public void lateResult(long attemptId, String outcome, String detail, Instant now) {
        dsl.insertInto(LATE_RESULT).set(LATE_RESULT.ATTEMPT_ID, attemptId).set(LATE_RESULT.RECEIVED_AT, toColumn(now))
                .set(LATE_RESULT.OUTCOME, outcome).set(LATE_RESULT.DETAIL, Text.clip(detail, 2000)).execute();
    }

    /** Back to the queue, counting the failure in {@code counter} (none when null). */
    private static void requeue(DSLContext dsl, String jobId, Field<Integer> counter, String reason) {
        var update = dsl.update(JOB).set(JOB.STATUS, JobStatus.QUEUED.wireName())
                .set(JOB.REASON, Text.clip(reason, 2000)).set(JOB.VERSION, JOB.VERSION.plus(1));
        (counter == null ? update : update.set(counter, counter.plus(1))).where(JOB.ID.eq(jobId)).execute();
    }

    @Override
    public void finish(String jobId, JobStatus status, String reason, Instant now) {
        finish(dsl, jobId, status, reason, now);
    }

    private static void finish(DSLContext dsl, String jobId, JobStatus status, String reason, Instant now) {
        dsl.update(JOB).set(JOB.STATUS, status.wireName()).set(JOB.REASON, Text.clip(reason, 2000))
                .set(JOB.FINISHED_AT, toColumn(now)).set(JOB.VERSION, JOB.VERSION.plus(1))
                .where(JOB.ID.eq(jobId)).execute();
    }

    @Override
    public void requestCancel(String jobId) {
        dsl.update(JOB).set(JOB.CANCEL_REQUESTED, true).set(JOB.VERSION, JOB.VERSION.plus(1)).where(JOB.ID.eq(jobId)).execute();
    }

    @Override
    public String log(long attemptId) {
        return dsl.select(ATTEMPT.LOG).from(ATTEMPT).where(ATTEMPT.ID.eq(attemptId)).fetchOptional(ATTEMPT.LOG).orElse(null);
    }

    @Override
    public List<Attempt> finishedAttempts(long serviceId, Instant since) {
        return dsl.selectFrom(ATTEMPT)
                .where(ATTEMPT.SERVICE_ID.eq(serviceId).and(ATTEMPT.STATUS.eq("finished"))
                        .and(ATTEMPT.RECEIVED_AT.ge(toColumn(since))))
                .orderBy(ATTEMPT.ID).fetch(JooqJobStore::toAttempt);
    }

    @Override
    public List<Attempt> attemptsOnTier(long serviceId, String tier, Instant since) {
        return dsl.selectFrom(ATTEMPT)
                .where(ATTEMPT.SERVICE_ID.eq(serviceId).and(ATTEMPT.TIER.eq(tier))
                        .and(ATTEMPT.DISPATCHED_AT.ge(toColumn(since))))
                .orderBy(ATTEMPT.ID).fetch(JooqJobStore::toAttempt);
    }

    @Override
    public int deleteFinishedBefore(Instant before) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            var old = DSL.select(JOB.ID).from(JOB).where(JOB.FINISHED_AT.lt(toColumn(before)));
            t.deleteFrom(LATE_RESULT).where(LATE_RESULT.ATTEMPT_ID.in(
                    DSL.select(ATTEMPT.ID).from(ATTEMPT).where(ATTEMPT.JOB_ID.in(old)))).execute();
            t.deleteFrom(ATTEMPT).where(ATTEMPT.JOB_ID.in(old)).execute();
            return t.deleteFrom(JOB).where(JOB.FINISHED_AT.lt(toColumn(before))).execute();
        });
    }

    @Override
    public List<Attempt> cancelRequested(long agentId) {
        return dsl.select(ATTEMPT.asterisk()).from(ATTEMPT).join(JOB).on(JOB.ID.eq(ATTEMPT.JOB_ID))
                .where(ATTEMPT.AGENT_ID.eq(agentId).and(ATTEMPT.STATUS.eq("running")).and(JOB.CANCEL_REQUESTED.isTrue()))
                .fetch(r -> toAttempt(r.into(ATTEMPT)));
    }

    private static Job toJob(JobRecord r) {
        return new Job(r.getId(), r.getServiceId(), Json.map(r.getParams()), r.getRequiresGpu(), r.getPinnedRevision(),
                r.getTier(), r.getRevision(), r.getArm() == null ? null : Arm.parse(r.getArm()),
                JobStatus.parse(r.getStatus()), r.getReason(), r.getAttempts(), r.getInfraFailures(), r.getCodeFailures(),
                r.getCancelRequested(), fromColumn(r.getSubmittedAt()), fromColumn(r.getFinishedAt()), r.getVersion(),
                r.getReplayOf());
    }

    private static Attempt toAttempt(AttemptRecord r) {
        return new Attempt(r.getId(), r.getJobId(), r.getNumber(), r.getAgentId(), r.getServiceId(), r.getTier(),
                r.getRevision(), Arm.parse(r.getArm()), "running".equals(r.getStatus()),
                r.getOutcome() == null ? null : Outcome.parse(r.getOutcome()), r.getExitCode(), fromColumn(r.getDispatchedAt()),
                fromColumn(r.getStartedAt()), fromColumn(r.getEndedAt()), r.getDurationMs(), r.getCpuAvg(), r.getCpuPeak(),
                r.getMemoryPeak(), r.getGpuUtil(), r.getGpuMemory(), r.getCost(), r.getDetail(), r.getLogTail(),
                r.getInstanceType(), r.getAvailabilityZone(), fromColumn(r.getReceivedAt()));
    }
}
