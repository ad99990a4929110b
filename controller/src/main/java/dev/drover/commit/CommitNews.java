package dev.drover.commit;

import dev.drover.rollout.RolloutEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * What a commit's new status tells the service's event feed (and, through it, notifications and the
 * commit-status callback): its build started, it is green, it failed or it is invalid, naming the commit
 * by its short sha and subject, its author, and why. Queued, batched and testing are not news.
 */
public final class CommitNews {
    /** The most of a failure's detail (a test's last lines, a drover.yaml's errors) an event carries. */
    static final int MAX_DETAIL = 1500;

    private CommitNews() {
    }

    public static Optional<RolloutEvent> of(long serviceId, SeenCommit commit, CommitStatus status, String detail,
                                            Instant at) {
        RolloutEvent.Kind kind = switch (status) {
            case BUILDING -> RolloutEvent.Kind.COMMIT_BUILDING;
            case GREEN -> RolloutEvent.Kind.COMMIT_GREEN;
            case FAILED -> RolloutEvent.Kind.COMMIT_FAILED;
            case INVALID -> RolloutEvent.Kind.COMMIT_INVALID;
            case QUEUED, BATCHED, TESTING -> null;
        };
        if (kind == null) {
            return Optional.empty();
        }
        String what = switch (status) {
            case BUILDING -> "is building";
            case GREEN -> "is green";
            case FAILED -> "failed";
            default -> "is invalid";
        };
        String why = detail == null || detail.isBlank() ? "" : ": " + clip(detail.strip());
        String message = "commit " + shortSha(commit.sha()) + " \"" + subject(commit.message()) + "\" by "
                + author(commit) + " " + what + why;
        return Optional.of(RolloutEvent.ofCommit(serviceId, commit.sha(), kind, message, at));
    }

    static String shortSha(String sha) {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }

    private static String author(SeenCommit commit) {
        boolean email = commit.authorEmail() != null && !commit.authorEmail().isBlank();
        return commit.authorName() + (email ? " <" + commit.authorEmail() + ">" : "");
    }

    private static String subject(String message) {
        String first = message == null ? "" : message.strip().lines().findFirst().orElse("");
        return first.length() > 72 ? first.substring(0, 71) + "…" : first;
    }

    private static String clip(String text) {
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL - 1) + "…" : text;
    }
}
