package dev.drover.spec;

import java.time.Duration;
import java.util.List;

/**
 * One step of a rollout: the candidate goes onto these tiers, taking {@code split} of their jobs, and the
 * stage passes after {@code bake} once each arm has {@code minJobs} judged jobs and the gates agree; with
 * too little evidence by {@code deadline} it pauses and notifies.
 */
public record StageSpec(List<String> tiers, Duration bake, int minJobs, double split, Duration deadline) {
    public static final Duration DEFAULT_BAKE = Duration.ofMinutes(10);
    public static final int DEFAULT_MIN_JOBS = 20;
    public static final double DEFAULT_SPLIT = 0.5;
    public static final Duration DEFAULT_DEADLINE = Duration.ofHours(6);

    public StageSpec {
        tiers = List.copyOf(tiers);
    }
}
