package dev.drover.commit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where commits are recorded. */
public interface CommitStore {

    /**
     * Records the commit unless it already is; true when it was new. Never records a commit twice. An
     * invalid commit's {@link CommitNews event} is stored in the same transaction.
     */
    boolean record(long serviceId, SeenCommit commit, CommitStatus status, String statusDetail, Instant now);

    boolean isRecorded(long serviceId, String sha);

    /** The newest recorded commits first. */
    List<Commit> list(long serviceId, int limit);

    Optional<Commit> newest(long serviceId);

    Optional<Commit> find(long serviceId, String sha);

    /** Commits whose id starts with {@code prefix}, of every service (at most a few). */
    List<Commit> findByPrefix(String prefix);

    /** The service's commits with this status, newest first. */
    List<Commit> withStatus(long serviceId, CommitStatus status);

    /** Every commit with this status, of every service. */
    List<Commit> withStatus(CommitStatus status);

    /**
     * Sets the status and its detail; {@code requested} marks a commit a person asked to have built. When the
     * status is news (building, green, failed, invalid) its {@link CommitNews event} is stored in the same
     * transaction.
     */
    void setStatus(long commitId, CommitStatus status, String statusDetail, boolean requested, Instant now);
}
