package dev.drover.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.job.Arm;
import dev.drover.job.Attempt;
import dev.drover.job.Job;
import dev.drover.job.JobStatus;
import dev.drover.judge.GateVerdict;
import dev.drover.judge.VerdictState;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Replayed canary load: a stage with no real traffic still reaches its minimum jobs on both arms. */
class ReplayScenarioTest {

    @Test
    void aStageWithNoRealTrafficReachesItsMinimumJobsFromReplaysOnBothArmsAndIsJudged() {
        try (RolloutRig rig = new RolloutRig(7)) {
            int stable = rig.revision(RolloutRig.replaying(RolloutRig.spec(), 30)); // policy comes from the stable side
            rig.live(stable);
            rig.run(Duration.ofMinutes(2)); // some history to replay
            List<String> history = rig.jobs().stream().map(Job::id).toList();
            int candidate = rig.revision(RolloutRig.spec());
            rig.jobsPerSecond(0); // and then no real traffic at all
            Rollout rollout = rig.deploy(candidate);

            for (int i = 0; i < 400 && rig.rollouts.stages(rollout.id()).stream().noneMatch(s -> s.endedAt() != null); i++) {
                rig.step();
            }

            StageRecord first = rig.rollouts.stages(rollout.id()).get(0);
            assertThat(first.outcome()).as(rig.rollouts.find(rollout.id()).orElseThrow().note()).isEqualTo("passed");
            assertThat(first.verdicts()).hasSize(2).allSatisfy(tier -> {
                assertThat(tier.state()).isEqualTo(VerdictState.PASS);
                GateVerdict failures = tier.gates().get(0);
                assertThat(failures.gate()).isEqualTo("failureRate");
                assertThat(failures.candidate().n()).isGreaterThanOrEqualTo(40);
                assertThat(failures.baseline().n()).isGreaterThanOrEqualTo(40);
            });

            List<Job> replays = rig.jobs().stream().filter(Job::replay).toList();
            assertThat(replays).allSatisfy(j -> assertThat(history).contains(j.replayOf()));
            for (String tier : List.of("canary-gpu", "canary-spot")) {
                Set<Arm> arms = replays.stream().filter(j -> tier.equals(j.tier())).map(Job::arm).collect(Collectors.toSet());
                assertThat(arms).as(tier).containsExactlyInAnyOrder(Arm.CANDIDATE, Arm.BASELINE);
            }
            List<Attempt> ran = replays.stream().flatMap(j -> rig.side.jobs().attempts(j.id()).stream())
                    .filter(a -> !a.running()).toList();
            assertThat(ran).isNotEmpty().allSatisfy(a -> assertThat(a.cost()).isPositive());
            assertThat(replays).filteredOn(j -> j.status() == JobStatus.QUEUED).isEmpty(); // ended with their stage
        }
    }

    @Test
    void aTierTheJudgeHoldsPastItsMinimumKeepsGettingReplaysUntilTheEvidenceDecides() {
        try (RolloutRig rig = new RolloutRig(11).judging(new dev.drover.judge.SequentialJudge())) {
            int stable = rig.revision(RolloutRig.replaying(RolloutRig.spec(5, dev.drover.spec.GatesSpec.DEFAULT), 30));
            rig.live(stable);
            rig.behaving(RolloutRig.worker(0, 1, 1, 0));
            rig.run(Duration.ofMinutes(2));
            int candidate = rig.revision(RolloutRig.spec(5, dev.drover.spec.GatesSpec.DEFAULT));
            // the candidate's first two jobs on each canary tier fail, then none: 2 of 15 against 0 of 15 is not yet
            // consistent with the 5-point floor, so the judge holds the tier past the old ceiling of 3 x minJobs
            java.util.Map<String, Integer> seen = new java.util.concurrent.ConcurrentHashMap<>();
            dev.drover.job.sim.Behaviour good = RolloutRig.worker(0, 1, 1, 0);
            rig.behaving((a, r) -> a.revision() == candidate && seen.merge(a.tier(), 1, Integer::sum) <= 2
                    ? dev.drover.job.sim.Run.exits(3, Duration.ofSeconds(30), 100L << 20) : good.run(a, r));
            rig.jobsPerSecond(0);
            Rollout rollout = rig.deploy(candidate);

            for (int i = 0; i < 900 && rig.rollouts.stages(rollout.id()).stream().noneMatch(s -> s.endedAt() != null); i++) {
                rig.step();
            }

            StageRecord first = rig.rollouts.stages(rollout.id()).get(0);
            assertThat(first.outcome()).as(rig.rollouts.find(rollout.id()).orElseThrow().note()).isEqualTo("passed");
            long candidateReplays = rig.jobs().stream().filter(j -> j.replay() && j.arm() == Arm.CANDIDATE
                    && "canary-spot".equals(j.tier())).count();
            assertThat(candidateReplays).isGreaterThan(CanaryLoad.CEILING * 5L).isLessThanOrEqualTo(CanaryLoad.HELD_CEILING);
        }
    }

    @Test
    void withoutReplaysAStageWithNoTrafficWaitsAndSubmitsNothing() {
        try (RolloutRig rig = new RolloutRig(7)) {
            rig.live(rig.revision(RolloutRig.spec()));
            rig.run(Duration.ofMinutes(2));
            int before = rig.jobs().size();
            int candidate = rig.revision(RolloutRig.replaying(RolloutRig.spec(), 30)); // the candidate's own file does not count
            rig.jobsPerSecond(0);
            rig.deploy(candidate);
            rig.run(Duration.ofMinutes(20));

            assertThat(rig.jobs()).hasSize(before);
            assertThat(rig.latest().stage()).isZero();
        }
    }
}
