package dev.drover.rollout;

import dev.drover.judge.GateVerdict;
import dev.drover.judge.Judge;
import dev.drover.judge.JudgeInput;
import dev.drover.judge.TierVerdict;
import dev.drover.judge.VerdictState;
import dev.drover.spec.Durations;
import dev.drover.spec.StageSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pure decision for a rollout in flight: from its state, the evidence of its stage's tiers, the
 * lock and the time, what happens next. Each tier is judged on its own; any failing gate on any tier
 * rolls back; a stage passes when its bake is over and every gate passes on every tier (or a person
 * promoted it); a person's lock holds promotion but never judging or rollback; a stage past its
 * deadline without a verdict pauses, and is never promoted on no data.
 */
public final class RolloutDecider {
    private final Judge judge;

    public RolloutDecider(Judge judge) {
        this.judge = judge;
    }

    /** The decision and the verdicts behind it. */
    public record Step(Decision decision, List<TierVerdict> verdicts) {
    }

    public Step decide(Rollout rollout, DeployLock lock, Map<String, TierEvidence> evidence, Instant now) {
        Policy policy = rollout.policy();
        StageSpec stage = policy.stage(rollout.stage());
        List<TierVerdict> verdicts = new ArrayList<>();
        for (String tier : stage.tiers()) {
            TierEvidence e = evidence.get(tier);
            verdicts.add(judge.judge(new JudgeInput(tier, policy.gates(tier), stage.minJobs(), policy.budget().other(),
                    policy.budget().failure(rollout.stage()), labelSplit(policy, stage), e.candidate(),
                    rollout.bootstrap() ? Optional.empty() : e.baseline(), policy.limits())));
        }
        return new Step(decide(rollout, stage, verdicts, lock, now), verdicts);
    }

    /**
     * The split the judge's label test may use: the stage's, unless the policy replays canary load. Replays' arms
     * are chosen, not drawn, and a stage filled by them would leave the label test with little to count; whether
     * they come is decided before any data (the policy), so the choice of test stays valid.
     */
    private static double labelSplit(Policy policy, StageSpec stage) {
        return policy.replayRecent() > 0 ? Double.NaN : stage.split();
    }

    private Decision decide(Rollout rollout, StageSpec stage, List<TierVerdict> verdicts, DeployLock lock, Instant now) {
        Optional<GateVerdict> failing = verdicts.stream().flatMap(v -> v.firstFailing().stream()).findFirst();
        if (failing.isPresent()) {
            return new Decision.RollBack(failing.get().sentence());
        }
        String number = "stage " + (rollout.stage() + 1) + " of " + rollout.policy().stages().size();
        if (rollout.promoteThrough() >= rollout.stage()) {
            return new Decision.Pass(true, number + " promoted by a person");
        }
        if (rollout.state() == RolloutState.PAUSED) {
            return new Decision.Hold(rollout.note()); // judged still (a failure rolls back), promoted only by a person
        }
        Duration baked = Duration.between(rollout.stageStartedAt(), now);
        boolean allPass = verdicts.stream().allMatch(v -> v.state() == VerdictState.PASS);
        if (allPass && baked.compareTo(stage.bake()) >= 0) {
            if (lock.locked()) {
                return new Decision.Hold(number + " passed; promotion held: " + lock.describe(), true);
            }
            if (rollout.policy().gates().manualApproval().enabled()) {
                return new Decision.Hold(number + " passed its gates; waiting for drover promote (manual approval)", true);
            }
            return new Decision.Pass(false, number + " passed: " + summary(verdicts));
        }
        String waiting = allPass ? "baking: " + Durations.format(baked) + " of " + Durations.format(stage.bake())
                : open(verdicts);
        if (baked.compareTo(stage.deadline()) >= 0) {
            return new Decision.Pause(number + " reached its deadline of " + Durations.format(stage.deadline())
                    + " without enough evidence (" + waiting + "); it is not promoted on no data");
        }
        return new Decision.Hold(number + ": " + waiting);
    }

    private static String open(List<TierVerdict> verdicts) {
        return verdicts.stream().flatMap(v -> v.firstOpen().stream()).map(GateVerdict::sentence).findFirst()
                .orElse("judging");
    }

    private static String summary(List<TierVerdict> verdicts) {
        List<String> parts = new ArrayList<>();
        for (TierVerdict v : verdicts) {
            v.gates().stream().filter(g -> g.gate().equals("failureRate")).findFirst()
                    .ifPresent(g -> parts.add(g.sentence()));
        }
        return String.join("; ", parts);
    }
}
