package dev.drover.server;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/** {@code drover.services.<name>.*}: a service declared in configuration, created or updated at start-up. */
@EachProperty("drover.services")
public record ConfiguredService(
        @Parameter String name,
        String repo,
        @Bindable(defaultValue = "main") String branch,
        @Nullable String webhookSecretFile,
        @Nullable String credentials) {
}
