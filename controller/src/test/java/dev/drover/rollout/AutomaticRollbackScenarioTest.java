package dev.drover.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.job.Arm;
import dev.drover.job.JobStatus;
import dev.drover.job.sim.Run;
import dev.drover.judge.GateVerdict;
import dev.drover.judge.VerdictState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad candidates on the simulated backend: each is caught on the canary tiers and put back at once. */
class AutomaticRollbackScenarioTest {
    private static final List<String> CANARY = List.of("canary-gpu", "canary-spot");

    private static RolloutRig rig(long seed) {
        RolloutRig rig = new RolloutRig(seed);
        rig.live(rig.revision(RolloutRig.spec()));
        return rig;
    }

    /** Runs the candidate's rollout to its end; returns it. */
    private static Rollout rollOut(RolloutRig rig, int candidate) {
        rig.run(Duration.ofMinutes(5));
        Rollout requested = rig.deploy(candidate);
        assertThat(rig.runUntilSettled(Duration.ofHours(3))).as("rollout ended: %s", rig.latest()).isTrue();
        return rig.rollouts.find(requested.id()).orElseThrow();
    }

    private static GateVerdict failing(RolloutRig rig, Rollout done) {
        StageRecord stage = rig.rollouts.stages(done.id()).get(done.stage());
        assertThat(stage.outcome()).isEqualTo("failed");
        return stage.verdicts().stream().flatMap(v -> v.firstFailing().stream()).findFirst().orElseThrow();
    }

    private static void backOnStable(RolloutRig rig) {
        assertThat(rig.tiers().values()).allSatisfy(t -> {
            assertThat(t.stable()).isEqualTo(1);
            assertThat(t.candidate()).isNull();
        });
    }

    @Test
    void aRevisionFailingFortyPercentIsRolledBackFromTheCanaryAndNoOtherTierEverRanIt() {
        try (RolloutRig rig = rig(11)) {
            int candidate = rig.revision(RolloutRig.spec());
            rig.behaving(RolloutRig.worker(0.02, 1, 1, 0).onRevision(candidate, RolloutRig.worker(0.4, 1, 1, 0)));

            Rollout done = rollOut(rig, candidate);

            assertThat(done.state()).isEqualTo(RolloutState.ROLLED_BACK);
            assertThat(done.stage()).as("rolled back in the canary stage").isZero();
            assertThat(done.note()).contains("candidate fails").contains("on canary-");
            GateVerdict gate = failing(rig, done);
            assertThat(gate.gate()).isEqualTo("failureRate");
            assertThat(gate.state()).isEqualTo(VerdictState.FAIL);
            assertThat(gate.candidate().n()).isPositive();
            assertThat(gate.sentence()).isNotBlank();
            assertThat(rig.tiersThatRan(candidate)).isSubsetOf(CANARY);
            backOnStable(rig);
            assertThat(rig.rollouts.lock(rig.service.id()).kind()).isEqualTo(DeployLock.Kind.ROLLBACK);
            assertThat(rig.rollouts.lock(rig.service.id()).reason()).contains("candidate fails");
            assertThat(rig.jobs()).as("queued jobs of the candidate were re-routed")
                    .filteredOn(j -> j.status() == JobStatus.QUEUED).allSatisfy(j -> assertThat(j.revision())
                            .isNotEqualTo(candidate));
        }
    }

    @Test
    void aRevisionTwiceAsSlowIsRolledBackOnTheDurationGate() {
        try (RolloutRig rig = rig(12)) {
            int candidate = rig.revision(RolloutRig.spec());
            rig.behaving(RolloutRig.worker(0.02, 1, 1, 0).onRevision(candidate, RolloutRig.worker(0.02, 2, 1, 0)));

            Rollout done = rollOut(rig, candidate);

            assertThat(done.state()).isEqualTo(RolloutState.ROLLED_BACK);
            assertThat(failing(rig, done).gate()).isEqualTo("duration");
            assertThat(rig.tiersThatRan(candidate)).isSubsetOf(CANARY);
            backOnStable(rig);
        }
    }

    @Test
    void spotInterruptionsInBothArmsDoNotRollBack() {
        try (RolloutRig rig = rig(23)) {
            int candidate = rig.revision(RolloutRig.spec());
            rig.behaving(RolloutRig.worker(0.02, 1, 1, 0.15));

            Rollout done = rollOut(rig, candidate);

            assertThat(done.state()).as(done.note()).isEqualTo(RolloutState.SUCCEEDED);
            assertThat(rig.attemptsWith(dev.drover.agent.protocol.Outcome.SPOT_INTERRUPTION))
                    .as("interruptions happened").isGreaterThan(20);
        }
    }

    @Test
    void aCandidateWhoseJobsKillTheirHostsDoesNotPass() {
        try (RolloutRig rig = rig(14)) {
            int candidate = rig.revision(RolloutRig.spec());
            rig.behaving(RolloutRig.worker(0.02, 1, 1, 0).onRevision(candidate,
                    (a, r) -> r.nextDouble() < 0.3 ? Run.killsHost(Duration.ofSeconds(30))
                            : RolloutRig.worker(0, 1, 1, 0).run(a, r)));

            Rollout done = rollOut(rig, candidate);

            assertThat(done.state()).isEqualTo(RolloutState.ROLLED_BACK);
            assertThat(done.stage()).isZero();
            assertThat(failing(rig, done).gate()).isEqualTo("infraFailureRate");
            assertThat(rig.tiersThatRan(candidate)).isSubsetOf(CANARY);
            assertThat(rig.jobs()).as("on one-GPU hosts, agent-lost only in the candidate's arm")
                    .flatExtracting(j -> rig.side.jobs().attempts(j.id())).filteredOn(a -> a.tier().equals("canary-gpu"))
                    .filteredOn(a -> a.outcome() == dev.drover.agent.protocol.Outcome.AGENT_LOST)
                    .allSatisfy(a -> assertThat(a.arm()).isEqualTo(Arm.CANDIDATE)).isNotEmpty();
            backOnStable(rig);
        }
    }
}
