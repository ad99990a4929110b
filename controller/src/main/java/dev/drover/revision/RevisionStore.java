package dev.drover.revision;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where revisions are kept; numbers are given out here, one after another per service. */
public interface RevisionStore {

    /** Creates the service's next revision; a commit becomes at most one revision (the existing one is returned). */
    Revision create(long serviceId, long commitId, String imageRef, RevisionSpec spec, Instant now);

    /** Newest first. */
    List<Revision> list(long serviceId, int limit);

    Optional<Revision> find(long serviceId, int number);
}
