package dev.drover.commit;

import java.time.Instant;
import java.util.List;

/**
 * A recorded commit of a service's branch.
 *
 * @param statusDetail why it has its status, e.g. the {@code drover.yaml} errors of an invalid commit
 * @param requested    a person asked for it to be built (it is not batched into a newer one)
 */
public record Commit(long id, long serviceId, String sha, List<String> parents, String authorName, String authorEmail,
                     String message, Instant committedAt, Instant recordedAt, CommitStatus status, String statusDetail,
                     boolean requested, long version) {
    public Commit {
        parents = List.copyOf(parents);
    }

    /** The first line of the message. */
    public String subject() {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
