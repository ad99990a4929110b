package dev.drover.judge;

import dev.drover.spec.GatesSpec;
import java.util.Optional;

/**
 * Everything the judge needs for one tier of one stage.
 *
 * @param minJobs   judged jobs each arm needs before a verdict
 * @param alpha        this tier's share of the rollout's false-rollback budget for each of its tests but the
 *                     code-failure test
 * @param failureAlpha the code-failure test's share (larger in a first stage: see {@code rollout.Budget})
 * @param split        the probability each job of the tier went to the candidate, drawn at random; NaN when unknown
 *                     (then the code-failure test pairs jobs instead of reading the labels of failures)
 * @param baseline  empty in a first revision's bootstrap: then only absolute limits apply
 * @param limits    the absolute limits of a bootstrap
 */
public record JudgeInput(String tier, GatesSpec gates, int minJobs, double alpha, double failureAlpha, double split,
                         ArmEvidence candidate, Optional<ArmEvidence> baseline, BootstrapLimits limits) {

    /** Every test at the same {@code alpha}, the split unknown. */
    public JudgeInput(String tier, GatesSpec gates, int minJobs, double alpha, ArmEvidence candidate,
                      Optional<ArmEvidence> baseline, BootstrapLimits limits) {
        this(tier, gates, minJobs, alpha, alpha, Double.NaN, candidate, baseline, limits);
    }

    /** Whether the label test applies: the split is known and strictly between 0 and 1. */
    public boolean splitKnown() {
        return split > 0 && split < 1;
    }

    /** A first revision's limits: failure-rate ceilings, since there is nothing to compare with. */
    public record BootstrapLimits(double maxFailureRate, double maxInfraFailureRate) {
    }
}
