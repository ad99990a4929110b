package dev.drover.rollout;

import dev.drover.spec.StageSpec;
import java.util.List;

/**
 * How a rollout's false-rollback budget is spent over its tests: a weighted Bonferroni split, so the chance of
 * any false rollback in the rollout stays at most the budget however the shares fall.
 *
 * <p>The first stage's code-failure tests get {@link #FIRST_STAGE_FAILURE_SHARE} of it (split evenly over that
 * stage's tiers), every other test of the rollout (later stages' failure tests, every infrastructure, duration,
 * memory and cost test) an even part of the rest. A broken revision is the regression that matters most and the
 * first stage is where it should be caught: an even split gave that test a twentieth of the budget in a
 * four-stage rollout, and a revision failing one job in four was still not rolled back after 54 jobs per arm.
 * The price is paid by the other tests: in a four-stage rollout of one tier each with every gate on, their bound
 * rises from 400 to 1140, about 17% more evidence to reach (docs/judge.md).
 *
 * @param firstStageFailure each first-stage tier's code-failure test
 * @param other             each other test
 */
public record Budget(double firstStageFailure, double other) {
    /** The first stage's code-failure tests' share of the rollout's budget. */
    public static final double FIRST_STAGE_FAILURE_SHARE = 2.0 / 3;

    public Budget {
        if (!(firstStageFailure > 0 && firstStageFailure < 1) || !(other > 0 && other < 1)) {
            throw new IllegalArgumentException("each test's share of the budget must be between 0 and 1, got "
                    + firstStageFailure + " and " + other);
        }
    }

    /** An even split: every test the same share (a policy stored before the weighted split). */
    public static Budget even(double alpha) {
        return new Budget(alpha, alpha);
    }

    /**
     * The split of {@code rolloutAlpha} over {@code stages}, each tier running {@code testsPerTier} tests (one of
     * them the code-failure test).
     */
    public static Budget split(double rolloutAlpha, List<StageSpec> stages, int testsPerTier) {
        int firstTiers = stages.isEmpty() ? 1 : Math.max(1, stages.get(0).tiers().size());
        int tests = Math.max(firstTiers + 1, stages.stream().mapToInt(s -> s.tiers().size()).sum() * testsPerTier);
        return new Budget(rolloutAlpha * FIRST_STAGE_FAILURE_SHARE / firstTiers,
                rolloutAlpha * (1 - FIRST_STAGE_FAILURE_SHARE) / (tests - firstTiers));
    }

    /** The code-failure test's share in stage {@code index} (0 for the first). */
    public double failure(int index) {
        return index == 0 ? firstStageFailure : other;
    }
}
