package dev.drover.server;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code drover.notifications.*}: the outbox's loop and retries, and the commit-status callback. Sinks are
 * {@link ConfiguredSink drover.notifications.sinks.<name>}.
 *
 * @param interval          how often the outbox reads new events and sends what is due; 0 turns it off
 * @param timeout           the longest one request (connect and answer) may take
 * @param maxAttempts       a notification is given up on (failed) after this many attempts
 * @param backoff           the wait after the first failed attempt; doubled after each next one
 * @param backoffCap        the longest wait between attempts
 * @param commitStatusUrl   the commit-status callback, a URL template with {service} and {sha}; empty: none
 * @param commitStatusToken the name of a controller-side secret sent to it as a bearer token; empty: none
 */
@ConfigurationProperties("drover.notifications")
public record NotificationsConfig(
        @Bindable(defaultValue = "2s") Duration interval,
        @Bindable(defaultValue = "5s") Duration timeout,
        @Bindable(defaultValue = "8") int maxAttempts,
        @Bindable(defaultValue = "2s") Duration backoff,
        @Bindable(defaultValue = "5m") Duration backoffCap,
        @Bindable(defaultValue = "") String commitStatusUrl,
        @Bindable(defaultValue = "") String commitStatusToken) {
}
