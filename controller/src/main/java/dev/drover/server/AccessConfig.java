package dev.drover.server;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code drover.access.*}.
 *
 * @param adminTokenFile a file holding the local admin token; created with a new secret (mode 600)
 *                       when missing. {@code ./drover up} uses {@code .drover/admin-token}. Unset: none.
 */
@ConfigurationProperties("drover.access")
public record AccessConfig(@Nullable String adminTokenFile) {
}
