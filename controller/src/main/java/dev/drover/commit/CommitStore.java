package dev.drover.commit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where commits are recorded. */
public interface CommitStore {

    /** Records the commit unless it already is; true when it was new. Never records a commit twice. */
    boolean record(long serviceId, SeenCommit commit, CommitStatus status, String statusDetail, Instant now);

    boolean isRecorded(long serviceId, String sha);

    /** The newest recorded commits first. */
    List<Commit> list(long serviceId, int limit);

    Optional<Commit> newest(long serviceId);
}
