package dev.drover.store.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.agent.protocol.Outcome;
import dev.drover.job.Arm;
import dev.drover.job.Attempt;
import dev.drover.job.Job;
import dev.drover.job.JobStatus;
import dev.drover.job.JobStore;
import dev.drover.job.Measured;
import dev.drover.service.ServiceOrigin;
import dev.drover.service.ServiceSettings;
import dev.drover.store.jooq.TestDatabases.Backend;
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

/** The job store's contract on both databases: one claim per queued version, one result per attempt, retention. */
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
        Job job = new Job(id, serviceId, Map.of("K", "v"), false, null, "main", null, null, JobStatus.QUEUED, null, 0, 0, 0,
                false, T0, null, 1, null);
        jobs.insert(List.of(job));
        return jobs.find(id).orElseThrow();
    }

    private static Measured result(Outcome outcome) {
        return new Measured(outcome, 0, T0, T0.plusSeconds(60), 0.5, 1.0, 1L << 20, null, null, 0.01, null, "log", "log");
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
        assertThat(jobs.finishAttempt(first.get().id(), result(Outcome.SUCCEEDED))).isTrue();
        assertThat(jobs.finishAttempt(first.get().id(), result(Outcome.CODE))).isFalse();
        assertThat(jobs.attempt(first.get().id())).hasValueSatisfying(a -> {
            assertThat(a.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(a.durationMillis()).isEqualTo(60_000L);
        });
    }

    @Test
    void aRequeuedJobKeepsItsRevisionAndArmAndCountsTheFailure() {
        Job job = queued("j-2");
        Attempt attempt = jobs.claim(job, agentId, 2, Arm.CANDIDATE, T0).orElseThrow();
        jobs.finishAttempt(attempt.id(), result(Outcome.SPOT_INTERRUPTION));
        jobs.requeue("j-2", true, "spot");

        Job again = jobs.find("j-2").orElseThrow();
        assertThat(again.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(again.revision()).isEqualTo(2);
        assertThat(again.arm()).isEqualTo(Arm.CANDIDATE);
        assertThat(again.infraFailures()).isEqualTo(1);
        assertThat(jobs.claim(again, agentId, 2, Arm.CANDIDATE, T0).orElseThrow().number()).isEqualTo(2);
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
