package dev.drover.notify;

import dev.drover.rollout.RolloutEvent;
import dev.drover.secret.SecretText;
import java.util.Optional;
import java.util.Set;

/**
 * Where notifications go.
 *
 * @param url     the receiver; for {@link Format#COMMIT_STATUS} a template with {@code {service}} and {@code {sha}}
 * @param events  the event kinds it gets (a format's {@link Format#defaultEvents() defaults} when configured empty)
 * @param secret  signs each body: {@code X-Drover-Signature-256: sha256=<hex HMAC-SHA256>}
 * @param token   sent as {@code Authorization: Bearer <token>} (a git host's API token)
 */
public record Sink(String name, String url, Format format, Set<RolloutEvent.Kind> events, Optional<SecretText> secret,
                   Optional<SecretText> token) {
    /** The name of the commit-status callback's sink. */
    public static final String COMMIT_STATUS = "commit-status";

    public Sink {
        if (name == null || !name.matches("[a-z0-9][a-z0-9_.-]{0,99}")) {
            throw new IllegalArgumentException("notification sink name '" + name
                    + "' must be lower-case letters, digits, '.', '_' or '-' (at most 100)");
        }
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("notification sink '" + name + "': url must start with http:// or https://, got '"
                    + url + "'");
        }
        events = events == null || events.isEmpty() ? format.defaultEvents() : Set.copyOf(events);
    }

    public boolean wants(RolloutEvent event) {
        return events.contains(event.kind()) && (format != Format.COMMIT_STATUS || event.commitSha() != null);
    }

    /** The URL this event goes to: the template filled in for the commit-status callback. */
    String urlFor(String service, RolloutEvent event) {
        if (format != Format.COMMIT_STATUS) {
            return url;
        }
        return url.replace("{service}", service).replace("{sha}", event.commitSha());
    }
}
