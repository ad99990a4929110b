package dev.drover.server;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * {@code drover.database.*}: where the controller keeps its state.
 *
 * @param url      JDBC URL; empty for the embedded H2 file under {@code drover.home}
 * @param user     database user
 * @param password database password
 * @param poolSize connections kept open
 * @param connectTimeout how long a request waits for a connection before it is answered 503 (database unavailable)
 */
@ConfigurationProperties("drover.database")
public record DatabaseConfig(
        @Nullable String url,
        @Bindable(defaultValue = "sa") String user,
        @Bindable(defaultValue = "") String password,
        @Bindable(defaultValue = "10") int poolSize,
        @Bindable(defaultValue = "3s") Duration connectTimeout) {
}
