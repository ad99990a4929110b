package dev.drover.webhook;

import dev.drover.secret.SecretText;
import java.nio.charset.StandardCharsets;

/** GitLab: the secret itself in {@code X-Gitlab-Token}; {@code X-Gitlab-Event: Push Hook}; {@code X-Gitlab-Event-UUID}. */
public record GitLabFormat() implements HookFormat {

    @Override
    public String name() {
        return "gitlab";
    }

    @Override
    public boolean authentic(Headers headers, byte[] body, SecretText secret) {
        return secret.matches(headers.get("X-Gitlab-Token"));
    }

    @Override
    public String deliveryId(Headers headers) {
        String uuid = headers.get("X-Gitlab-Event-UUID");
        return uuid != null ? uuid : headers.get("Idempotency-Key");
    }

    @Override
    public String event(Headers headers) {
        String event = headers.get("X-Gitlab-Event");
        if ("Push Hook".equals(event)) {
            return "push";
        }
        return event == null ? "unknown" : event;
    }

    @Override
    public PushEvent push(Headers headers, byte[] body) throws MalformedPayloadException {
        return PushJson.parse(new String(body, StandardCharsets.UTF_8));
    }
}
