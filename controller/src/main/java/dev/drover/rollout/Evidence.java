package dev.drover.rollout;

import dev.drover.agent.protocol.Outcome;
import dev.drover.job.Arm;
import dev.drover.job.Attempt;
import dev.drover.job.JobStore;
import dev.drover.judge.ArmEvidence;
import dev.drover.judge.Running;
import dev.drover.judge.Sample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a stage's evidence from the job records: per tier, the attempts dispatched since the stage
 * started, on the candidate arm (the rollout's revision) and on the baseline arm (the tier's stable
 * revision before the rollout). Pinned jobs and cancelled attempts are not judged. Each attempt carries its job
 * for the label test, which the decider uses only under a policy without replays (a replay's arm is chosen,
 * not drawn at random). The engine judges
 * what it reads; the API shows the same reading as a stage's progress.
 */
public final class Evidence {
    private final JobStore jobs;
    private final Clock clock;

    public Evidence(JobStore jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Each tier of the rollout's current stage, in the stage's order. */
    public Map<String, TierEvidence> ofStage(Rollout rollout) {
        Map<String, TierEvidence> seen = new LinkedHashMap<>();
        for (String tier : rollout.policy().stage(rollout.stage()).tiers()) {
            seen.put(tier, of(rollout, tier));
        }
        return seen;
    }

    public TierEvidence of(Rollout rollout, String tier) {
        return of(rollout, tier, rollout.stageStartedAt(), null);
    }

    /** The tier's evidence from attempts dispatched in [{@code since}, {@code until}); null {@code until}: up to now. */
    public TierEvidence of(Rollout rollout, String tier, Instant since, Instant until) {
        List<Attempt> attempts = jobs.attemptsOnTier(rollout.serviceId(), tier, since).stream()
                .filter(a -> until == null || a.dispatchedAt().isBefore(until)).toList();
        int baseline = rollout.baselines().getOrDefault(tier, 0);
        Instant now = clock.instant();
        ArmEvidence candidate = arm(attempts, Arm.CANDIDATE, rollout.revision(), now);
        return new TierEvidence(candidate, baseline == 0 ? Optional.empty()
                : Optional.of(arm(attempts, Arm.BASELINE, baseline, now)));
    }

    private static ArmEvidence arm(List<Attempt> attempts, Arm arm, int revision, Instant now) {
        List<Sample> finished = new ArrayList<>();
        List<Running> running = new ArrayList<>();
        for (Attempt a : attempts) {
            if (a.arm() != arm || a.revision() != revision) {
                continue;
            }
            if (a.running()) {
                long ran = a.startedAt() == null ? 0 : Math.max(0, Duration.between(a.startedAt(), now).toMillis());
                running.add(new Running(a.dispatchedAt(), ran, a.jobId(), a.number()));
                continue;
            }
            kind(a.outcome()).ifPresent(kind -> finished.add(new Sample(a.dispatchedAt(), kind,
                    kind == Sample.Kind.SUCCEEDED ? a.durationMillis() : null, a.memoryPeak(), a.cost(), a.jobId(),
                    a.number())));
        }
        return new ArmEvidence(revision, finished, running);
    }

    static Optional<Sample.Kind> kind(Outcome outcome) {
        if (outcome == null || outcome == Outcome.CANCELLED) {
            return Optional.empty();
        }
        if (outcome == Outcome.SUCCEEDED) {
            return Optional.of(Sample.Kind.SUCCEEDED);
        }
        return Optional.of(outcome.infrastructure() ? Sample.Kind.INFRA_FAILURE : Sample.Kind.CODE_FAILURE);
    }
}
