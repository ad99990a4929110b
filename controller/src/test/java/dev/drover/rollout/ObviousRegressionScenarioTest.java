package dev.drover.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.job.sim.Behaviour;
import dev.drover.judge.SequentialJudge;
import dev.drover.revision.RevisionSpec;
import dev.drover.spec.GatesSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An obvious regression is caught quickly at a realistic stage size: the rollout engine with the real sequential
 * judge, the default budget and gates (failure tolerance 1.5), a four-stage rollout of one tier each with a canary
 * of {@code minJobs: 20} at {@code split: 0.5}, and a candidate failing a quarter of its jobs beside a baseline
 * failing 1%. Every seed rolls back, all but a few (a stage of 20 passes such a candidate when it shows 2 of 20) in
 * the first stage, and the median rollback there comes at most 50 judged jobs per arm into it (the larger arm, in
 * the rollback's own counts). Issue 20 asked for 40: at tolerance 1.5 and this budget even a test that knew the
 * effect would need about 37, and the measured median is 48 (docs/judge.md). Before the budget was weighted toward
 * the first stage's failure test, the bound was 400 and it took about 80.
 */
class ObviousRegressionScenarioTest {
    private static final int SEEDS = 25;
    private static final String CANARY = "canary-spot";
    /** The judged jobs per arm in the rollback's words: "9 of 36 vs 0 of 38 (judged jobs, 50% to the candidate ...". */
    private static final Pattern COUNTS = Pattern.compile("\\d+ of (\\d+) vs \\d+ of (\\d+) \\(judged jobs, 50% to the candidate");

    @Test
    void aQuarterOfJobsFailingRollsBackInTheFirstStageWithinAMedianOf50JudgedJobsPerArm() {
        List<Integer> judged = new ArrayList<>();
        List<String> later = new ArrayList<>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            try (RolloutRig rig = new RolloutRig(seed * 7919L).judging(new SequentialJudge())) {
                RevisionSpec spec = RolloutRig.spec(List.of(
                        RolloutRig.stage(List.of(CANARY), Duration.ofMinutes(10), 20, Duration.ofHours(2)),
                        RolloutRig.stage(List.of("c1"), Duration.ofMinutes(5), 20, Duration.ofHours(2)),
                        RolloutRig.stage(List.of("c2"), Duration.ofMinutes(5), 20, Duration.ofHours(2)),
                        RolloutRig.stage(List.of("c3"), Duration.ofMinutes(5), 20, Duration.ofHours(2))), GatesSpec.DEFAULT);
                rig.live(rig.revision(spec));
                int candidate = rig.revision(spec);
                Behaviour baseline = RolloutRig.worker(0.01, 1, 1, 0);
                rig.behaving(baseline.onRevision(candidate, RolloutRig.worker(0.25, 1, 1, 0)));
                rig.run(Duration.ofMinutes(5));
                rig.deploy(candidate);

                assertThat(rig.runUntilSettled(Duration.ofHours(3))).as("seed %d ended: %s", seed, rig.latest()).isTrue();
                Rollout caught = rig.latest();
                assertThat(caught.state()).as("seed %d: %s", seed, caught.note()).isEqualTo(RolloutState.ROLLED_BACK);
                assertThat(rig.tiers().values()).allSatisfy(t -> assertThat(t.stable()).isEqualTo(1));
                if (caught.stage() != 0) {
                    later.add(seed + ": " + caught.note());
                    continue;
                }
                assertThat(caught.note()).contains("candidate fails", "on " + CANARY);
                Matcher counts = COUNTS.matcher(caught.note());
                assertThat(counts.find()).as(caught.note()).isTrue();
                judged.add(Math.max(Integer.parseInt(counts.group(1)), Integer.parseInt(counts.group(2))));
            }
        }
        List<Integer> sorted = judged.stream().sorted().toList();
        // a stage of 20 passes such a candidate when it shows 2 of 20 (9% of the time): docs/judge.md, small stages
        assertThat(later).as("rolled back after the first stage").hasSizeLessThanOrEqualTo(SEEDS / 5);
        // issue 20 asked for 40; this budget and tolerance cannot give it (docs/judge.md): a guard against going back
        assertThat(sorted.get(sorted.size() / 2)).as("judged jobs per arm at the rollback, by seed: %s", judged)
                .isLessThanOrEqualTo(50);
    }
}
