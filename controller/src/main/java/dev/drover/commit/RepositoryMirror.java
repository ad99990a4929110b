package dev.drover.commit;

import dev.drover.service.Service;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** A local mirror of each service's repository. */
public interface RepositoryMirror {
    /** The largest file {@link #readFile} reads (1 MiB); a {@code drover.yaml} may be at most 256 KiB besides. */
    long MAX_FILE_BYTES = 1024 * 1024;

    /** Fetches the service's branch; its tip, or empty when the branch does not exist. Throws {@link MirrorException}. */
    Optional<String> fetch(Service service);

    /**
     * Commits reachable from {@code head} but not from {@code since} (when given), skipping those
     * {@code known} says are recorded; oldest first; when there are more than {@code limit}, the newest {@code limit}.
     */
    List<SeenCommit> commitsSince(Service service, String head, Optional<String> since, Predicate<String> known, int limit);

    SeenCommit commit(Service service, String sha);

    boolean isAncestor(Service service, String ancestor, String descendant);

    /**
     * The file's text at that commit, if it exists there. Throws {@link FileRefused} when it is larger than
     * {@link #MAX_FILE_BYTES} or not a regular file, {@link MirrorException} when it cannot be read.
     */
    Optional<String> readFile(Service service, String sha, String path);

    /**
     * Visits every entry under {@code dir} ({@code .} for the root) at that commit, in path order,
     * straight from git objects. Throws {@link MirrorException} when the directory does not exist.
     */
    void walkTree(Service service, String sha, String dir, TreeEntry.Visitor visitor);
}
