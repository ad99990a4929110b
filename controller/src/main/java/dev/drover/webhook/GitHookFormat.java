package dev.drover.webhook;

import dev.drover.secret.SecretText;
import java.nio.charset.StandardCharsets;

/**
 * Drover's own {@code post-receive} hook ({@code deploy/hooks/post-receive}): a JSON body
 * {@code {"ref","before","after"}} signed like GitHub's, in {@code X-Drover-Signature-256}.
 */
public record GitHookFormat() implements HookFormat {

    @Override
    public String name() {
        return "git";
    }

    @Override
    public boolean authentic(Headers headers, byte[] body, SecretText secret) {
        return Hmac.signatureMatches(headers.get("X-Drover-Signature-256"), body, secret);
    }

    @Override
    public String deliveryId(Headers headers) {
        return headers.get("X-Drover-Delivery");
    }

    @Override
    public String event(Headers headers) {
        return "push";
    }

    @Override
    public PushEvent push(Headers headers, byte[] body) throws MalformedPayloadException {
        return PushJson.parse(new String(body, StandardCharsets.UTF_8));
    }
}
