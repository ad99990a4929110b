package dev.drover.job;

import java.time.Instant;

/**
 * What an attempt's end does to its job, written in the same transaction as the attempt's result: a
 * controller killed in between would otherwise leave a finished attempt under a job that runs forever
 * (the agent's redelivered result is then a duplicate, and settles nothing).
 *
 * @param status       for {@link Kind#FINISH}: how the job ended
 * @param infraFailure for {@link Kind#REQUEUE}: which failure to count (infrastructure, else code)
 * @param at           for {@link Kind#FINISH}: when
 */
public record JobMove(Kind kind, JobStatus status, boolean infraFailure, String reason, Instant at) {
    /** Leave the job as it is (it already finished). */
    public static final JobMove NONE = new JobMove(Kind.NONE, null, false, null, null);

    public enum Kind {
        NONE,
        /** The job ends with {@code status}. */
        FINISH,
        /** Back to the queue for another attempt (same tier, revision and arm), counting the failure. */
        REQUEUE,
        /** Back to the queue with its revision and arm chosen again, counting no failure. */
        REROUTE,
        /** Back to the queue for another attempt (same tier, revision and arm), counting no failure. */
        RETRY
    }

    public static JobMove finish(JobStatus status, String reason, Instant at) {
        return new JobMove(Kind.FINISH, status, false, reason, at);
    }

    public static JobMove requeue(boolean infraFailure, String reason) {
        return new JobMove(Kind.REQUEUE, null, infraFailure, reason, null);
    }

    /** Another attempt that spends no retry: the last was lost to the controller's own downtime. */
    public static JobMove retry(String reason) {
        return new JobMove(Kind.RETRY, null, false, reason, null);
    }

    public static JobMove reroute(String reason) {
        return new JobMove(Kind.REROUTE, null, false, reason, null);
    }

    /** Whether the job goes back to the queue (dispatchers are to be woken). */
    public boolean queued() {
        return kind == Kind.REQUEUE || kind == Kind.REROUTE || kind == Kind.RETRY;
    }
}
