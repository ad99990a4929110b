package dev.drover.api;

import io.micronaut.core.annotation.Introspected;
import jakarta.validation.constraints.NotBlank;

/** {@code POST /api/v1/tokens}: a name and a role ({@code viewer}, {@code deployer} or {@code admin}). */
@Introspected
public record CreateTokenRequest(@NotBlank String name, @NotBlank String role, String reason) {
}
