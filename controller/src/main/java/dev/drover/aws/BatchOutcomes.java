package dev.drover.aws;

import dev.drover.agent.protocol.Outcome;
import java.util.List;
import java.util.Locale;

/**
 * How an AWS Batch job ended, as Drover's failure classes. Batch says it in a status reason (the job's,
 * or its container's {@code reason}) and an exit code:
 * <ul>
 *   <li>{@code Host EC2 (instance i-...) terminated.}: the host went away, a spot reclaim on spot
 *       capacity ({@code spot-interruption}), else {@code infra};</li>
 *   <li>{@code Job attempt duration exceeded timeout}: {@code timeout};</li>
 *   <li>an {@code OutOfMemoryError} container reason: {@code oom};</li>
 *   <li>{@link #TERMINATED_BY_DROVER}: a person's cancel ({@code cancelled});</li>
 *   <li>image pull, container start and task-placement errors: {@code infra};</li>
 *   <li>otherwise a non-zero exit code is the code's ({@code code}: Batch says "Essential container in task
 *       exited"); no exit code at all is {@code infra}.</li>
 * </ul>
 */
public final class BatchOutcomes {
    /** The reason Drover gives {@code TerminateJob} when a person cancels: it comes back as the status reason. */
    public static final String TERMINATED_BY_DROVER = "Terminated by Drover";
    /** The reason Drover gives {@code TerminateJob} when it takes back a job that has not started (its rollout ended). */
    public static final String REROUTED_BY_DROVER = "Terminated by Drover: rerouted";
    /** The status reasons Batch itself retries ({@code retryStrategy.evaluateOnExit}): the host went away. */
    public static final String HOST_TERMINATED_PATTERN = "Host EC2*";
    private static final List<String> INFRA_REASONS = List.of("CannotPullContainerError", "CannotStartContainerError",
            "CannotInspectContainerError", "CannotCreateContainerError", "ResourceInitializationError",
            "DockerTimeoutError", "Task failed to start", "TaskFailedToStart");

    private BatchOutcomes() {
    }

    /**
     * @param status          {@code SUCCEEDED} or {@code FAILED}
     * @param statusReason    the job's (or its last attempt's) status reason; may be null
     * @param containerReason the container's reason; may be null
     * @param exitCode        the container's exit code; null when it never ran to an exit
     * @param spot            whether the job ran on spot capacity
     */
    public static Outcome of(String status, String statusReason, String containerReason, Integer exitCode, boolean spot) {
        if ("SUCCEEDED".equals(status)) {
            return Outcome.SUCCEEDED;
        }
        String reason = statusReason == null ? "" : statusReason;
        String container = containerReason == null ? "" : containerReason;
        if (reason.startsWith(TERMINATED_BY_DROVER)) {
            return Outcome.CANCELLED;
        }
        if (reason.startsWith("Host EC2")) {
            return spot ? Outcome.SPOT_INTERRUPTION : Outcome.INFRA;
        }
        if (reason.toLowerCase(Locale.ROOT).contains("exceeded timeout")) {
            return Outcome.TIMEOUT;
        }
        if (container.contains("OutOfMemoryError") || reason.contains("OutOfMemoryError")) {
            return Outcome.OOM;
        }
        if (INFRA_REASONS.stream().anyMatch(r -> reason.contains(r) || container.contains(r))) {
            return Outcome.INFRA;
        }
        if (exitCode != null && exitCode != 0) {
            return Outcome.CODE;
        }
        return Outcome.INFRA;
    }
}
