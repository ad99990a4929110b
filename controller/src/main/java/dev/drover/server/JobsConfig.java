package dev.drover.server;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code drover.jobs.*}.
 *
 * @param retention   finished jobs (with their attempts and logs) older than this are deleted
 * @param routingSeed a fixed seed for the tier and arm draws (tests, simulations); empty: a fresh seed
 */
@ConfigurationProperties("drover.jobs")
public record JobsConfig(@Bindable(defaultValue = "30d") Duration retention, @Nullable Long routingSeed) {
}
