package dev.drover.job;

import dev.drover.agent.protocol.Outcome;

/**
 * What follows a failed attempt: infrastructure failures (spot interruption, agent lost, infra) are
 * retried up to the revision's infra limit, code failures (code, timeout, oom) up to its code limit.
 */
public final class Retries {
    private Retries() {
    }

    /** Whether the job gets another attempt after {@code outcome}. */
    public static boolean retry(Job job, Outcome outcome, int infraRetries, int codeRetries) {
        if (outcome == Outcome.SUCCEEDED || outcome == Outcome.CANCELLED || job.cancelRequested()) {
            return false;
        }
        return outcome.infrastructure() ? job.infraFailures() < infraRetries : job.codeFailures() < codeRetries;
    }
}
