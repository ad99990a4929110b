package dev.drover.server;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code drover.dashboard.*}.
 *
 * @param sessionTtl   how long a dashboard sign-in lasts before the token must be entered again
 * @param liveInterval how often the controller looks for changes to push to open dashboards (only
 *                     while one is open)
 * @param secureCookie mark the session cookie {@code Secure} (sent over HTTPS only) even when the
 *                     request did not arrive over TLS, as behind a TLS-terminating proxy
 */
@ConfigurationProperties("drover.dashboard")
public record DashboardConfig(
        @Bindable(defaultValue = "12h") Duration sessionTtl,
        @Bindable(defaultValue = "1s") Duration liveInterval,
        @Bindable(defaultValue = "false") boolean secureCookie) {
}
