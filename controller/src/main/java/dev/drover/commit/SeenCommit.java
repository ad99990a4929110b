package dev.drover.commit;

import java.time.Instant;
import java.util.List;

/** A commit as read from git. */
public record SeenCommit(String sha, List<String> parents, String authorName, String authorEmail, String message,
                         Instant committedAt) {
    public SeenCommit {
        parents = List.copyOf(parents);
    }
}
