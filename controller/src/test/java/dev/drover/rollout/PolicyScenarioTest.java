package dev.drover.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.judge.JudgeInput;
import dev.drover.spec.CostPerJobGate;
import dev.drover.spec.DurationGate;
import dev.drover.spec.GatesSpec;
import dev.drover.spec.ManualApprovalGate;
import dev.drover.spec.MemoryGate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whose policy governs a rollout (the stable side's, raised to the floors), and the first revision's bootstrap. */
class PolicyScenarioTest {
    private static final GatesSpec NO_GATES = new GatesSpec(GatesSpec.DEFAULT.failureRate(),
            new DurationGate(List.of(0.5), 1.2, false), new MemoryGate(1.3, false), new CostPerJobGate(1.15, false),
            ManualApprovalGate.DEFAULT);

    /** A candidate's drover.yaml that asks for one quick stage with no jobs and no gates. */
    private static dev.drover.revision.RevisionSpec lax() {
        return RolloutRig.spec(List.of(RolloutRig.stage(List.of("canary-gpu", "canary-spot", "c1", "c2", "c3"),
                Duration.ZERO, 0, Duration.ofHours(1))), NO_GATES);
    }

    @Test
    void aCandidateThatAsksForNoJobsAndDropsTheDurationGateIsStillJudgedByTheStablePolicy() {
        try (RolloutRig rig = new RolloutRig(41)) {
            rig.live(rig.revision(RolloutRig.spec()));
            int candidate = rig.revision(lax());
            rig.behaving(RolloutRig.worker(0.02, 1, 1, 0).onRevision(candidate, RolloutRig.worker(0.02, 2, 1, 0)));
            rig.run(Duration.ofMinutes(2));
            Rollout requested = rig.deploy(candidate);

            assertThat(rig.runUntilSettled(Duration.ofHours(3))).isTrue();

            Rollout done = rig.rollouts.find(requested.id()).orElseThrow();
            assertThat(done.policy().stages()).hasSize(4);
            assertThat(done.policy().stage(0).minJobs()).isEqualTo(40);
            assertThat(done.policy().gates().duration().enabled()).isTrue();
            assertThat(done.state()).isEqualTo(RolloutState.ROLLED_BACK);
            assertThat(done.note()).contains("runs").contains("as long as");
        }
    }

    @Test
    void theControllersFloorsRaiseALaxStablePolicy() {
        try (RolloutRig rig = new RolloutRig(42)) {
            rig.floors(new Floors(Duration.ofMinutes(2), 12, Set.of("duration"), 0.05,
                    new JudgeInput.BootstrapLimits(0.2, 0.5)));
            rig.live(rig.revision(lax()));
            Rollout requested = rig.deploy(rig.revision(lax()));
            rig.run(Duration.ofSeconds(10));

            Policy policy = rig.rollouts.find(requested.id()).orElseThrow().policy();
            assertThat(policy.stage(0).minJobs()).isEqualTo(12);
            assertThat(policy.stage(0).bake()).isEqualTo(Duration.ofMinutes(2));
            assertThat(policy.gates().duration().enabled()).isTrue();
            assertThat(policy.raised()).isNotEmpty();
        }
    }

    @Test
    void theFirstRevisionWalksTheStagesOnAbsoluteLimits() {
        try (RolloutRig rig = new RolloutRig(43)) {
            Rollout requested = rig.deploy(rig.revision(RolloutRig.spec()));

            assertThat(rig.runUntilSettled(Duration.ofHours(3))).isTrue();

            Rollout done = rig.rollouts.find(requested.id()).orElseThrow();
            assertThat(done.state()).as(done.note()).isEqualTo(RolloutState.SUCCEEDED);
            assertThat(done.bootstrap()).isTrue();
            assertThat(rig.rollouts.stages(done.id()).get(0).verdicts().get(0).gates())
                    .extracting(g -> g.gate()).containsExactly("failureRate", "infraFailureRate");
            assertThat(rig.tiers().values()).allSatisfy(t -> assertThat(t.stable()).isEqualTo(1));
        }
    }

    @Test
    void aFirstRevisionAboveTheFailureCeilingIsRolledBackAndLeavesNoTierLive() {
        try (RolloutRig rig = new RolloutRig(44)) {
            rig.behaving(RolloutRig.worker(0.5, 1, 1, 0));
            Rollout requested = rig.deploy(rig.revision(RolloutRig.spec()));

            assertThat(rig.runUntilSettled(Duration.ofHours(3))).isTrue();

            Rollout done = rig.rollouts.find(requested.id()).orElseThrow();
            assertThat(done.state()).isEqualTo(RolloutState.ROLLED_BACK);
            assertThat(done.note()).contains("ceiling");
            assertThat(rig.tiers().values()).allSatisfy(t -> {
                assertThat(t.stable()).isNull();
                assertThat(t.candidate()).isNull();
            });
        }
    }
}
