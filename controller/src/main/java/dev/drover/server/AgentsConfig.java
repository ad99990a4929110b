package dev.drover.server;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code drover.agents.*}: the leases and timings agents are told when they register.
 *
 * @param lease      an agent that has not heartbeated for this long stops its own containers
 * @param heartbeat  how often agents heartbeat (well under the lease)
 * @param poll       how long a request for work waits for some
 * @param lostMargin attempts of a silent agent are requeued as agent-lost this long after its lease ended
 */
@ConfigurationProperties("drover.agents")
public record AgentsConfig(
        @Bindable(defaultValue = "30s") Duration lease,
        @Bindable(defaultValue = "5s") Duration heartbeat,
        @Bindable(defaultValue = "20s") Duration poll,
        @Bindable(defaultValue = "15s") Duration lostMargin) {
}
