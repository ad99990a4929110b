package dev.drover.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.job.Arm;
import dev.drover.judge.Judge;
import dev.drover.judge.SequentialJudge;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sequential judge driving whole rollouts on the simulated backend, beside the fixed-horizon one. */
class SequentialJudgeScenarioTest {
    private static final List<String> CANARY = List.of("canary-gpu", "canary-spot");

    /** The candidate's rollout on a fresh rig with {@code judge}; the rig, for its records. */
    private static RolloutRig rollOut(Judge judge, double candidateFailRate, long seed) {
        RolloutRig rig = new RolloutRig(seed).judging(judge);
        rig.live(rig.revision(RolloutRig.spec()));
        int candidate = rig.revision(RolloutRig.spec());
        rig.behaving(RolloutRig.worker(0.02, 1, 1, 0).onRevision(candidate, RolloutRig.worker(candidateFailRate, 1, 1, 0)));
        rig.run(Duration.ofMinutes(5));
        rig.deploy(candidate);
        assertThat(rig.runUntilSettled(Duration.ofHours(3))).as("rollout ended: %s", rig.latest()).isTrue();
        return rig;
    }

    private static long candidateJobsOnCanaries(RolloutRig rig, int revision) {
        return rig.jobs().stream().flatMap(j -> rig.side.jobs().attempts(j.id()).stream())
                .filter(a -> a.revision() == revision && a.arm() == Arm.CANDIDATE && CANARY.contains(a.tier())).count();
    }

    @Test
    void aBadRevisionIsRolledBackFromTheCanaryWithItsEvidenceAndNoOtherTierRunsIt() {
        try (RolloutRig rig = rollOut(new SequentialJudge(), 0.4, 5)) {
            Rollout caught = rig.latest();
            assertThat(caught.state()).isEqualTo(RolloutState.ROLLED_BACK);
            assertThat(caught.stage()).isZero();
            // two canary tiers share two thirds of the budget for the first stage's failure tests: 1 / 60 each
            assertThat(caught.note()).contains("candidate fails").contains("judged jobs, 50% to the candidate at random")
                    .containsPattern("evidence \\d+ >= 60 needed");
            assertThat(rig.tiersThatRan(2)).isSubsetOf(CANARY);
            assertThat(candidateJobsOnCanaries(rig, 2)).isPositive();
            assertThat(rig.tiers().values()).allSatisfy(t -> assertThat(t.stable()).isEqualTo(1));
        }
    }

    @Test
    void aGoodRevisionIsPromotedThroughEveryStage() {
        try (RolloutRig rig = rollOut(new SequentialJudge(), 0.02, 9)) {
            Rollout done = rig.latest();
            assertThat(done.state()).as(done.note()).isEqualTo(RolloutState.SUCCEEDED);
            assertThat(rig.tiers().values()).allSatisfy(t -> assertThat(t.stable()).isEqualTo(2));
            assertThat(rig.rollouts.stages(done.id())).hasSize(4).allSatisfy(s -> assertThat(s.outcome()).isEqualTo("passed"));
        }
    }
}
