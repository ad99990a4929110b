package dev.drover.api;

import dev.drover.judge.ArmEvidence;
import dev.drover.rollout.Rollout;
import dev.drover.rollout.TierEvidence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/services/{name}/status}, what {@code drover status SERVICE} shows, in one answer:
 * the lock, each tier's revisions, the rollout in flight (else the oldest queued one, else the latest),
 * its current stage's progress, and the latest verdicts the judge gave it.
 *
 * @param at           the controller's clock when it answered
 * @param mirror       where the repository's mirror stood at its last fetch, with the error if it failed; null
 *                     before the first fetch
 * @param rollout      null when the service never had one
 * @param queued       rollouts queued behind the one shown
 * @param stage        null unless the rollout is in flight (running or paused)
 * @param verdictStage the stage (from 1) the verdicts were given in; 0 when there are none yet
 * @param stageOutcome how that stage ended ({@code passed}, {@code promoted} by a person, {@code failed},
 *                     {@code stopped}); null while it runs
 * @param verdicts     the latest verdict of each tier and gate of that stage
 */
record ServiceStatusView(String service, Instant at, ServiceView.Mirror mirror, RolloutViews.LockView lock, List<DeployController.TierView> tiers,
                         RolloutViews.RolloutView rollout, int queued, StageProgress stage, int verdictStage, String stageOutcome,
                         List<RolloutViews.TierVerdictView> verdicts) {

    /**
     * The current stage: its plan, how long it has baked, and per tier and arm the jobs it has so far.
     *
     * @param elapsedSeconds since the stage started, by the controller's clock
     */
    record StageProgress(int stage, int stages, List<String> tiers, Instant startedAt, long elapsedSeconds,
                         long bakeSeconds, int minJobs, double split, long deadlineSeconds, List<TierProgress> progress) {

        static StageProgress of(Rollout r, Map<String, TierEvidence> evidence, Instant now) {
            var spec = r.policy().stage(r.stage());
            List<TierProgress> progress = evidence.entrySet().stream()
                    .map(e -> new TierProgress(e.getKey(), ArmProgress.of(e.getValue().candidate()),
                            e.getValue().baseline().map(ArmProgress::of).orElse(null)))
                    .toList();
            return new StageProgress(r.stage() + 1, r.policy().stages().size(), spec.tiers(), r.stageStartedAt(),
                    Math.max(0, Duration.between(r.stageStartedAt(), now).toSeconds()), spec.bake().toSeconds(),
                    spec.minJobs(), spec.split(), spec.deadline().toSeconds(), progress);
        }
    }

    /** One tier of the stage: the candidate's arm and the baseline's (null in a first revision's bootstrap). */
    record TierProgress(String tier, ArmProgress candidate, ArmProgress baseline) {
    }

    /**
     * One arm: {@code judged} finished jobs that count toward {@code minJobs} (succeeded or failed by the
     * code; infrastructure failures and cancelled attempts do not), and attempts still {@code running}.
     */
    record ArmProgress(int revision, int judged, int running) {
        static ArmProgress of(ArmEvidence arm) {
            return new ArmProgress(arm.revision(), arm.judged().size(), arm.running().size());
        }
    }
}
