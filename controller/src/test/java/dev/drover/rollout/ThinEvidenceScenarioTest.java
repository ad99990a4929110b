package dev.drover.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.job.sim.Behaviour;
import dev.drover.job.sim.Run;
import dev.drover.judge.SequentialJudge;
import dev.drover.revision.RevisionSpec;
import dev.drover.spec.CostPerJobGate;
import dev.drover.spec.DurationGate;
import dev.drover.spec.FailureRateGate;
import dev.drover.spec.GatesSpec;
import dev.drover.spec.ManualApprovalGate;
import dev.drover.spec.MemoryGate;
import dev.drover.tier.TierState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A pass is a decision with evidence of its own: the rollout engine with the real sequential judge, a candidate
 * whose every job fails (exit 3; judged by the failure-rate gate alone) or 4 in 5 (every gate on), and the
 * infrastructure failing during the stage that judges it (hosts killed mid-job, hosts frozen past their lease, the
 * database down for 20 s), in a first stage and in a last stage, at small stages. The bad revision never ends stable on a tier it fails on; a good revision under the same faults
 * still promotes.
 */
class ThinEvidenceScenarioTest {
    private static final Duration DEADLINE = Duration.ofMinutes(40);
    private static final GatesSpec FAILURE_RATE_ONLY = new GatesSpec(FailureRateGate.DEFAULT,
            new DurationGate(List.of(0.5), 1.2, false), new MemoryGate(1.3, false), new CostPerJobGate(1.15, false),
            ManualApprovalGate.DEFAULT);

    enum Fault {
        /** Two of the stage's hosts SIGKILLed mid-job: their attempts are lost and retried. */
        AGENT_LOSS,
        /** Two of the stage's hosts frozen past their lease: their attempts are given up on, their results late. */
        FROZEN_AGENT,
        /** The database down for 20 s: nothing reaches the controller, the engine's passes fail. */
        DATABASE_OUTAGE
    }

    /** Where the candidate fails: on the canary tiers (the first stage) or only on c3 (the last stage). */
    enum Where { FIRST_STAGE, LAST_STAGE }

    /** How the bad candidate fails, and which gates judge it. */
    enum Bad {
        /** Exit 3 in every job, judged by the failure-rate gate alone (no success, so no value gate could hold it). */
        EVERY_JOB,
        /** Exit 3 in 4 jobs of 5, every gate on: a few pairs of successes reach the value gates. */
        FOUR_IN_FIVE
    }

    /**
     * Every fault at every stage size, each in the first or the last stage by turns, and both kinds of bad
     * candidate in both stages and under every fault: nine rollouts rather than thirty-six.
     */
    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        int[] sizes = {3, 5, 12};
        for (Fault fault : Fault.values()) {
            for (int i = 0; i < sizes.length; i++) {
                cases.add(Arguments.of(fault, Where.values()[(fault.ordinal() + i) % 2], sizes[i], Bad.values()[i % 2]));
            }
        }
        return cases;
    }

    /** A good revision under each fault, in the stage and at the size the bad one meets it most often. */
    static List<Arguments> goodCases() {
        return List.of(Arguments.of(Fault.AGENT_LOSS, Where.LAST_STAGE, 3), Arguments.of(Fault.FROZEN_AGENT, Where.FIRST_STAGE, 5),
                Arguments.of(Fault.DATABASE_OUTAGE, Where.LAST_STAGE, 12));
    }

    @ParameterizedTest(name = "{0} in the {1} at minJobs {2}, failing {3}")
    @MethodSource("cases")
    void aBadRevisionIsNeverStableWhereItFails(Fault fault, Where where, int minJobs, Bad bad) {
        try (RolloutRig rig = rollOut(fault, where, minJobs, bad)) {
            Rollout ended = rig.latest();
            assertThat(ended.state()).as("%s", ended.note()).isIn(RolloutState.ROLLED_BACK, RolloutState.PAUSED);
            List<String> failing = where == Where.FIRST_STAGE ? List.of("canary-gpu", "canary-spot") : List.of("c3");
            for (String tier : failing) {
                assertThat(rig.tiers().get(tier).stable()).as("stable on %s: %s", tier, ended.note()).isEqualTo(1);
            }
            assertThat(rig.rollouts.stages(ended.id())).filteredOn(s -> s.tiers().stream().anyMatch(failing::contains))
                    .allSatisfy(s -> assertThat(s.outcome()).as("stage %d", s.stage()).isNotEqualTo("passed"));
            if (ended.state() == RolloutState.ROLLED_BACK) {
                assertThat(rig.tiers().values()).extracting(TierState::stable).containsOnly(1);
            }
        }
    }

    @ParameterizedTest(name = "{0} in the {1} at minJobs {2}")
    @MethodSource("goodCases")
    void aGoodRevisionUnderTheSameFaultsStillPromotes(Fault fault, Where where, int minJobs) {
        try (RolloutRig rig = rollOut(fault, where, minJobs, null)) {
            Rollout ended = rig.latest();
            assertThat(ended.state()).as("%s", ended.note()).isEqualTo(RolloutState.SUCCEEDED);
            assertThat(rig.tiers().values()).extracting(TierState::stable).containsOnly(2);
        }
    }

    /**
     * Revision 1 live, revision 2 rolled out over four stages of {@code minJobs}, the fault at the judged stage;
     * revision 2 fails there as {@code bad} says, or is as good as revision 1 when it is null.
     */
    private static RolloutRig rollOut(Fault fault, Where where, int minJobs, Bad bad) {
        RolloutRig rig = new RolloutRig(minJobs * 31L + fault.ordinal() * 7L + where.ordinal()).judging(new SequentialJudge());
        // the policy comes from the stable side: both revisions carry these stages and gates
        RevisionSpec spec = RolloutRig.spec(List.of(
                RolloutRig.stage(List.of("canary-gpu", "canary-spot"), Duration.ofMinutes(2), minJobs, DEADLINE),
                RolloutRig.stage(List.of("c1"), Duration.ofMinutes(2), minJobs, DEADLINE),
                RolloutRig.stage(List.of("c2"), Duration.ofMinutes(2), minJobs, DEADLINE),
                RolloutRig.stage(List.of("c3"), Duration.ofMinutes(2), minJobs, DEADLINE)),
                bad == Bad.EVERY_JOB ? FAILURE_RATE_ONLY : GatesSpec.DEFAULT);
        rig.live(rig.revision(spec));
        List<String> faultTiers = where == Where.FIRST_STAGE ? List.of("canary-gpu", "canary-spot") : List.of("c3");
        int candidate = rig.revision(spec);
        Behaviour good = RolloutRig.worker(0.02, 1, 1, 0);
        double failRate = bad == Bad.EVERY_JOB ? 1 : 0.8;
        Behaviour failing = (a, r) -> r.nextDouble() < failRate ? Run.exits(3, Duration.ofSeconds(30), 100L << 20)
                : good.run(a, r);
        rig.behaving(bad == null ? good : (a, r) -> a.revision() == candidate && faultTiers.contains(a.tier())
                ? failing.run(a, r) : good.run(a, r));
        rig.run(Duration.ofMinutes(5));
        rig.deploy(candidate);
        int judgedStage = where == Where.FIRST_STAGE ? 0 : 3;
        for (int i = 0; i < 2_000 && !(rig.latest().state().inFlight() && rig.latest().stage() == judgedStage); i++) {
            rig.step();
        }
        assertThat(rig.latest().stage()).as("the rollout reached stage %d: %s", judgedStage, rig.latest().note())
                .isEqualTo(judgedStage);
        rig.run(Duration.ofSeconds(20)); // a few of the stage's attempts are running
        List<String> hosts = where == Where.FIRST_STAGE ? List.of("gpu-1", "spot-1") : List.of("ondemand-1", "ondemand-2");
        switch (fault) {
            case AGENT_LOSS -> hosts.forEach(rig.backend::kill);
            case FROZEN_AGENT -> hosts.forEach(h -> rig.backend.freeze(h, Duration.ofSeconds(90)));
            case DATABASE_OUTAGE -> rig.databaseDown(Duration.ofSeconds(20));
        }
        // until it ends, or pauses for a person (a stage past its deadline without a verdict)
        for (int i = 0; i < 4 * 60 * 60 / 5 && rig.latest().state().open() && rig.latest().state() != RolloutState.PAUSED; i++) {
            rig.step();
        }
        assertThat(rig.latest().state()).as("still running: %s", rig.latest().note()).isNotIn(RolloutState.RUNNING,
                RolloutState.QUEUED);
        return rig;
    }
}
