package dev.drover.api;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/tokens}: a name and a role ({@code viewer}, {@code deployer}, {@code admin} or {@code agent});
 * an agent token may be bound to one {@code target}, whose jobs alone its agent then runs.
 */
@Introspected
public record CreateTokenRequest(
        @NotBlank @Size(max = 100, message = Input.AT_MOST) String name,
        @NotBlank @Size(max = 16, message = Input.AT_MOST) String role,
        @Nullable @Size(max = Input.TIER, message = Input.AT_MOST)
        @Pattern(regexp = Input.ONE_LINE, message = Input.ONE_LINE_MESSAGE) String target,
        @Nullable @Size(max = Input.REASON, message = Input.AT_MOST)
        @Pattern(regexp = Input.LINES, message = Input.LINES_MESSAGE) String reason) {
}
