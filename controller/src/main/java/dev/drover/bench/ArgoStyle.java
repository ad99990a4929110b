package dev.drover.bench;

import java.util.Arrays;

/**
 * Argo-Rollouts-style analysis: the candidate's judged completions are cut into windows of {@code w}
 * jobs; each window is one measurement of two metrics against absolute thresholds (no baseline
 * comparison, as Argo analyses usually run): the window's failure count above {@code w x threshold},
 * and the window's median success duration above a duration threshold. As in Argo, a metric fails (and
 * the rollout rolls back) when its failed measurements exceed {@code failureLimit} (so at the 3rd with
 * the default 2); the analysis succeeds (promote) after N_FH / w measurements. Thresholds come from
 * {@link ArgoThresholds}.
 */
final class ArgoStyle implements Procedure {
    private final ArgoThresholds thresholds;
    private final int window;
    private final int failureLimit;
    private final int measurements;
    private final double[] durations;
    private int jobs;
    private int failures;
    private int successes;
    private int measured;
    private int failedOnFailures;
    private int failedOnDuration;

    ArgoStyle(Design design) {
        this.thresholds = ArgoThresholds.of(design);
        this.window = design.argoWindow();
        this.failureLimit = design.argoFailureLimit();
        this.measurements = Math.max(1, design.nfh() / window);
        this.durations = new double[window];
    }

    @Override
    public Decision completed(Job job) {
        if (!job.candidate() || !job.outcome().judged()) {
            return Decision.CONTINUE;
        }
        jobs++;
        if (job.outcome().codeFailure()) {
            failures++;
        } else {
            durations[successes++] = job.durationMinutes();
        }
        return jobs == window ? measure() : Decision.CONTINUE;
    }

    private Decision measure() {
        measured++;
        failedOnFailures += failures > thresholds.maxFailures() ? 1 : 0;
        Arrays.sort(durations, 0, successes);
        failedOnDuration += successes > 0 && durations[successes / 2] > thresholds.maxMedianMinutes() ? 1 : 0;
        jobs = 0;
        failures = 0;
        successes = 0;
        if (failedOnFailures > failureLimit) {
            return Decision.rollback(Design.FAILURE_RATE);
        }
        if (failedOnDuration > failureLimit) {
            return Decision.rollback(Design.DURATION);
        }
        return measured >= measurements ? Decision.PROMOTE : Decision.CONTINUE;
    }
}
