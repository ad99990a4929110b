package dev.drover.notify;

import dev.drover.rollout.RolloutEvent;

/**
 * The one readable line a person gets in chat, e.g.
 * {@code demo: rollout #3 of revision 3 rolled back — canary-gpu failed 9 of 40 jobs...}.
 */
public final class NoticeText {
    private NoticeText() {
    }

    public static String line(Notice n) {
        RolloutEvent e = n.event();
        String what = switch (e.kind()) {
            case REQUESTED -> "requested";
            case STARTED -> "started";
            case STAGE_STARTED -> "entered a stage";
            case STAGE_PASSED -> "passed a stage";
            case PAUSED -> "paused";
            case SUCCEEDED -> "promoted";
            case ROLLED_BACK -> "rolled back";
            case ABORTED -> "aborted";
            case SUPERSEDED -> "superseded";
            case LOCKED -> "locked";
            case UNLOCKED -> "unlocked";
            case COMMIT_BUILDING, COMMIT_GREEN, COMMIT_FAILED, COMMIT_INVALID -> null;
        };
        if (what == null) {
            return n.service() + ": " + e.message(); // the message names the commit, its author and why
        }
        return n.service() + ": " + subject(n) + what + " — " + e.message();
    }

    private static String subject(Notice n) {
        if (n.event().rolloutId() == null) {
            return n.event().kind() == RolloutEvent.Kind.ROLLED_BACK ? "" : "service ";
        }
        return "rollout #" + n.event().rolloutId() + (n.revision() == null ? "" : " of revision " + n.revision()) + " ";
    }
}
