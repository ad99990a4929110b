package dev.drover.revision;

import dev.drover.commit.CommitStatus;
import dev.drover.commit.CommitStore;
import dev.drover.commit.SeenCommit;
import java.time.Instant;
import java.util.List;

/** For tests: what a green build leaves behind, a recorded commit and the revision made from it. */
public final class GreenRevisions {
    private GreenRevisions() {
    }

    /** Records commit {@code sha} as green and creates its revision; returns the revision's number. */
    public static int create(CommitStore commits, RevisionStore revisions, long serviceId, String sha, String image,
                             RevisionSpec spec, Instant at) {
        commits.record(serviceId, new SeenCommit(sha, List.of(), "Ada", "ada@example.com", "commit " + sha.substring(0, 7),
                at), CommitStatus.GREEN, null, at);
        long commitId = commits.find(serviceId, sha).orElseThrow().id();
        return revisions.create(serviceId, commitId, image, spec, at).number();
    }
}
