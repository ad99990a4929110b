package dev.drover.store.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import dev.drover.service.ServiceOrigin;
import dev.drover.service.ServiceSettings;
import dev.drover.store.jooq.TestDatabases.Backend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The job store's contract on both databases: one claim per queued version, one result per attempt, the filtered
 * list, retention.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class JobStoreContractTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Parameter
    Backend backend;

    private TestDatabases.Opened db;
    private JobStore jobs;
    private long serviceId;
    private long agentId;

    @BeforeEach
    void open() {
        db = TestDatabases.open(backend);
        jobs = new JooqJobStore(db.database().dsl());
        serviceId = new JooqServiceStore(db.database().dsl())
                .create(new ServiceSettings("svc", "repo", "main", null, null), ServiceOrigin.API, T0).id();
        agentId = new JooqAgentStore(db.database().dsl())
                .register("agent-1", Map.of("capacity", "spot"), List.of(), 2, 4, 8L << 30, "t", T0, T0.plusSeconds(30)).id();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private Job queued(String id) {
        return queued(id, "main", T0);
    }

    private Job queued(String id, String tier, Instant submittedAt) {
        Job job = new Job(id, serviceId, Map.of("K", "v"), false, null, tier, null, null, JobStatus.QUEUED, null, 0, 0, 0,
                false, submittedAt, null, 1, null);
        jobs.insert(List.of(job));
        return jobs.find(id).orElseThrow();
    }

    private static Measured result(Outcome outcome) {
        return result(outcome, 60, 0.01);
    }

    private static Measured result(Outcome outcome, long seconds, Double cost) {
        return new Measured(outcome, 0, T0, T0.plusSeconds(seconds), 0.5, 1.0, 1L << 20, null, null, cost, null, "log", "log", null, null,
                T0.plusSeconds(seconds));
    }

    /** Claims the job as it stands now and records the attempt's result with the job's move. */
    private void attempt(String id, int revision, Arm arm, Outcome outcome, long seconds, Double cost, JobMove move) {
        Attempt attempt = jobs.claim(jobs.find(id).orElseThrow(), agentId, revision, arm, T0).orElseThrow();
        assertThat(jobs.finishAttempt(attempt.id(), result(outcome, seconds, cost), move)).isTrue();
    }

    private List<String> ids(JobFilter filter, int limit) {
        return jobs.list(serviceId, filter, limit).stream().map(l -> l.job().id()).toList();
    }

    @Test
    void aQueuedJobIsClaimedOnceAndItsAttemptFinishedOnce() {
        Job job = queued("j-1");

        Optional<Attempt> first = jobs.claim(job, agentId, 3, Arm.STABLE, T0);
        Optional<Attempt> second = jobs.claim(job, agentId, 3, Arm.STABLE, T0);

        assertThat(first).hasValueSatisfying(a -> {
            assertThat(a.number()).isEqualTo(1);
            assertThat(a.revision()).isEqualTo(3);
            assertThat(a.running()).isTrue();
        });
        assertThat(second).isEmpty();
        assertThat(jobs.find("j-1").orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
        Measured onBatch = new Measured(Outcome.SUCCEEDED, 0, T0, T0.plusSeconds(60), null, null, null, null, null, 0.01,
                "AWS Batch job 1", "log", "log", "g5.xlarge", "us-east-1b", T0.plusSeconds(60));
        assertThat(jobs.finishAttempt(first.get().id(), onBatch, JobMove.finish(JobStatus.SUCCEEDED, null, T0))).isTrue();
        assertThat(jobs.finishAttempt(first.get().id(), result(Outcome.CODE), JobMove.finish(JobStatus.FAILED, "code", T0)))
                .as("a duplicate result writes nothing, to the attempt or its job").isFalse();
        assertThat(jobs.find("j-1").orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(jobs.attempt(first.get().id())).hasValueSatisfying(a -> {
            assertThat(a.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(a.durationMillis()).isEqualTo(60_000L);
            assertThat(a.instanceType()).isEqualTo("g5.xlarge");
            assertThat(a.availabilityZone()).isEqualTo("us-east-1b");
        });
    }

    @Test
    void aRequeuedJobKeepsItsRevisionAndArmAndCountsTheFailure() {
        Job job = queued("j-2");
        Attempt attempt = jobs.claim(job, agentId, 2, Arm.CANDIDATE, T0).orElseThrow();
        jobs.finishAttempt(attempt.id(), result(Outcome.SPOT_INTERRUPTION), JobMove.requeue(true, "spot"));

        Job again = jobs.find("j-2").orElseThrow();
        assertThat(again.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(again.revision()).isEqualTo(2);
        assertThat(again.arm()).isEqualTo(Arm.CANDIDATE);
        assertThat(again.infraFailures()).isEqualTo(1);
        assertThat(jobs.claim(again, agentId, 2, Arm.CANDIDATE, T0).orElseThrow().number()).isEqualTo(2);
    }

    @Test
    void aFilteredListNarrowsInTheQueryBeforeTheLimitAndCarriesTheLatestAttemptAndTheCost() {
        queued("j-a", "main", T0.plusSeconds(1));
        attempt("j-a", 1, Arm.CANDIDATE, Outcome.SUCCEEDED, 60, 0.01, JobMove.finish(JobStatus.SUCCEEDED, null, T0));
        queued("j-b", "canary", T0.plusSeconds(2));
        attempt("j-b", 1, Arm.BASELINE, Outcome.CODE, 90, null, JobMove.finish(JobStatus.FAILED, "code", T0));
        queued("j-c", "main", T0.plusSeconds(3));
        attempt("j-c", 2, Arm.CANDIDATE, Outcome.SPOT_INTERRUPTION, 30, 0.02, JobMove.requeue(true, "spot"));
        attempt("j-c", 2, Arm.CANDIDATE, Outcome.SUCCEEDED, 120, 0.04, JobMove.finish(JobStatus.SUCCEEDED, null, T0));
        queued("j-d", "main", T0.plusSeconds(4));

        List<ListedJob> all = jobs.list(serviceId, JobFilter.none(), 10);
        assertThat(all).extracting(l -> l.job().id()).containsExactly("j-d", "j-c", "j-b", "j-a");
        assertThat(all.get(0)).extracting(ListedJob::outcome, ListedJob::durationMillis, ListedJob::cost)
                .containsExactly(null, null, null);
        assertThat(all.get(1).outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(all.get(1).durationMillis()).isEqualTo(120_000L);
        assertThat(all.get(1).cost()).isCloseTo(0.06, within(1e-12));
        assertThat(all.get(2)).extracting(ListedJob::outcome, ListedJob::cost).containsExactly(Outcome.CODE, null);
        assertThat(all.get(3).cost()).isCloseTo(0.01, within(1e-12));
        assertThat(jobs.list(serviceId, 10)).extracting(Job::id).containsExactly("j-d", "j-c", "j-b", "j-a");

        assertThat(ids(filter(JobStatus.QUEUED, null, null, null, null), 10)).containsExactly("j-d");
        assertThat(ids(filter(null, "main", 2, null, null), 10)).containsExactly("j-c");
        assertThat(ids(filter(null, null, null, Arm.CANDIDATE, null), 10)).containsExactly("j-c", "j-a");
        assertThat(ids(filter(null, null, null, Arm.BASELINE, null), 10)).containsExactly("j-b");
        assertThat(ids(filter(null, null, null, null, Outcome.CODE), 10)).containsExactly("j-b");
        assertThat(ids(filter(null, null, null, null, Outcome.SPOT_INTERRUPTION), 10)).as("the latest attempt only")
                .isEmpty();
        assertThat(ids(filter(null, null, null, null, Outcome.SUCCEEDED), 1)).as("filtered before the limit")
                .containsExactly("j-c");
        assertThat(ids(new JobFilter(null, null, null, null, null, T0.plusSeconds(2), T0.plusSeconds(4)), 10))
                .as("since inclusive, until exclusive").containsExactly("j-c", "j-b");
    }

    private static JobFilter filter(JobStatus status, String tier, Integer revision, Arm arm, Outcome outcome) {
        return new JobFilter(status, tier, revision, arm, outcome, null, null);
    }

    @Test
    void summariesCountByTheControllersReceiptNotTheAgentsClock() {
        // j-early's agent clock runs a day fast; j-late's a day slow: only the receipt decides the window.
        Measured early = new Measured(Outcome.SUCCEEDED, 0, T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)),
                null, null, null, null, null, null, null, "log", "log", null, null, T0);
        Measured late = new Measured(Outcome.SUCCEEDED, 0, T0.minus(Duration.ofDays(2)), T0.minus(Duration.ofDays(1)),
                null, null, null, null, null, null, null, "log", "log", null, null, T0.plus(Duration.ofHours(2)));
        for (var c : List.of(Map.entry("j-early", early), Map.entry("j-late", late))) {
            Attempt a = jobs.claim(queued(c.getKey()), agentId, 1, Arm.STABLE, T0).orElseThrow();
            jobs.finishAttempt(a.id(), c.getValue(), JobMove.finish(JobStatus.SUCCEEDED, null, c.getValue().receivedAt()));
        }

        assertThat(jobs.finishedAttempts(serviceId, T0.plus(Duration.ofHours(1))))
                .extracting(Attempt::jobId).containsExactly("j-late");
        assertThat(jobs.finishedAttempts(serviceId, T0)).extracting(Attempt::receivedAt)
                .containsExactly(T0, T0.plus(Duration.ofHours(2)));
    }

    @Test
    void retentionDeletesOnlyJobsFinishedBeforeTheCutoff() {
        Job old = queued("j-old");
        Attempt attempt = jobs.claim(old, agentId, 1, Arm.STABLE, T0).orElseThrow();
        jobs.finishAttempt(attempt.id(), result(Outcome.SUCCEEDED));
        jobs.finish("j-old", JobStatus.SUCCEEDED, null, T0);
        queued("j-new");

        assertThat(jobs.deleteFinishedBefore(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(jobs.find("j-old")).isEmpty();
        assertThat(jobs.find("j-new")).isPresent();
    }
}
