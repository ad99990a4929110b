package dev.drover.server;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code drover.builds.*}: where and how commits are built.
 *
 * @param enabled     build queued commits (off: commits stay queued)
 * @param dockerHost  the engine builds and tests run on; a separate host keeps committers' code away from the controller
 * @param registry    where green images are pushed ({@code host:port/prefix}); empty: not pushed, revisions use the local image id
 * @param concurrency builds at once, over all services (one per service at a time)
 * @param timeout     longest an image build or push may take
 * @param logLimit    characters kept of each build and test log (its start and its end)
 */
@ConfigurationProperties("drover.builds")
public record BuildConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "unix:///var/run/docker.sock") String dockerHost,
        @Bindable(defaultValue = "") String registry,
        @Bindable(defaultValue = "2") int concurrency,
        @Bindable(defaultValue = "30m") Duration timeout,
        @Bindable(defaultValue = "262144") int logLimit) {
}
