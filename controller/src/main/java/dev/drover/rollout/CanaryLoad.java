package dev.drover.rollout;

import dev.drover.job.Arm;
import dev.drover.job.Job;
import dev.drover.job.JobStatus;
import dev.drover.job.JobStore;
import dev.drover.judge.ArmEvidence;
import dev.drover.spec.StageSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replayed canary load ({@code canaryLoad: { replayRecent: N }}): while a stage is thin on real traffic,
 * the parameters of the service's N most recent submitted jobs are submitted again to each of the
 * stage's tiers, on the candidate arm and on the baseline arm alike (the same parameters in the same
 * order on both, so the arms stay comparable). Each arm of each tier is topped up until it has the
 * stage's minimum of successful jobs and as many jobs as the other arm (a candidate that fails often
 * needs more jobs, and the judge pairs each with a baseline job), counting what already runs or waits,
 * and while the judge holds a tier past that minimum, on until {@link #HELD_CEILING}; with a few replays queued
 * at a time so real work is not pushed back, and never more than {@link #CEILING} times the minimum in
 * all (a candidate that keeps failing is the judge's to stop, not the replays'). Replays are jobs like
 * any other: judged, costed and logged, marked with the job they repeat. Queued replays end when their
 * stage does.
 */
final class CanaryLoad {
    /** Replays waiting in the queue per tier and arm, at most. */
    static final int QUEUED_PER_ARM = 3;
    /** Finished, running and queued jobs per tier and arm beyond which no replay is added: this times minJobs. */
    static final int CEILING = 3;
    /**
     * The ceiling, in jobs per arm, while the judge holds a tier past its minimum (its data not yet within the
     * tolerance, or its evidence leaning): holding waits for evidence, so replays keep coming. A candidate seen
     * failing 2 jobs where the floor allows 5% needs 17 pairs to be consistent with it, 3 failures 31.
     */
    static final int HELD_CEILING = 40;

    private final JobStore jobs;

    CanaryLoad(JobStore jobs) {
        this.jobs = jobs;
    }

    /**
     * The replays this pass adds (already stored).
     *
     * @param seen       the stage's evidence per tier, as the judge read it this pass
     * @param tierGpus   GPUs per job on each tier (a GPU job is only replayed on a GPU tier)
     * @param held       tiers whose verdict is still pending this pass: past their minimum, replays go on for them
     */
    List<Job> topUp(Rollout rollout, Map<String, TierEvidence> seen, Map<String, Integer> tierGpus, Set<String> held,
                    Instant now) {
        int recent = rollout.policy().replayRecent();
        if (recent <= 0 || rollout.state() != RolloutState.RUNNING || rollout.promoteThrough() >= rollout.stage()) {
            return List.of();
        }
        List<Job> pool = jobs.recentSubmitted(rollout.serviceId(), recent);
        if (pool.isEmpty()) {
            return List.of();
        }
        List<Job> queued = jobs.queuedReplays(rollout.serviceId());
        StageSpec stage = rollout.policy().stage(rollout.stage());
        List<Job> added = new ArrayList<>();
        for (String tier : stage.tiers()) {
            TierEvidence evidence = seen.get(tier);
            boolean gpuTier = tierGpus.getOrDefault(tier, 0) > 0;
            List<Job> fit = pool.stream().filter(j -> gpuTier || !j.requiresGpu()).toList();
            if (evidence == null || fit.isEmpty()) {
                continue;
            }
            ArmEvidence cand = evidence.candidate();
            int candTotal = total(tier, cand, queued, Arm.CANDIDATE);
            int baseTotal = evidence.baseline().map(b -> total(tier, b, queued, Arm.BASELINE)).orElse(0);
            boolean holding = held.contains(tier);
            added.addAll(arm(rollout, tier, Arm.CANDIDATE, cand, fit, queued, stage.minJobs(), holding, baseTotal, now));
            if (evidence.baseline().isPresent()) {
                added.addAll(arm(rollout, tier, Arm.BASELINE, evidence.baseline().get(), fit, queued, stage.minJobs(),
                        holding, candTotal, now));
            }
        }
        if (!added.isEmpty()) {
            jobs.insert(added);
        }
        return added;
    }

    /** Finished, running and queued jobs of one arm of one tier. */
    private static int total(String tier, ArmEvidence evidence, List<Job> queued, Arm arm) {
        return evidence.finished().size() + evidence.running().size() + waiting(tier, evidence, queued, arm);
    }

    private static int waiting(String tier, ArmEvidence evidence, List<Job> queued, Arm arm) {
        return (int) queued.stream().filter(j -> tier.equals(j.tier()) && j.arm() == arm
                && j.revision() != null && j.revision() == evidence.revision()).count();
    }

    private static List<Job> arm(Rollout rollout, String tier, Arm arm, ArmEvidence evidence, List<Job> pool,
                                 List<Job> queued, int minJobs, boolean held, int otherArm, Instant now) {
        int waiting = waiting(tier, evidence, queued, arm);
        int live = evidence.running().size() + waiting;
        int ceiling = held ? Math.max(CEILING * minJobs, HELD_CEILING) : CEILING * minJobs;
        int wanted = held && evidence.succeeded().size() >= minJobs ? ceiling : minJobs;
        int missing = Math.max(wanted - evidence.succeeded().size() - live,
                otherArm - evidence.finished().size() - live);
        int room = ceiling - evidence.finished().size() - live;
        int count = Math.min(Math.min(missing, room), QUEUED_PER_ARM - waiting);
        List<Job> replays = new ArrayList<>();
        int next = evidence.finished().size() + live; // the same sources in the same order on both arms
        for (int i = 0; i < count; i++) {
            Job source = pool.get((next + i) % pool.size());
            replays.add(new Job(Job.newId(), rollout.serviceId(), source.params(), source.requiresGpu(), null, tier,
                    evidence.revision(), arm, JobStatus.QUEUED, null, 0, 0, 0, false, now, null, 1, source.id()));
        }
        return replays;
    }
}
