package dev.drover.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** One rollout, or a lock, as a line a person reads. */
final class RolloutText {
    private RolloutText() {
    }

    /** {@code rollout 7 of revision 12: running, stage 1 of 4 (baking: 3m of 10m)}. */
    static String line(JsonNode r) {
        StringBuilder s = new StringBuilder("rollout ").append(r.path("id").asLong()).append(" of revision ")
                .append(r.path("revision").asInt()).append(": ").append(r.path("state").asText());
        if (r.path("stages").asInt() > 0 && !"queued".equals(r.path("state").asText())) {
            s.append(", stage ").append(r.path("stage").asInt()).append(" of ").append(r.path("stages").asInt());
        }
        String note = r.path("note").asText("");
        if (!note.isEmpty()) {
            s.append(" (").append(note).append(')');
        }
        return s.toString();
    }

    /** {@code unlocked}, or who locked it, when and why. */
    static String lock(JsonNode lock) {
        if (!lock.path("locked").asBoolean()) {
            return "unlocked";
        }
        return "locked by " + lock.path("lockedBy").asText() + " (" + lock.path("kind").asText() + ") since "
                + lock.path("lockedAt").asText() + ": " + lock.path("reason").asText();
    }
}
