package dev.drover.server;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code drover.access.tokens.<name>.*}: a token declared in configuration, for bootstrap and
 * automation. Give the secret's SHA-256 ({@code sha256}), never the secret itself.
 */
@EachProperty("drover.access.tokens")
public record ConfiguredToken(@Parameter String name, String role, @Nullable String sha256) {
}
