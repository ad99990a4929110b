package dev.drover.api;

import dev.drover.commit.Commit;
import java.time.Instant;
import java.util.List;

/** A recorded commit as the API shows it. */
public record CommitView(String sha, List<String> parents, String author, String authorEmail, String subject,
                         String message, Instant committedAt, Instant recordedAt, String status, String statusDetail) {
    static CommitView of(Commit c) {
        return new CommitView(c.sha(), c.parents(), c.authorName(), c.authorEmail(), c.subject(), c.message(),
                c.committedAt(), c.recordedAt(), c.status().wireName(), c.statusDetail());
    }
}
