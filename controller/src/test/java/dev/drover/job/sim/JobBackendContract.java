package dev.drover.job.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.agent.protocol.Outcome;
import dev.drover.job.Arm;
import dev.drover.job.Attempt;
import dev.drover.job.Job;
import dev.drover.job.JobStatus;
import dev.drover.job.NewJob;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every job backend does with the controller's jobs, written once: run by the simulated backend
 * (in memory, simulated time) and by real agents on the real Docker engine. Only what both can honestly
 * promise: outcomes, one result per attempt, the tier, revision and arm recorded, measurements and cost.
 */
public abstract class JobBackendContract {
    private static final long MIB = 1L << 20;
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @TempDir
    protected Path dir;

    private ContractBackend backend;

    /** The backend, set up as {@link ContractBackend} describes, its files under {@code dir}. */
    protected abstract ContractBackend open(Path dir) throws Exception;

    @BeforeEach
    void openBackend() throws Exception {
        backend = open(dir);
    }

    @AfterEach
    void closeBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    private List<Job> submit(int count, Map<String, String> params, Integer pinned) {
        return backend.submit(Collections.nCopies(count, new NewJob(params, false, pinned)));
    }

    private Attempt onlyAttempt(Job job) {
        List<Attempt> attempts = backend.attempts(job.id());
        assertThat(attempts).as("attempts of " + job.id()).hasSize(1);
        return attempts.get(0);
    }

    private void settle() {
        assertThat(backend.runUntilSettled(SETTLE)).as("every job settled within " + SETTLE + "\n" + backend.diagnostics())
                .isTrue();
    }

    @Test
    public void aJobSucceedsOnceOnTheStableArmMeasuredAndPriced() {
        Job job = submit(1, Map.of("DURATION", "1", "MEMORY_MB", "32"), null).get(0);
        settle();

        Job done = backend.job(job.id());
        Attempt attempt = onlyAttempt(job);
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(attempt.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(attempt.running()).isFalse();
        assertThat(attempt.tier()).isIn("canary", "main").isEqualTo(done.tier());
        assertThat(attempt.revision()).isEqualTo(1).isEqualTo(done.revision());
        assertThat(attempt.arm()).isEqualTo(Arm.STABLE).isEqualTo(done.arm());
        assertThat(attempt.durationMillis()).isPositive();
        if (backend.measuresMemory()) {
            assertThat(attempt.memoryPeak()).as("peak of a job holding 32 MiB").isGreaterThanOrEqualTo(32 * MIB);
        }
        assertThat(attempt.cost()).isPositive();
        assertThat(done.finishedAt()).isNotNull();
    }

    @Test
    public void withACandidateEachJobRunsTheRevisionOfItsArm() {
        int candidate = backend.addRevision();
        backend.deploy(1, candidate, 0.5);

        List<Job> jobs = submit(8, Map.of("DURATION", "1", "MEMORY_MB", "1"), null);
        settle();

        for (Job job : jobs) {
            Attempt attempt = onlyAttempt(job);
            assertThat(backend.job(job.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(attempt.arm()).isIn(Arm.CANDIDATE, Arm.BASELINE);
            assertThat(attempt.revision()).as("revision of a " + attempt.arm().wireName() + " attempt")
                    .isEqualTo(attempt.arm() == Arm.CANDIDATE ? candidate : 1);
        }
        Set<Arm> arms = jobs.stream().map(j -> onlyAttempt(j).arm()).collect(Collectors.toSet());
        assertThat(arms).as("8 jobs at split 0.5, routing seed 7").containsExactlyInAnyOrder(Arm.CANDIDATE, Arm.BASELINE);
    }

    @Test
    public void aJobThatExitsNonZeroFailsOnceWithItsExitCodeWhenCodeRetriesAreZero() {
        Job job = submit(1, Map.of("DURATION", "0", "FAIL_RATE", "1"), null).get(0);
        settle();

        Job done = backend.job(job.id());
        Attempt attempt = onlyAttempt(job);
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(attempt.outcome()).isEqualTo(Outcome.CODE);
        assertThat(attempt.exitCode()).isEqualTo(1);
    }

    @Test
    public void severalJobsAtOnceEachSettleWithOneResult() throws Exception {
        backend.addHost("worker-2");
        List<Job> jobs = submit(10, Map.of("DURATION", "1", "MEMORY_MB", "1"), null);
        settle();

        for (Job job : jobs) {
            assertThat(backend.job(job.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(onlyAttempt(job).outcome()).isEqualTo(Outcome.SUCCEEDED);
        }
    }

    @Test
    public void aPinnedJobRunsItsRevisionOnThePinnedArm() {
        int pinned = backend.addRevision();

        Job job = submit(1, Map.of("DURATION", "1"), pinned).get(0);
        settle();

        Attempt attempt = onlyAttempt(job);
        assertThat(backend.job(job.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(attempt.revision()).isEqualTo(pinned);
        assertThat(attempt.arm()).isEqualTo(Arm.PINNED);
    }

    @Test
    public void cancellingARunningJobEndsItCancelled() {
        Job job = submit(1, Map.of("DURATION", "60"), null).get(0);
        assertThat(backend.runUntilRunning(job.id(), SETTLE)).isTrue();

        backend.cancel(job.id());
        settle();

        assertThat(backend.job(job.id()).status()).isEqualTo(JobStatus.CANCELLED);
        Attempt attempt = onlyAttempt(job);
        assertThat(attempt.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(attempt.durationMillis()).as("stopped, not run to its end").isLessThan(60_000L);
    }
}
