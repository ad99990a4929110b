package dev.drover.job;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * One unit of work.
 *
 * @param tier      chosen at submission by weight; null while no tier can take it ({@code reason} says why)
 * @param revision  fixed at its first dispatch (or pinned); retries keep it
 * @param arm       fixed at its first dispatch; retries keep it
 * @param replayOf  the job whose parameters a replay repeats (replayed canary load); null for a submitted job
 */
public record Job(String id, long serviceId, Map<String, String> params, boolean requiresGpu, Integer pinnedRevision,
                  String tier, Integer revision, Arm arm, JobStatus status, String reason, int attempts,
                  int infraFailures, int codeFailures, boolean cancelRequested, Instant submittedAt, Instant finishedAt,
                  long version, String replayOf) {
    private static final SecureRandom IDS = new SecureRandom();

    public Job {
        params = Map.copyOf(params);
    }

    public boolean replay() {
        return replayOf != null;
    }

    /** A new job id: {@code j-} and 16 random hex digits. */
    public static String newId() {
        byte[] bytes = new byte[8];
        IDS.nextBytes(bytes);
        return "j-" + HexFormat.of().formatHex(bytes);
    }
}
