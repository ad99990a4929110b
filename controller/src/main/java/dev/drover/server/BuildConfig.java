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
 * @param registryAuth     the login pushes use: {@code none} (anonymous, or the Docker client config's login),
 *                         {@code ecr} (a token from ECR, region {@code drover.aws.region}) or {@code basic} (the
 *                         user name and password below)
 * @param registryUsername for {@code basic}: the registry user name
 * @param registryPassword for {@code basic}: its password (prefer the environment, DROVER_BUILDS_REGISTRY_PASSWORD)
 * @param concurrency builds at once, over all services (one per service at a time)
 * @param timeout     longest an image build or push may take
 * @param logLimit    characters kept of each build and test log (its start and its end)
 */
@ConfigurationProperties("drover.builds")
public record BuildConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "unix:///var/run/docker.sock") String dockerHost,
        @Bindable(defaultValue = "") String registry,
        @Bindable(defaultValue = "none") String registryAuth,
        @Bindable(defaultValue = "") String registryUsername,
        @Bindable(defaultValue = "") String registryPassword,
        @Bindable(defaultValue = "2") int concurrency,
        @Bindable(defaultValue = "30m") Duration timeout,
        @Bindable(defaultValue = "262144") int logLimit) {

    /** Leaves the password out, so a logged configuration never carries it. */
    @Override
    public String toString() {
        return "BuildConfig[enabled=" + enabled + ", dockerHost=" + dockerHost + ", registry=" + registry
                + ", registryAuth=" + registryAuth + ", registryUsername=" + registryUsername + ", registryPassword="
                + (registryPassword.isEmpty() ? "" : "***") + ", concurrency=" + concurrency + ", timeout=" + timeout
                + ", logLimit=" + logLimit + "]";
    }
}
