package dev.drover.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.job.JobStatus;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** On-call's rollback: during a canary, after a full promotion, to a named revision, on one tier; and a redeploy. */
class ManualRollbackScenarioTest {

    private static RolloutRig rig(long seed) {
        RolloutRig rig = new RolloutRig(seed);
        rig.live(rig.revision(RolloutRig.spec()));
        rig.run(Duration.ofMinutes(2));
        return rig;
    }

    /** Walks {@code revision} onto every tier with a person's promote --full (no judging wait). */
    private static void promoteFully(RolloutRig rig, int revision) {
        rig.deploy(revision);
        rig.run(Duration.ofSeconds(10));
        rig.commands.promote(rig.service.id(), true, "ada");
        assertThat(rig.runUntilSettled(Duration.ofMinutes(5))).isTrue();
        assertThat(rig.tiers().values()).allSatisfy(t -> assertThat(t.stable()).isEqualTo(revision));
    }

    private static void rollback(RolloutRig rig, Integer to, String tier) {
        rig.commands.rollback(rig.service.id(), Optional.ofNullable(to), Optional.ofNullable(tier), false, "omar",
                "paged: bad results");
    }

    @Test
    void duringACanaryEveryTierGoesBackToTheStableRevisionAndQueuedJobsAreRerouted() {
        try (RolloutRig rig = rig(31)) {
            int candidate = rig.revision(RolloutRig.spec());
            Rollout rollout = rig.deploy(candidate);
            rig.run(Duration.ofMinutes(4));
            assertThat(rig.tiers().get("canary-gpu").candidate()).isEqualTo(candidate);

            rollback(rig, null, null);

            assertThat(rig.rollouts.find(rollout.id()).orElseThrow().state()).isEqualTo(RolloutState.ROLLED_BACK);
            assertThat(rig.tiers().values()).allSatisfy(t -> {
                assertThat(t.stable()).isEqualTo(1);
                assertThat(t.candidate()).isNull();
            });
            assertThat(rig.rollouts.lock(rig.service.id()).kind()).isEqualTo(DeployLock.Kind.ROLLBACK);
            assertThat(rig.jobs()).filteredOn(j -> j.status() == JobStatus.QUEUED)
                    .allSatisfy(j -> assertThat(j.revision()).isNotEqualTo(candidate));
            rig.run(Duration.ofMinutes(10));
            assertThat(rig.jobs()).as("running jobs of the candidate finished and were recorded")
                    .filteredOn(j -> j.revision() != null && j.revision() == candidate)
                    .allSatisfy(j -> assertThat(j.status().finished()).isTrue());
        }
    }

    @Test
    void afterAFullPromotionEveryTierGoesBackToThePreviousStableRevision() {
        try (RolloutRig rig = rig(32)) {
            int second = rig.revision(RolloutRig.spec());
            promoteFully(rig, second);

            rollback(rig, null, null);

            assertThat(rig.tiers().values()).allSatisfy(t -> assertThat(t.stable()).isEqualTo(1));
            assertThat(rig.rollouts.lock(rig.service.id()).reason()).contains("paged: bad results");
        }
    }

    @Test
    void toANamedRevisionAndOnOneTier() {
        try (RolloutRig rig = rig(33)) {
            int second = rig.revision(RolloutRig.spec());
            promoteFully(rig, second);
            int third = rig.revision(RolloutRig.spec());
            promoteFully(rig, third);

            rollback(rig, null, "c3");
            assertThat(rig.tiers().get("c3").stable()).isEqualTo(second);
            assertThat(rig.tiers().get("c2").stable()).isEqualTo(third);

            rollback(rig, 1, null);
            assertThat(rig.tiers().values()).allSatisfy(t -> assertThat(t.stable()).isEqualTo(1));
        }
    }

    @Test
    void oneTierCannotBeRolledBackUnderARolloutInFlight() {
        try (RolloutRig rig = rig(34)) {
            rig.deploy(rig.revision(RolloutRig.spec()));
            rig.run(Duration.ofMinutes(1));

            assertThatThrownBy(() -> rollback(rig, null, "c1")).isInstanceOf(Refusal.class)
                    .hasMessageContaining("in flight");
        }
    }

    @Test
    void aRolledBackRevisionCanBeDeployedAgainOnPurpose() {
        try (RolloutRig rig = rig(35)) {
            int candidate = rig.revision(RolloutRig.spec());
            rig.deploy(candidate);
            rig.run(Duration.ofMinutes(4));
            rollback(rig, null, null);

            Rollout again = rig.deploy(candidate);

            assertThat(rig.rollouts.lock(rig.service.id()).locked()).as("the deploy cleared the rollback's lock").isFalse();
            assertThat(rig.runUntilSettled(Duration.ofHours(3))).isTrue();
            assertThat(rig.rollouts.find(again.id()).orElseThrow().state()).isEqualTo(RolloutState.SUCCEEDED);
            assertThat(rig.tiers().values()).allSatisfy(t -> assertThat(t.stable()).isEqualTo(candidate));
        }
    }
}
