package dev.drover.judge;

import dev.drover.spec.GatesSpec;
import java.util.Optional;

/**
 * Everything the judge needs for one tier of one stage.
 *
 * @param minJobs   judged jobs each arm needs before a verdict
 * @param alpha     this tier's share of the rollout's false-rollback budget, for each of its tests
 * @param baseline  empty in a first revision's bootstrap: then only absolute limits apply
 * @param limits    the absolute limits of a bootstrap
 */
public record JudgeInput(String tier, GatesSpec gates, int minJobs, double alpha, ArmEvidence candidate,
                         Optional<ArmEvidence> baseline, BootstrapLimits limits) {

    /** A first revision's limits: failure-rate ceilings, since there is nothing to compare with. */
    public record BootstrapLimits(double maxFailureRate, double maxInfraFailureRate) {
    }
}
