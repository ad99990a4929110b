package dev.drover.webhook;

import dev.drover.secret.SecretText;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** GitHub: {@code X-Hub-Signature-256}, {@code X-GitHub-Event}, {@code X-GitHub-Delivery}; JSON or form-encoded body. */
public record GitHubFormat() implements HookFormat {

    @Override
    public String name() {
        return "github";
    }

    @Override
    public boolean authentic(Headers headers, byte[] body, SecretText secret) {
        return Hmac.signatureMatches(headers.get("X-Hub-Signature-256"), body, secret);
    }

    @Override
    public String deliveryId(Headers headers) {
        return headers.get("X-GitHub-Delivery");
    }

    @Override
    public String event(Headers headers) {
        String event = headers.get("X-GitHub-Event");
        return event == null ? "unknown" : event;
    }

    @Override
    public PushEvent push(Headers headers, byte[] body) throws MalformedPayloadException {
        String text = new String(body, StandardCharsets.UTF_8);
        String type = headers.get("Content-Type");
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            if (!text.startsWith("payload=")) {
                throw new MalformedPayloadException("a form-encoded delivery needs a 'payload' field");
            }
            text = URLDecoder.decode(text.substring("payload=".length()), StandardCharsets.UTF_8);
        }
        return PushJson.parse(text);
    }
}
