package dev.drover.judge;

import java.time.Instant;

/**
 * One finished attempt as the judge sees it.
 *
 * @param durationMillis null unless it succeeded
 * @param memoryPeak     bytes; null where the host could not measure it
 * @param cost           null where the target has no price
 * @param jobId          the attempt's job (the label test's unit); null where unknown, then not counted by it
 * @param attempt        the attempt's number within its job (1 for the first dispatch, higher for retries)
 */
public record Sample(Instant dispatchedAt, Kind kind, Long durationMillis, Long memoryPeak, Double cost, String jobId,
                     int attempt) {

    /** An attempt the label test does not see (no job). */
    public Sample(Instant dispatchedAt, Kind kind, Long durationMillis, Long memoryPeak, Double cost) {
        this(dispatchedAt, kind, durationMillis, memoryPeak, cost, null, 1);
    }

    /** How the attempt ended, for judging. */
    public enum Kind {
        SUCCEEDED,
        /** Exit non-zero, timeout, out of memory: the code's fault. */
        CODE_FAILURE,
        /** Spot interruption, lost agent, host failure: retried, and compared between arms on its own. */
        INFRA_FAILURE;

        /** Judged jobs are the ones that ran to an end the code is answerable for. */
        public boolean judged() {
            return this != INFRA_FAILURE;
        }
    }
}
