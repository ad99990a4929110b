package dev.drover.server;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code drover.git.*}: the repository mirrors and how often they are polled.
 *
 * @param pollInterval how often each service's branch is fetched without a webhook
 * @param pollJitter   each wait is the interval times 1 ± this fraction, so polls spread out
 * @param mirrorsDir     where the bare mirrors live; empty: {@code <home>/mirrors}
 * @param knownHostsFile the SSH host keys fetches over SSH trust; empty: {@code <home>/known_hosts}
 */
@ConfigurationProperties("drover.git")
public record GitConfig(
        @Bindable(defaultValue = "60s") Duration pollInterval,
        @Bindable(defaultValue = "0.2") double pollJitter,
        @Nullable String mirrorsDir,
        @Nullable String knownHostsFile) {
}
