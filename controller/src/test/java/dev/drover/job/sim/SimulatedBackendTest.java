package dev.drover.job.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.agent.protocol.Outcome;
import dev.drover.job.Arm;
import dev.drover.job.Attempt;
import dev.drover.job.Job;
import dev.drover.job.JobStatus;
import dev.drover.job.NewJob;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the simulated backend does beyond the contract: hosts that die, spot interruptions, limits, seeds. */
class SimulatedBackendTest {
    private static final Duration HOUR = Duration.ofHours(1);

    private SimulatedWorld world;

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
    }

    private Job one(Map<String, String> params) {
        return world.submit(List.of(new NewJob(params, false, null))).get(0);
    }

    @Test
    void aRunEndsAtItsOwnTimeWhateverTheStepAndIsPostedAtTheFirstStepAfter() {
        world = SimulatedWorld.open(7);
        Job job = one(Map.of("DURATION", "2.5"));

        world.backend().advance(Duration.ofSeconds(2));
        assertThat(world.job(job.id()).status()).isEqualTo(JobStatus.RUNNING);
        world.backend().advance(Duration.ofSeconds(1));

        Attempt attempt = world.attempts(job.id()).get(0);
        assertThat(world.job(job.id()).status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(attempt.durationMillis()).isEqualTo(2_500L);
        assertThat(attempt.memoryPeak()).isEqualTo(17L << 20);
        assertThat(world.job(job.id()).finishedAt()).isEqualTo(SimulatedWorld.T0.plusSeconds(3));
    }

    @Test
    void aDeadHostsAttemptIsLostAfterItsLeaseAndMarginRetriedAndTheHostComesBack() {
        world = SimulatedWorld.open(7);
        world.backend().behaviour((a, r) -> a.attempt() == 1 ? Run.killsHost(Duration.ofSeconds(3))
                : Behaviour.demoWorker().run(a, r));
        Job job = one(Map.of("DURATION", "5"));

        world.backend().advance(Duration.ofSeconds(10));
        assertThat(world.backend().alive("worker-1")).isFalse();
        assertThat(world.job(job.id()).status()).as("not given up on before lease and margin").isEqualTo(JobStatus.RUNNING);

        assertThat(world.backend().runUntilSettled(HOUR)).isTrue();
        List<Attempt> attempts = world.attempts(job.id());
        assertThat(attempts).extracting(Attempt::outcome).containsExactly(Outcome.AGENT_LOST, Outcome.SUCCEEDED);
        assertThat(attempts.get(0).endedAt()).isAfterOrEqualTo(SimulatedWorld.T0.plusSeconds(3 + 30 + 15));
        assertThat(world.job(job.id()).infraFailures()).isEqualTo(1);
        assertThat(world.backend().alive("worker-1")).isTrue();
        assertThat(world.backend().agent("worker-1").id()).isEqualTo(attempts.get(0).agentId());
    }

    @Test
    void aSpotInterruptionIsReportedByTheHostAndRetriedAsAnInfrastructureFailure() {
        world = SimulatedWorld.open(7);
        world.backend().behaviour((a, r) -> a.attempt() == 1 ? Run.spotInterruption(Duration.ofSeconds(2), 1L << 20)
                : Behaviour.demoWorker().run(a, r));
        Job job = one(Map.of("DURATION", "1"));

        assertThat(world.backend().runUntilSettled(HOUR)).isTrue();

        assertThat(world.attempts(job.id())).extracting(Attempt::outcome)
                .containsExactly(Outcome.SPOT_INTERRUPTION, Outcome.SUCCEEDED);
        assertThat(world.job(job.id()).infraFailures()).isEqualTo(1);
        assertThat(world.job(job.id()).codeFailures()).isZero();
    }

    @Test
    void theHostKillsARunPastItsTimeoutOrItsMemoryLimit() {
        world = SimulatedWorld.open(7);
        Job slow = one(Map.of("DURATION", "700"));
        Job hungry = one(Map.of("DURATION", "5", "MEMORY_MB", "300"));

        assertThat(world.backend().runUntilSettled(HOUR)).isTrue();

        Attempt timedOut = world.attempts(slow.id()).get(0);
        assertThat(timedOut.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(timedOut.durationMillis()).isEqualTo(600_000L);
        Attempt oom = world.attempts(hungry.id()).get(0);
        assertThat(oom.outcome()).isEqualTo(Outcome.OOM);
        assertThat(oom.memoryPeak()).isEqualTo(256L << 20);
    }

    @Test
    void aDrainingHostTakesNoWork() {
        world = SimulatedWorld.open(7);
        long id = world.backend().agent("worker-1").id();
        world.controller().agents().drain(id, true);
        Job job = one(Map.of("DURATION", "1"));

        world.backend().advance(Duration.ofSeconds(30));
        assertThat(world.job(job.id()).status()).isEqualTo(JobStatus.QUEUED);

        world.controller().agents().drain(id, false);
        assertThat(world.backend().runUntilSettled(HOUR)).isTrue();
    }

    @Test
    void aCandidateThatFailsSomeOfItsJobsDoesSoAtItsRateTheSameWayForTheSameSeed() {
        Map<String, Integer> first = candidateFailing40Percent(11);
        Map<String, Integer> again = candidateFailing40Percent(11);

        assertThat(again).isEqualTo(first);
        assertThat(first.getOrDefault("baseline/code", 0)).isZero();
        int candidate = first.getOrDefault("candidate/code", 0) + first.getOrDefault("candidate/succeeded", 0);
        assertThat(candidate).isBetween(70, 130);
        assertThat((double) first.get("candidate/code") / candidate).isBetween(0.25, 0.55);
    }

    /** 200 jobs at split 0.5, the candidate failing 40%: attempts counted by arm and outcome. */
    private Map<String, Integer> candidateFailing40Percent(long seed) {
        try (SimulatedWorld w = SimulatedWorld.open(seed)) {
            w.deploy(1, w.addRevision(), 0.5);
            for (int i = 2; i <= 5; i++) {
                w.addHost("worker-" + i);
            }
            w.backend().behaviour(Behaviour.demoWorker().onRevision(2, Behaviour.demoWorkerWith(Map.of("FAIL_RATE", "0.4"))));
            List<Job> jobs = w.submit(Collections.nCopies(200, new NewJob(Map.of("DURATION", "1", "MEMORY_MB", "1"), false, null)));

            assertThat(w.backend().runUntilSettled(HOUR)).isTrue();

            Map<String, Integer> counts = new TreeMap<>();
            for (Job job : jobs) {
                for (Attempt a : w.attempts(job.id())) {
                    assertThat(a.revision()).isEqualTo(a.arm() == Arm.CANDIDATE ? 2 : 1);
                    counts.merge(a.arm().wireName() + "/" + a.outcome().wireName(), 1, Integer::sum);
                }
            }
            return counts;
        }
    }
}
