package dev.drover.rollout;

import dev.drover.spec.StageSpec;
import dev.drover.tier.TierState;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns decisions into transitions: pure, so the same state and decision always write the same thing. */
final class Moves {
    static final String BY_DROVER = "drover";

    private Moves() {
    }

    /** The queued rollout starts: its first stage puts the candidate on the stage's tiers. */
    static Transition start(Rollout queued, Policy policy, Integer from, Map<String, TierState> tiers, long fence,
                            Instant now) {
        Rollout started = queued.started(policy, from, now);
        Transition.Builder t = Transition.on(queued.serviceId(), fence);
        String what = from == null ? "first revision " + queued.revision() + " (no baseline: judged on absolute limits)"
                : "revision " + queued.revision() + " against stable revision " + from;
        t.event(RolloutEvent.of(queued.serviceId(), queued.id(), RolloutEvent.Kind.STARTED, "rollout of " + what
                + " started: " + policy.stages().size() + " stages" + (policy.raised().isEmpty() ? ""
                : "; floors: " + String.join(", ", policy.raised()))
                + (policy.memoryUnmeasured().isEmpty() ? "" : "; memory gate not judged on "
                + String.join(", ", policy.memoryUnmeasured().stream().sorted().toList())
                + " (their targets report no peak memory)")
                + (from == null || policy.tooSmall().isEmpty() ? "" : "; " + String.join("; ", policy.tooSmall())), now));
        return enterStage(t, started, 0, tiers, now).build();
    }

    private static Transition.Builder enterStage(Transition.Builder t, Rollout rollout, int index,
                                                 Map<String, TierState> tiers, Instant now) {
        StageSpec stage = rollout.policy().stage(index);
        Map<String, Integer> baselines = new HashMap<>(rollout.baselines());
        for (String tier : stage.tiers()) {
            Integer stable = Optional.ofNullable(tiers.get(tier)).map(TierState::stable).orElse(null);
            baselines.putIfAbsent(tier, stable == null ? 0 : stable);
            t.tier(new TierChange(tier, stable, rollout.revision(), stable == null ? 1.0 : stage.split()));
        }
        Rollout staged = rollout.withStage(index, now, baselines)
                .withNote("stage " + (index + 1) + " started on " + String.join(", ", stage.tiers()), now);
        t.save(staged).stage(new StageRecord(rollout.id(), index, stage.tiers(), now, null, null, List.of()));
        t.event(RolloutEvent.of(rollout.serviceId(), rollout.id(), RolloutEvent.Kind.STAGE_STARTED, "stage " + (index + 1)
                + " of " + rollout.policy().stages().size() + ": revision " + rollout.revision() + " on "
                + String.join(", ", stage.tiers()) + (rollout.bootstrap() ? " taking all of their jobs (first revision)"
                : " taking " + Math.round(stage.split() * 100) + "% of their jobs"), now));
        return t;
    }

    /** Applies the decider's step; empty when nothing changed (a hold with the same note and verdicts). */
    static Optional<Transition> step(Rollout rollout, RolloutDecider.Step step, StageRecord stage,
                                     Map<String, TierState> tiers, List<String> newTiers, long fence, Instant now) {
        Transition.Builder t = Transition.on(rollout.serviceId(), fence);
        StageRecord judged = stage.withVerdicts(step.verdicts());
        long id = rollout.id();
        long service = rollout.serviceId();
        Decision decision = step.decision();
        if (decision instanceof Decision.Hold hold) {
            if (hold.note().equals(rollout.note()) && stage.verdicts().equals(step.verdicts())) {
                return Optional.empty();
            }
            t.save(rollout.withNote(hold.note(), now)).stage(judged);
            if (hold.held() && !hold.note().equals(rollout.note())) { // still running, but people should know
                t.event(RolloutEvent.of(service, id, RolloutEvent.Kind.PAUSED, hold.note(), now));
            }
        } else if (decision instanceof Decision.Pause pause) {
            t.save(rollout.withState(RolloutState.PAUSED, pause.note(), now)).stage(judged)
                    .event(RolloutEvent.of(service, id, RolloutEvent.Kind.PAUSED, pause.note(), now));
        } else if (decision instanceof Decision.Pass pass) {
            StageSpec spec = rollout.policy().stage(rollout.stage());
            spec.tiers().forEach(tier -> t.tier(TierChange.stable(tier, rollout.revision())));
            t.stage(judged.ended(pass.override() ? "promoted" : "passed", now));
            t.event(RolloutEvent.of(service, id, RolloutEvent.Kind.STAGE_PASSED, pass.note(), now));
            if (rollout.policy().last(rollout.stage())) {
                newTiers.forEach(tier -> t.tier(TierChange.stable(tier, rollout.revision())));
                String done = "revision " + rollout.revision() + " is stable on every tier";
                t.save(rollout.withState(RolloutState.SUCCEEDED, done, now)).releaseLease()
                        .event(RolloutEvent.of(service, id, RolloutEvent.Kind.SUCCEEDED, done, now));
            } else {
                enterStage(t, rollout, rollout.stage() + 1, tiers, now);
            }
        } else if (decision instanceof Decision.RollBack back) {
            String why = "revision " + rollout.revision() + " rolled back automatically: " + back.sentence();
            putBack(t, rollout);
            t.save(rollout.withState(RolloutState.ROLLED_BACK, why, now)).stage(judged.ended("failed", now))
                    .lock(new Transition.LockChange(DeployLock.Kind.ROLLBACK, BY_DROVER, why))
                    .reroute(rollout.revision()).releaseLease()
                    .event(RolloutEvent.of(service, id, RolloutEvent.Kind.ROLLED_BACK, why, now))
                    .event(RolloutEvent.of(service, id, RolloutEvent.Kind.LOCKED, "service locked: " + why, now));
        }
        return Optional.of(t.build());
    }

    /** Every tier the rollout touched goes back to its baseline: stable as before, no candidate. */
    static void putBack(Transition.Builder t, Rollout rollout) {
        for (String tier : touched(rollout)) {
            int baseline = rollout.baselines().getOrDefault(tier, 0);
            t.tier(TierChange.stable(tier, baseline == 0 ? null : baseline));
        }
    }

    static Set<String> touched(Rollout rollout) {
        Set<String> tiers = new LinkedHashSet<>();
        for (int i = 0; i <= rollout.stage(); i++) {
            tiers.addAll(rollout.policy().stage(i).tiers());
        }
        return tiers;
    }

}
