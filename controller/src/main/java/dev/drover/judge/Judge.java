package dev.drover.judge;

/**
 * Judges a candidate against its baseline on one tier. Implementations are pure: the same input gives
 * the same verdict. A gate fails only on evidence; too little evidence is {@code pending} or {@code no-data}.
 */
public interface Judge {

    TierVerdict judge(JudgeInput input);

    /** How many tests one tier runs under these gates, to split the rollout's false-rollback budget. */
    int testsPerTier(dev.drover.spec.GatesSpec gates);

    /**
     * The fewest pairs of judged jobs in which this judge rolls back a candidate failing every job (its baseline
     * failing none) at {@code alpha}; empty where it cannot say. A stage with a smaller {@code minJobs} holds such a
     * candidate until its deadline instead of rolling it back.
     */
    default java.util.OptionalInt pairsToCatchAlwaysFailing(dev.drover.spec.GatesSpec gates, double alpha) {
        return java.util.OptionalInt.empty();
    }
}
