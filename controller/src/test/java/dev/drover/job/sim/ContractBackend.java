package dev.drover.job.sim;

import dev.drover.job.Attempt;
import dev.drover.job.Job;
import dev.drover.job.NewJob;
import java.time.Duration;
import java.util.List;

/**
 * A job backend as {@link JobBackendContract} drives it: one service whose revision 1 is the demo
 * worker (256 MiB, 600 s timeout, 2 infra and 0 code retries) on tiers {@code canary} and {@code main},
 * deployed as stable, and one host serving them.
 */
public interface ContractBackend extends AutoCloseable {

    /** Adds the service's next revision, with the same job spec; its number. */
    int addRevision();

    /** Puts every tier on {@code stable}, with {@code candidate} (null: none) taking {@code split} of the jobs. */
    void deploy(int stable, Integer candidate, double split);

    void addHost(String name) throws Exception;

    List<Job> submit(List<NewJob> jobs);

    /** Lets the backend run until every job submitted here has finished, or {@code max} passed; whether they all did. */
    boolean runUntilSettled(Duration max);

    /** Lets the backend run until the job is running, or {@code max} passed; whether it is. */
    boolean runUntilRunning(String jobId, Duration max);

    /** Cancels the job as a person would ({@code drover cancel}). */
    Job cancel(String jobId);

    Job job(String id);

    List<Attempt> attempts(String jobId);

    /** Whether the backend measures a job's peak memory (AWS Batch does not report it). */
    default boolean measuresMemory() {
        return true;
    }

    /** What to show when an assertion fails (the agents' logs, say); empty by default. */
    default String diagnostics() {
        return "";
    }

    @Override
    void close();
}
