package dev.drover.rollout;

import dev.drover.judge.JudgeInput;
import java.time.Duration;
import java.util.Set;

/**
 * What admins require of every rollout, whatever a revision's {@code drover.yaml} says: a minimum
 * bake, a minimum of judged jobs per arm, gates that cannot be turned off, the false-rollback budget
 * per rollout, and the first revision's absolute limits.
 *
 * @param requiredGates gate keys ({@code duration}, {@code memory}, {@code costPerJob}, {@code manualApproval})
 *                      kept on even when a file turns them off
 */
public record Floors(Duration minBake, int minJobs, Set<String> requiredGates, double rolloutAlpha,
                     JudgeInput.BootstrapLimits bootstrap) {

    /**
     * The false-rollback budget per rollout when an admin sets none ({@code drover.rollouts.false-rollback-budget}
     * defaults to the same), and what {@code drover plan} assumes offline.
     */
    public static final double DEFAULT_ROLLOUT_ALPHA = 0.05;

    public static final Floors NONE = new Floors(Duration.ZERO, 1, Set.of(), DEFAULT_ROLLOUT_ALPHA,
            new JudgeInput.BootstrapLimits(0.2, 0.5));

    public Floors {
        requiredGates = Set.copyOf(requiredGates);
        if (rolloutAlpha <= 0 || rolloutAlpha >= 1) {
            throw new IllegalArgumentException("the false-rollback budget must be between 0 and 1, got " + rolloutAlpha);
        }
    }
}
