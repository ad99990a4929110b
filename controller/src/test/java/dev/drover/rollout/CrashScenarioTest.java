package dev.drover.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.job.Attempt;
import dev.drover.job.Job;
import dev.drover.judge.JudgeInput;
import dev.drover.revision.RevisionSpec;
import dev.drover.spec.GatesSpec;
import dev.drover.tier.TierState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine killed at random points: every database statement it runs may be its last (the pass dies
 * there and its transaction is lost, as with SIGKILL), and a fresh engine takes over from the database
 * alone. For each seed, a good or a failing candidate ends as in an uninterrupted run of the same world:
 * same rollout state, same revision on every tier, same lock; each stage passed at most once, one start,
 * no job lost. (The path may differ: a kill delays a decision by a pass, so a stage starts a little later
 * and judges a slightly different set of jobs; a failing candidate may then be caught a stage earlier or
 * later, never not at all.)
 */
class CrashScenarioTest {

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aRolloutKilledAtRandomPointsEndsAsAnUninterruptedOne(int seed) {
        boolean good = seed % 2 == 0;
        Outcome uninterrupted = run(seed, good, 0);
        Outcome crashed = run(seed, good, 0.03);

        assertThat(crashed.crashes).as("the engine was killed").isGreaterThan(3);
        assertThat(crashed.end).usingRecursiveComparison().ignoringFields("note", "stage", "stages")
                .isEqualTo(uninterrupted.end);
        assertThat(uninterrupted.end.state()).as(uninterrupted.end.note()).isEqualTo(good ? RolloutState.SUCCEEDED : RolloutState.ROLLED_BACK);
    }

    /** The end state that must not depend on crashes. */
    record End(RolloutState state, int stage, Map<String, String> tiers, DeployLock.Kind lock, List<String> stages,
               String note) {
    }

    record Outcome(End end, int crashes) {
    }

    private static Outcome run(int seed, boolean good, double crashChance) {
        try (RolloutRig rig = new RolloutRig(seed)) {
            rig.floors(new Floors(Duration.ZERO, 1, Set.of(), 0.01, new JudgeInput.BootstrapLimits(0.2, 0.5)));
            rig.live(rig.revision(ladder()));
            int candidate = rig.revision(ladder());
            if (!good) {
                rig.behaving(RolloutRig.worker(0.02, 1, 1, 0).onRevision(candidate, RolloutRig.worker(0.4, 1, 1, 0)));
            }
            if (crashChance > 0) {
                rig.crashing(crashChance, seed * 7919L);
            }
            rig.run(Duration.ofMinutes(2));
            Rollout requested = rig.deploy(candidate);
            assertThat(rig.runUntilSettled(Duration.ofHours(2))).as("seed %d: %s", seed, rig.latest()).isTrue();
            rig.restart();
            rig.run(Duration.ofMinutes(1)); // a last pass after the end changes nothing

            Rollout done = rig.rollouts.find(requested.id()).orElseThrow();
            List<StageRecord> stages = rig.rollouts.stages(done.id());
            long passed = stages.stream().filter(s -> "passed".equals(s.outcome())).count();
            assertThat(rig.events()).filteredOn(e -> e.kind() == RolloutEvent.Kind.STAGE_PASSED)
                    .as("each stage passed once").hasSize((int) passed);
            assertThat(rig.events()).filteredOn(e -> e.kind() == RolloutEvent.Kind.STARTED).hasSize(1);
            noJobLost(rig);
            Map<String, String> tiers = new TreeMap<>();
            for (TierState t : rig.tiers().values()) {
                tiers.put(t.tier(), t.stable() + "/" + t.candidate());
            }
            return new Outcome(new End(done.state(), done.stage(), tiers, rig.rollouts.lock(rig.service.id()).kind(),
                    stages.stream().map(s -> s.stage() + ":" + s.outcome()).toList(), done.note()), rig.crashes);
        }
    }

    /** Every job submitted is stored, and its attempts are numbered 1..n with no gap and no double. */
    private static void noJobLost(RolloutRig rig) {
        List<Job> jobs = rig.jobs();
        assertThat(jobs).hasSize(rig.submitted);
        for (Job job : jobs) {
            List<Integer> numbers = rig.side.jobs().attempts(job.id()).stream().map(Attempt::number).toList();
            assertThat(numbers).as(job.id()).isEqualTo(IntStream.rangeClosed(1, numbers.size()).boxed().toList());
        }
    }

    /** A shorter ladder than the product's, so forty rollouts take a minute or so. */
    private static RevisionSpec ladder() {
        return RolloutRig.spec(List.of(
                RolloutRig.stage(List.of("canary-gpu", "canary-spot"), Duration.ofMinutes(5), 40, Duration.ofHours(2)),
                RolloutRig.stage(List.of("c1"), Duration.ofMinutes(3), 30, Duration.ofHours(2)),
                RolloutRig.stage(List.of("c2", "c3"), Duration.ofMinutes(3), 30, Duration.ofHours(2))), GatesSpec.DEFAULT);
    }
}
