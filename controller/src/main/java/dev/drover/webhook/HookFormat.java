package dev.drover.webhook;

import dev.drover.secret.SecretText;

/** One git host's way of signing and shaping push notifications. */
public sealed interface HookFormat permits GitHubFormat, GitLabFormat, GitHookFormat {

    /** The path segment: {@code /hooks/<name>/<service>}. */
    String name();

    /** Whether the request was signed with the service's secret; reads only headers and the raw body. */
    boolean authentic(Headers headers, byte[] body, SecretText secret);

    /** The sender's id for this delivery, to spot redeliveries; null when the sender gives none. */
    String deliveryId(Headers headers);

    /** What kind of event it is: {@code push}, {@code ping}, or anything else (ignored). */
    String event(Headers headers);

    /** The push, from an authentic body. */
    PushEvent push(Headers headers, byte[] body) throws MalformedPayloadException;

    static HookFormat named(String name) {
        return switch (name) {
            case "github" -> new GitHubFormat();
            case "gitlab" -> new GitLabFormat();
            case "git" -> new GitHookFormat();
            default -> null;
        };
    }
}
