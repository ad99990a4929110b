package dev.drover.server;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code drover.leader.*}: which of several controllers on one database runs the loops.
 *
 * @param lease how long a leader holds the lead without renewing it: a leader that died is replaced within
 *              about this long (it renews every {@code renew})
 * @param renew how often every controller renews its lead, or tries to take it, and says it is still there
 */
@ConfigurationProperties("drover.leader")
public record LeaderConfig(
        @Bindable(defaultValue = "15s") Duration lease,
        @Bindable(defaultValue = "2s") Duration renew) {
}
