package dev.drover.job;

import java.time.Instant;
import java.util.Map;

/**
 * One unit of work.
 *
 * @param tier      chosen at submission by weight; null while no tier can take it ({@code reason} says why)
 * @param revision  fixed at its first dispatch (or pinned); retries keep it
 * @param arm       fixed at its first dispatch; retries keep it
 */
public record Job(String id, long serviceId, Map<String, String> params, boolean requiresGpu, Integer pinnedRevision,
                  String tier, Integer revision, Arm arm, JobStatus status, String reason, int attempts,
                  int infraFailures, int codeFailures, boolean cancelRequested, Instant submittedAt, Instant finishedAt,
                  long version) {

    public Job {
        params = Map.copyOf(params);
    }
}
