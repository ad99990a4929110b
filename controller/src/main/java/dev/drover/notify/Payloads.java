package dev.drover.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.rollout.RolloutEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bodies a sink is sent, one per {@link Format}. */
final class Payloads {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** GitHub's limit on a status's description. */
    static final int MAX_STATUS_DESCRIPTION = 140;

    private Payloads() {
    }

    static String of(Format format, Notice n) {
        return switch (format) {
            case JSON -> json(n);
            case SLACK -> write(Map.of("text", NoticeText.line(n)));
            case COMMIT_STATUS -> commitStatus(n);
        };
    }

    /** {@code {id, event, service, rolloutId, revision, commit, message, at}}; absent values are null. */
    private static String json(Notice n) {
        RolloutEvent e = n.event();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", e.id());
        body.put("event", e.kind().wireName());
        body.put("service", n.service());
        body.put("rolloutId", e.rolloutId());
        body.put("revision", n.revision());
        body.put("commit", e.commitSha());
        body.put("message", e.message());
        body.put("at", e.at().toString());
        body.put("text", NoticeText.line(n));
        return write(body);
    }

    /** {@code {sha, state, description, context}}, the fields a git host's commit status API takes. */
    private static String commitStatus(Notice n) {
        RolloutEvent e = n.event();
        String state = switch (e.kind()) {
            case COMMIT_GREEN -> "success";
            case COMMIT_FAILED -> "failure";
            case COMMIT_INVALID -> "error";
            default -> "pending";
        };
        String description = e.message().length() <= MAX_STATUS_DESCRIPTION ? e.message()
                : e.message().substring(0, MAX_STATUS_DESCRIPTION - 1) + "…";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sha", e.commitSha());
        body.put("state", state);
        body.put("description", description);
        body.put("context", "drover/" + n.service());
        return write(body);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification body of strings and numbers is always JSON", e);
        }
    }
}
