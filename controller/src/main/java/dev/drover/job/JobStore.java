package dev.drover.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where jobs and their attempts are kept. Every state change checks the state it starts from. */
public interface JobStore {

    void insert(List<Job> jobs);

    Optional<Job> find(String id);

    /** The service's jobs, newest first. */
    default List<Job> list(long serviceId, int limit) {
        return list(serviceId, JobFilter.none(), limit).stream().map(ListedJob::job).toList();
    }

    /**
     * The service's jobs that pass the filter (applied before the limit), newest first, each with its latest
     * attempt's outcome and duration and the cost of all its attempts.
     */
    List<ListedJob> list(long serviceId, JobFilter filter, int limit);

    /** The service's most recent submitted jobs (not replays, not pinned), newest first: what replays repeat. */
    List<Job> recentSubmitted(long serviceId, int limit);

    /** The service's replays still waiting in the queue. */
    List<Job> queuedReplays(long serviceId);

    /** Queued jobs of every service, oldest first. */
    List<Job> queued(int limit);

    /** Sets (or clears) the tier of a queued job and why it waits. */
    void route(String jobId, String tier, String reason);

    /**
     * Atomically moves the job from queued (at the version read) to running and creates its next
     * attempt on the agent; empty when another dispatcher got there first.
     */
    Optional<Attempt> claim(Job job, long agentId, int revision, Arm arm, Instant now);

    Optional<Attempt> attempt(long attemptId);

    List<Attempt> attempts(String jobId);

    /** Attempts still running on the agent. */
    List<Attempt> running(long agentId);

    /** How many attempts are still running on the agent (what {@link #running} would list, counted in the database). */
    int runningCount(long agentId);

    /** Attempts still running on agents whose lease ended before {@code before}. */
    List<Attempt> runningOnLapsedAgents(Instant before);

    /** Records the attempt's result if it is still running; false when it was already finished or given up on. */
    default boolean finishAttempt(long attemptId, Measured measured) {
        return finishAttempt(attemptId, measured, JobMove.NONE);
    }

    /**
     * Records the attempt's result if it is still running and, in the same transaction, moves its job;
     * false (and nothing written) when the attempt was already finished or given up on.
     */
    boolean finishAttempt(long attemptId, Measured measured, JobMove move);

    void lateResult(long attemptId, String outcome, String detail, Instant now);

    void finish(String jobId, JobStatus status, String reason, Instant now);

    void requestCancel(String jobId);

    String log(long attemptId);

    /** The service's attempts on a tier dispatched at or after {@code since}, running or finished: a stage's evidence. */
    List<Attempt> attemptsOnTier(long serviceId, String tier, Instant since);

    /** The service's attempts whose result the controller took at or after {@code since} (its clock): for summaries. */
    List<Attempt> finishedAttempts(long serviceId, Instant since);

    /** Records where an attempt runs outside Drover's agents (an AWS Batch job id). */
    void setBackendRef(long attemptId, String ref);

    /** The backend references of the agent's running attempts, by attempt id (attempts without one are left out). */
    Map<Long, String> backendRefs(long agentId);

    /** Running attempts on the agent whose job a person cancelled. */
    List<Attempt> cancelRequested(long agentId);

    /** Deletes finished jobs (and their attempts and logs) that finished before {@code before}; how many. */
    int deleteFinishedBefore(Instant before);
}
