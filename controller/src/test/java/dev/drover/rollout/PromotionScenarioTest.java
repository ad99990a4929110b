package dev.drover.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.judge.VerdictState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenarios on the simulated backend under the injected clock: promotion and automatic rollback. */
class PromotionScenarioTest {

    @Test
    void goodRevisionIsPromotedThroughEveryStageWithAVerdictPerStageAndTier() {
        try (RolloutRig rig = new RolloutRig(1)) {
            rig.live(rig.revision(RolloutRig.spec()));
            int candidate = rig.revision(RolloutRig.spec());
            rig.run(Duration.ofMinutes(5));
            Rollout requested = rig.deploy(candidate);

            assertThat(rig.runUntilSettled(Duration.ofHours(3))).isTrue();

            Rollout done = rig.rollouts.find(requested.id()).orElseThrow();
            assertThat(done.state()).as(done.note()).isEqualTo(RolloutState.SUCCEEDED);
            assertThat(rig.tiers().values()).allSatisfy(t -> {
                assertThat(t.stable()).isEqualTo(candidate);
                assertThat(t.candidate()).isNull();
                assertThat(t.previousStable()).isEqualTo(1);
            });
            List<StageRecord> stages = rig.rollouts.stages(done.id());
            assertThat(stages).hasSize(4).allSatisfy(s -> {
                assertThat(s.outcome()).isEqualTo("passed");
                assertThat(s.verdicts()).extracting(v -> v.tier()).containsExactlyElementsOf(s.tiers());
                assertThat(s.verdicts()).allSatisfy(v -> assertThat(v.state()).isEqualTo(VerdictState.PASS));
            });
            assertThat(stages.get(0).verdicts().get(0).gates()).extracting(g -> g.gate())
                    .containsExactly("failureRate", "infraFailureRate", "duration", "memory", "costPerJob");
            assertThat(rig.published).extracting(RolloutEvent::kind).containsSubsequence(RolloutEvent.Kind.STARTED,
                    RolloutEvent.Kind.STAGE_PASSED, RolloutEvent.Kind.STAGE_PASSED, RolloutEvent.Kind.STAGE_PASSED,
                    RolloutEvent.Kind.STAGE_PASSED, RolloutEvent.Kind.SUCCEEDED);
            assertThat(rig.rollouts.lock(rig.service.id()).leaseHolder()).isNull();
        }
    }
}
