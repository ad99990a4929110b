package dev.drover.api;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/tokens}: a name and a role ({@code viewer}, {@code deployer} or {@code admin}). */
@Introspected
public record CreateTokenRequest(
        @NotBlank @Size(max = 100, message = Input.AT_MOST) String name,
        @NotBlank @Size(max = 16, message = Input.AT_MOST) String role,
        @Nullable @Size(max = Input.REASON, message = Input.AT_MOST)
        @Pattern(regexp = Input.LINES, message = Input.LINES_MESSAGE) String reason) {
}
