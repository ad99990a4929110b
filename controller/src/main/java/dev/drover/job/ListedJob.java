package dev.drover.job;

import dev.drover.agent.protocol.Outcome;
import java.util.List;
import java.util.Objects;

/**
 * A job as a list shows it: with how its latest attempt ended and took, and what all its attempts cost.
 *
 * @param outcome        the latest attempt's; null before its first attempt and while the latest one runs
 * @param durationMillis the latest attempt's; null likewise
 * @param cost           the sum over its attempts' costs; null when none of them was priced
 */
public record ListedJob(Job job, Outcome outcome, Long durationMillis, Double cost) {

    /** From the job's attempts, oldest first. */
    public static ListedJob of(Job job, List<Attempt> attempts) {
        Attempt latest = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        Double cost = attempts.stream().map(Attempt::cost).filter(Objects::nonNull).reduce(Double::sum).orElse(null);
        return new ListedJob(job, latest == null ? null : latest.outcome(), latest == null ? null : latest.durationMillis(),
                cost);
    }
}
