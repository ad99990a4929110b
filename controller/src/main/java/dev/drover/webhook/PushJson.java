package dev.drover.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The {@code ref}/{@code before}/{@code after} fields that GitHub, GitLab and Drover's git hook all send. */
final class PushJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PushJson() {
    }

    static PushEvent parse(String json) throws MalformedPayloadException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException("the body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPayloadException("the body is not a JSON object");
        }
        String ref = text(root, "ref");
        String before = text(root, "before");
        String after = text(root, "after");
        if (!after.matches("[0-9a-f]{40}([0-9a-f]{24})?")) {
            throw new MalformedPayloadException("'after' is not a commit id: " + after);
        }
        return new PushEvent(ref, before, after);
    }

    private static String text(JsonNode root, String field) throws MalformedPayloadException {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedPayloadException("a push needs a string field '" + field + "'");
        }
        return value.asText();
    }
}
